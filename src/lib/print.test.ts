import { describe, expect, it } from 'vitest';
import { absoluteUrl, cssString, handbookHref, newestDate, pageMarginRules } from './print';

describe('absoluteUrl', () => {
  it('joins the site origin, the base path and the page path', () => {
    expect(absoluteUrl('https://sop.example.cn', '/', 'procedures/spa/lounge/')).toBe(
      'https://sop.example.cn/procedures/spa/lounge/',
    );
    expect(absoluteUrl(new URL('https://example.cn/'), '/sop/', 'handbook/')).toBe('https://example.cn/sop/handbook/');
    expect(absoluteUrl('http://127.0.0.1:4321', '/', '')).toBe('http://127.0.0.1:4321/');
  });
});

describe('cssString', () => {
  it('escapes what would end the string or the style element', () => {
    expect(cssString('SOP-A-01 说“好”')).toBe('"SOP-A-01 说“好”"');
    expect(cssString('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    expect(cssString('x</style>')).toBe('"x\\3c /style>"');
    expect(cssString('two\nlines')).toBe('"two lines"');
  });
});

describe('pageMarginRules', () => {
  it('puts the running header on every page but the first', () => {
    const css = pageMarginRules({ left: 'SOP-SPA-02 男宾部', right: '版本 1.0' });
    expect(css).toBe(
      '@page{@top-left{content:"SOP-SPA-02 男宾部"}@top-right{content:"版本 1.0"}}' +
        '@page :first{@top-left{content:none}@top-right{content:none}}',
    );
  });
  it('scopes the header to a named page for one procedure of the handbook', () => {
    expect(pageMarginRules({ left: 'A', right: 'B' }, 'hb-3')).toBe(
      '@page hb-3{@top-left{content:"A"}@top-right{content:"B"}}',
    );
  });
});

describe('newestDate', () => {
  it('picks the latest date, or nothing for no dates', () => {
    const dates = [new Date('2026-01-02'), new Date('2026-11-27'), new Date('2025-12-31')];
    expect(newestDate(dates)?.toISOString().slice(0, 10)).toBe('2026-11-27');
    expect(newestDate([])).toBeUndefined();
  });
});

describe('handbookHref', () => {
  const sections = new Map([['procedures/hotel/guest-privacy/', 'hb-7']]);
  const from = 'procedures/hotel/walk-in-check-in/';

  it('sends a relative link to a procedure printed in the handbook to its section', () => {
    expect(handbookHref('../guest-privacy/', '/', from, sections)).toBe('#hb-7');
    expect(handbookHref('../guest-privacy/', '/sop/', from, sections)).toBe('#hb-7');
  });

  it('sends a relative link to a procedure not printed here to its page, under the base', () => {
    expect(handbookHref('../../property/phone-answering/', '/', from, sections)).toBe('/procedures/property/phone-answering/');
    expect(handbookHref('../../property/phone-answering/#step-a', '/sop/', from, sections)).toBe(
      '/sop/procedures/property/phone-answering/#step-a',
    );
  });

  it('leaves fragments, absolute paths and other schemes alone', () => {
    for (const href of ['#step-a', '/sop/glossary/', 'https://example.cn/x', 'mailto:a@b.cn', 'tel:10086']) {
      expect(handbookHref(href, '/sop/', from, sections)).toBe(href);
    }
  });
});
