import { describe, expect, it } from 'vitest';
import { handbookLinks } from './handbook-links';

const context = {
  base: '/sop/',
  fromPath: 'procedures/hotel/walk-in-check-in/',
  sections: new Map([['procedures/hotel/guest-privacy/', 'hb-7']]),
};

describe('handbookLinks', () => {
  it('sends relative links to a section of the handbook, or to the page under the base', () => {
    const html =
      '<p>见<a href="../guest-privacy/">住客信息保密</a>与<a class="x" title="电话" href="../../property/phone-answering/#step-a">接听</a>。</p>';
    expect(handbookLinks(html, context)).toBe(
      '<p>见<a href="#hb-7">住客信息保密</a>与<a class="x" title="电话" href="/sop/procedures/property/phone-answering/#step-a">接听</a>。</p>',
    );
  });

  it('reads the href however the attribute is written', () => {
    expect(handbookLinks("<a title='甲' HREF='../guest-privacy/'>甲</a>", context)).toBe('<a title="甲" href="#hb-7">甲</a>');
  });

  it('changes only links: not text, code, other elements or other attributes', () => {
    const html =
      '<p>写 &lt;a href="../guest-privacy/"&gt; 即可</p><code>href="../guest-privacy/"</code>' +
      '<link href="../guest-privacy/"><a data-href="../guest-privacy/" href="#step-a">本页</a>';
    expect(handbookLinks(html, context)).toBe(html);
  });

  it('returns prose with nothing to rewrite byte for byte', () => {
    const html = '<p class="a">无链接 &#39;引号&#39;<br/></p><a href="https://example.cn/x">外</a><a href="/sop/glossary/">术</a>';
    expect(handbookLinks(html, context)).toBe(html);
  });

  it('gives the prose\'s ids and its links to the section\'s steps the prefix, never a section id it links to', () => {
    const html =
      '<h3 id="要点">要点</h3><p><a href="#要点">上文</a>、<a href="#step-a">第 1 步</a>、<a href="#main">页首</a>、' +
      '<a href="../guest-privacy/">保密</a></p><div class="levels" id="reception-levels"></div>';
    expect(handbookLinks(html, { ...context, ids: { prefix: 'hb-3', targets: ['step-a', 'checklist-b'] } })).toBe(
      '<h3 id="hb-3-要点">要点</h3><p><a href="#hb-3-要点">上文</a>、<a href="#hb-3-step-a">第 1 步</a>、<a href="#main">页首</a>、' +
        '<a href="#hb-7">保密</a></p><div class="levels" id="hb-3-reception-levels"></div>',
    );
  });

  it('writes a rewritten prose as Astro did: bare empty attributes, void elements unclosed', () => {
    const html = '<p data-astro-cid-x data-pagefind-ignore><a data-astro-cid-x href="../guest-privacy/">保密</a><br></p>';
    expect(handbookLinks(html, context)).toBe(
      '<p data-astro-cid-x data-pagefind-ignore><a data-astro-cid-x href="#hb-7">保密</a><br></p>',
    );
  });
});
