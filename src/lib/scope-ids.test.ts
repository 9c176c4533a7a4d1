import { describe, expect, it } from 'vitest';
import { scopeIds } from './scope-ids';

describe('scopeIds', () => {
  it('prefixes ids and the links, labels and ARIA references that point at them', () => {
    const html =
      '<li id="step-greet"><a href="#step-done">下一步</a></li><li id="step-done"></li>' +
      '<input type="checkbox" id="check-a-1"><label for="check-a-1">项</label>' +
      '<section aria-labelledby="t1 t2"><h2 id="t1">标题</h2></section>';
    expect(scopeIds(html, 'p2')).toBe(
      '<li id="p2-step-greet"><a href="#p2-step-done">下一步</a></li><li id="p2-step-done"></li>' +
        '<input type="checkbox" id="p2-check-a-1"><label for="p2-check-a-1">项</label>' +
        '<section aria-labelledby="p2-t1 t2"><h2 id="p2-t1">标题</h2></section>',
    );
  });

  it('rewrites SVG marker references in attributes and inline styles', () => {
    const svg =
      '<svg id="chart-1"><marker id="m-end"></marker>' +
      '<path marker-end="url(#m-end)" style="fill:url(&quot;#m-end&quot;)"></path><use xlink:href="#m-end"></use></svg>';
    expect(scopeIds(svg, 'x')).toBe(
      '<svg id="x-chart-1"><marker id="x-m-end"></marker>' +
        '<path marker-end="url(#x-m-end)" style="fill:url(&quot;#x-m-end&quot;)"></path><use xlink:href="#x-m-end"></use></svg>',
    );
  });

  it('leaves references to ids outside the piece, external links and text alone', () => {
    const html =
      '<a class="term" href="/glossary/#term-x" aria-describedby="term-note-x">词</a>' +
      '<p id="a">写 id="a" 的文字 href="#a"</p><a href="#">顶</a>';
    expect(scopeIds(html, 'p')).toBe(
      '<a class="term" href="/glossary/#term-x" aria-describedby="term-note-x">词</a>' +
        '<p id="p-a">写 id="a" 的文字 href="#a"</p><a href="#">顶</a>',
    );
  });

  it('scopes the popover a glossary term opens, with the button that opens it', () => {
    const html = '<button class="term" popovertarget="term-pop-x">词</button><span id="term-pop-x" popover>释义</span>';
    expect(scopeIds(html, 'hb-2')).toBe(
      '<button class="term" popovertarget="hb-2-term-pop-x">词</button><span id="hb-2-term-pop-x" popover>释义</span>',
    );
  });

  it('returns html without ids unchanged', () => {
    expect(scopeIds('<p class="x">无</p>', 'p')).toBe('<p class="x">无</p>');
  });
});
