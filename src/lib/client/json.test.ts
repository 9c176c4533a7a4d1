import { describe, expect, it } from 'vitest';
import { readJson, scriptJson } from './json';

/** A stand-in for the page: one element whose text is `text`. */
const rootWith = (text: string | undefined) => ({ querySelector: () => (text === undefined ? null : { textContent: text }) }) as unknown as ParentNode;

describe('script JSON', () => {
  it('cannot close its script element, and reads back the same value', () => {
    const value = { text: '</script><script>alert(1)</script>', line: 'a\u2028b' };
    const json = scriptJson(value);
    expect(json).not.toContain('</');
    expect(json).not.toContain('\u2028');
    expect(readJson(rootWith(json), '[data-x]', null)).toEqual(value);
  });

  it('falls back when the data is missing or broken', () => {
    expect(readJson(rootWith('{broken'), '[data-x]', [])).toEqual([]);
    expect(readJson(rootWith(undefined), '[data-x]', 'none')).toBe('none');
  });
});
