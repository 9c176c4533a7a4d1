import { describe, expect, it } from 'vitest';
import { parseFragment, prefixId, scopeIds, serialize } from './scope-ids';

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
      // popover="" is what the browser reads from a bare popover.
      '<button class="term" popovertarget="hb-2-term-pop-x">词</button><span id="hb-2-term-pop-x" popover="">释义</span>',
    );
  });

  it('returns html without ids unchanged', () => {
    expect(scopeIds('<p class="x">无</p>', 'p')).toBe('<p class="x">无</p>');
  });
  it('reads attributes however they are written: order, quotes, case', () => {
    const html = "<label FOR=a class='x'>项</label><input class=x ID='a' type=checkbox>";
    expect(scopeIds(html, 'p')).toBe('<label for="p-a" class="x">项</label><input class="x" id="p-a" type="checkbox">');
  });

  it('does not take ids in comments, text or a code sample for ids', () => {
    const html = '<!-- <p id="c"></p> --><pre><code>&lt;p id="d"&gt;</code></pre><a href="#c">c</a><a href="#d">d</a>';
    expect(scopeIds(html, 'p')).toBe(html);
  });

  it('scopes every kind of id reference, and only the ids the piece defines', () => {
    const html =
      '<table><tbody><tr><th id="h1">甲</th><td headers="h1 outside">1</td></tr></tbody></table>' +
      '<div role="listbox" aria-owns="o1" aria-controls="o1 o2" aria-activedescendant="o1"><span id="o1">一</span></div>' +
      '<button popovertarget="outside">外</button><a href="#o2">二</a><a href="#h1">甲</a>';
    expect(scopeIds(html, 'q')).toBe(
      '<table><tbody><tr><th id="q-h1">甲</th><td headers="q-h1 outside">1</td></tr></tbody></table>' +
        '<div role="listbox" aria-owns="q-o1" aria-controls="q-o1 o2" aria-activedescendant="q-o1"><span id="q-o1">一</span></div>' +
        '<button popovertarget="outside">外</button><a href="#o2">二</a><a href="#q-h1">甲</a>',
    );
  });

  // The serializer writes ' in an attribute as a reference: the browser reads the same value.
  it('rewrites url(#…) in any presentation attribute, quoted or not, and SVG 2 href', () => {
    const svg =
      '<svg viewBox="0 0 10 10"><defs><linearGradient id="g"></linearGradient><clipPath id="c"></clipPath><filter id="f"></filter></defs>' +
      '<rect fill="url(#g)" clip-path="url(\'#c\')" filter="url(#f)" stroke="url(#elsewhere)"></rect><use href="#g"></use></svg>';
    expect(scopeIds(svg, 'z')).toBe(
      '<svg viewBox="0 0 10 10"><defs><linearGradient id="z-g"></linearGradient><clipPath id="z-c"></clipPath><filter id="z-f"></filter></defs>' +
        '<rect fill="url(#z-g)" clip-path="url(&#x27;#z-c&#x27;)" filter="url(#z-f)" stroke="url(#elsewhere)"></rect><use href="#z-g"></use></svg>',
    );
  });

  it('keeps a Mermaid chart intact: camel-case SVG attributes, HTML labels in foreignObject, empty elements', () => {
    const chart =
      '<svg id="chart-1" width="251" xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="4 4 250 1033" role="group" aria-label="流程图">' +
      '<g><marker id="chart-1_flowchart-v2-pointEnd" class="marker" viewBox="0 0 10 10" refX="5" refY="5" markerUnits="userSpaceOnUse" markerWidth="8" orient="auto">' +
      '<path d="M 0 0 L 10 5 L 0 10 z" style="stroke-width: 1; stroke-dasharray: 1, 0;"></path></marker>' +
      '<linearGradient id="chart-1-gradient" gradientUnits="objectBoundingBox"><stop offset="0%"></stop></linearGradient>' +
      '<path d="M1,2L3,4" id="L_a_b_0" marker-end="url(#chart-1_flowchart-v2-pointEnd)"></path>' +
      '<foreignObject width="15.01" height="22.5"><div xmlns="http://www.w3.org/1999/xhtml" class="labelBkg" style="display: table-cell; white-space: nowrap;">' +
      '<span class="edgeLabel"><p>是 &amp; 否 &lt;3</p></span></div></foreignObject></g></svg>';
    const scoped = scopeIds(chart, 'hb-2');
    expect(scoped).toBe(
      chart
        .replaceAll('id="chart-1', 'id="hb-2-chart-1')
        .replace('id="L_a_b_0"', 'id="hb-2-L_a_b_0"')
        .replace('url(#chart-1_', 'url(#hb-2-chart-1_'),
    );
    // Parsed again, the SVG elements and the label's HTML sit where they were.
    const svg = parseFragment(scoped).children[0];
    expect(svg).toMatchObject({ tagName: 'svg', properties: { viewBox: '4 4 250 1033' } });
    expect(serialize(parseFragment(scoped))).toBe(scoped);
  });
});

describe('scopeIds with targets', () => {
  it('prefixes links to ids the section defines elsewhere, as a chart\'s node links to its step', () => {
    const svg = '<svg><g id="n1"><a href="#step-a"><text>甲</text></a></g><a href="#step-z"></a></svg>';
    expect(scopeIds(svg, 'hb-1', ['step-a'])).toBe(
      '<svg><g id="hb-1-n1"><a href="#hb-1-step-a"><text>甲</text></a></g><a href="#step-z"></a></svg>',
    );
  });
});

describe('prefixId', () => {
  it('prefixes an id only when there is a prefix', () => {
    expect(prefixId('hb-3', 'step-a')).toBe('hb-3-step-a');
    expect(prefixId(undefined, 'step-a')).toBe('step-a');
  });
});
