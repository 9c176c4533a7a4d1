import { describe, expect, it } from 'vitest';
import { isLoopbackHost, printableSite } from './print-site';

describe('printableSite', () => {
  it('keeps a public http(s) origin', () => {
    expect(printableSite('https://sop.example.cn')).toBe('https://sop.example.cn');
    expect(printableSite(' https://sop.example.cn/ ')).toBe('https://sop.example.cn');
    expect(printableSite('http://10.1.2.3:8080')).toBe('http://10.1.2.3:8080');
  });

  it('gives nothing to print when unset, malformed or not a web address', () => {
    for (const raw of [undefined, '', '   ', 'sop.example.cn', 'ftp://sop.example.cn', 'file:///srv/sop']) {
      expect(printableSite(raw), String(raw)).toBeUndefined();
    }
  });

  it('never prints a loopback address', () => {
    for (const raw of ['http://127.0.0.1:4321', 'http://127.9.0.1', 'http://localhost:4321', 'http://LOCALHOST', 'http://app.localhost', 'http://[::1]:4321', 'http://0.0.0.0:4321', 'http://[::ffff:127.0.0.1]']) {
      expect(printableSite(raw), raw).toBeUndefined();
    }
  });
});

describe('isLoopbackHost', () => {
  it('tells loopback names from ordinary ones', () => {
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('localhost.example.cn')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});
