import { describe, expect, it } from 'vitest';
import { absoluteUrl, cssString, DRAFT_FOOTER, handbookHref, newestDate, pageMarginRules, procedureRunningText } from './print';

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

describe('procedureRunningText', () => {
  const data = { code: 'SOP-HOTEL-03', title: '客房预订程序', version: '1.0', reviewed: new Date('2026-11-27') };
  it('marks a draft at the top and at the bottom of every page, the first one too', () => {
    const text = procedureRunningText({ ...data, status: '草稿' }, '2026年11月27日', '3. ');
    expect(text).toEqual({ left: '草稿 · 3. SOP-HOTEL-03 客房预订程序', right: '版本 1.0 · 审核日期 2026年11月27日', footer: DRAFT_FOOTER });
    const css = pageMarginRules(text);
    expect(css).toContain(`@page{@top-left{content:"草稿 · 3. SOP-HOTEL-03 客房预订程序"}@top-right{content:"版本 1.0 · 审核日期 2026年11月27日"}@bottom-left{content:"${DRAFT_FOOTER}"}}`);
    // The first page drops the header (it has the header block), never the footer.
    expect(css).toContain('@page :first{@top-left{content:none}@top-right{content:none}}');
    expect(css.slice(css.indexOf('@page :first'))).not.toContain('bottom-left');
  });
  it('leaves a published procedure with the handbook’s own footer', () => {
    const text = procedureRunningText({ ...data, status: '正式' }, '2026年11月27日');
    expect(text.footer).toBeUndefined();
    expect(pageMarginRules(text, 'hb-1')).not.toContain('bottom-left');
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
