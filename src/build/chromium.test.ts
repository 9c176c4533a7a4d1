import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkChromiumPath, ChromiumPathError, isExecutableFile, npmChromium, resolveChromium, systemCandidates } from './chromium';

const dir = mkdtempSync(join(tmpdir(), 'sop-chromium-'));
const script = (name: string, body: string, mode = 0o755) => {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, mode);
  return file;
};

describe('finding Chromium', () => {
  it('a CHROMIUM_PATH that does not exist stops with the variable and its value', () => {
    expect(() => resolveChromium({ CHROMIUM_PATH: '/no/such/chromium' })).toThrow(ChromiumPathError);
    expect(() => resolveChromium({ CHROMIUM_PATH: '/no/such/chromium' })).toThrow(/CHROMIUM_PATH=\/no\/such\/chromium:文件不存在/);
  });

  it('a CHROMIUM_PATH that is not executable, or is not a browser, is named too', () => {
    const plain = script('not-executable', 'echo Chromium 1', 0o644);
    expect(() => checkChromiumPath(plain)).toThrow(/CHROMIUM_PATH=.*not-executable:不是可执行文件/);
    expect(() => checkChromiumPath('/bin/false')).toThrow(/CHROMIUM_PATH=\/bin\/false:运行 --version 不像 Chrome\/Chromium/);
    expect(() => checkChromiumPath(script('other', 'echo "GNU bash 5"'))).toThrow(/它回答「GNU bash 5」/);
  });

  it('accepts a CHROMIUM_PATH that answers like Chromium', () => {
    const fake = script('chromium', 'echo "Chromium 153.0.8010.0"');
    expect(resolveChromium({ CHROMIUM_PATH: fake })).toEqual({ path: fake, source: 'CHROMIUM_PATH' });
  });

  it('SOP_NO_CHROMIUM=1 gives no browser, for the fallback build', () => {
    expect(resolveChromium({ SOP_NO_CHROMIUM: '1', CHROMIUM_PATH: '/no/such' })).toBeUndefined();
  });

  it('looks in the usual places on Linux, macOS and Windows', () => {
    expect(systemCandidates('linux', {})).toContain('/usr/bin/chromium');
    expect(systemCandidates('darwin', { HOME: '/Users/a' })).toEqual(
      expect.arrayContaining(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Users/a/Applications/Chromium.app/Contents/MacOS/Chromium']),
    );
    expect(systemCandidates('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' })).toEqual([
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
      'C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\a\\AppData\\Local\\Chromium\\Application\\chrome.exe',
    ]);
  });

  it('a file that exists but is not executable is no candidate', () => {
    expect(isExecutableFile(script('plain', 'true', 0o644))).toBe(false);
    expect(isExecutableFile(dir)).toBe(false);
    expect(isExecutableFile('/bin/sh')).toBe(true);
  });

  it('the npm Chromium is offered on Linux x64 only', () => {
    expect(npmChromium('darwin', 'arm64')).toBeUndefined();
    expect(npmChromium('linux', 'arm64')).toBeUndefined();
    // npm ci installs @sparticuz/chromium here (Linux x64): it must be found and unpacked.
    if (process.platform === 'linux' && process.arch === 'x64') {
      const binary = npmChromium('linux', 'x64');
      expect(binary, 'the npm Chromium of @sparticuz/chromium').toBeDefined();
      expect(isExecutableFile(binary!)).toBe(true);
    }
  });
});
