import { describe, expect, it } from 'vitest';
import { compactChartSvg } from './chart-compact';
import { parseFragment } from './scope-ids';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';

const elements = (html: string, keep: (el: Element, parent: Element | undefined) => boolean) => {
  const found: Element[] = [];
  visit(parseFragment(html), 'element', (el: Element, _, parent) => {
    if (keep(el, parent?.type === 'element' ? parent : undefined)) found.push(el);
  });
  return found;
};

// Shaped as Mermaid 12 writes a flowchart, after decorateChartSvg (trimmed).
const marker = (name: string) =>
  `<marker id="c_flowchart-v2-${name}" class="marker flowchart-v2" viewBox="0 0 10 10" refX="5" refY="5" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" class="arrowMarkerPath" style="stroke-width: 1; stroke-dasharray: 1, 0;"></path></marker>`;
const chart = [
  '<svg id="c" width="261" xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="4 4 260.26153125 1003.5031" role="group" aria-label="流程图">',
  `<g>${marker('pointEnd')}${marker('pointStart')}${marker('crossEnd')}<g class="root"><g class="edges edgePaths">`,
  '<g class="edgeLabels"><g class="edgeLabel" id="edge-label-s_a-s_b"><use href="#edge-label-s_a-s_b"></use></g></g>',
  '<path d="M92.0078125,54.5L92.0078125,90.5" id="c-L_s_a_s_b_0" class="edge-thickness-normal edge-pattern-solid edge-thickness-normal edge-pattern-solid flowchart-link" style=";" data-edge="true" data-et="edge" data-id="L_s_a_s_b_0" data-look="classic" marker-end="url(#c_flowchart-v2-pointEnd)"></path>',
  '</g><g class="nodes"><a href="#step-a" class="chart-node-link"><g class="node default kind-task" id="c-flowchart-s_a-0" data-look="classic" transform="translate(92.0078125, 33.25)" data-step-id="a">',
  '<rect class="basic label-container" style="" x="-70.0041" y="-21.25" width="140.0041" height="42.5"></rect>',
  '<g class="label" style="" transform="translate(-60, -11.25)"><rect></rect><foreignObject width="120.001" height="22.5"><div xmlns="http://www.w3.org/1999/xhtml" style="display: table; white-space: nowrap; line-height: 1.5;"><span class="nodeLabel"><p>核对 &lt;预订&gt;</p></span></div></foreignObject></g>',
  '<g class="label" transform="translate(-60, -11.25)"><foreignObject width="120" height="45"><div xmlns="http://www.w3.org/1999/xhtml" style="display: table; white-space: break-spaces; line-height: 1.5; max-width: 180px; text-align: center; width: 120px;"><span class="nodeLabel"><p>一个很长的步骤标题换行</p></span></div></foreignObject></g>',
  '</g></a></g></g></g>',
  '<defs><filter id="c-drop-shadow"><feDropShadow dx="4" dy="4"></feDropShadow></filter></defs>',
  '<linearGradient id="c-gradient"><stop offset="0%" stop-color="#2f5d8a"></stop></linearGradient>',
  '</svg>',
].join('');

describe('compactChartSvg', () => {
  const out = compactChartSvg(chart);

  it('keeps what something points at and drops the definitions nobody uses', () => {
    expect(elements(out, (el) => el.tagName === 'marker').map((m) => m.properties.id)).toEqual(['c-d0']);
    expect(out).not.toContain('<filter');
    expect(out).not.toContain('<defs');
    expect(out).not.toContain('linearGradient');
    // The arrow's marker: a short id of the chart's own, written in every arrow.
    expect(out).toContain('marker-end="url(#c-d0)"');
    expect(out).not.toContain('pointEnd');
  });

  it('keeps links, step ids, the edge data-id the walkthrough reads, and the text', () => {
    for (const kept of ['data-id="L_s_a_s_b_0"', 'href="#step-a"', 'data-step-id="a"', '<p>核对 &lt;预订></p>', 'aria-label="流程图"']) {
      expect(out).toContain(kept);
    }
    // An edge's id and a node's point nowhere: the walkthrough reads data-id and data-step-id.
    expect(out).not.toContain('id="c-L_s_a_s_b_0"');
    expect(out).not.toContain('id="c-flowchart-s_a-0"');
    // A group something points at keeps its id.
    expect(out).toContain('<g class="edgeLabel" id="c-edge-label-s_a-s_b">');
  });

  it("leaves to chart.css what every label box shares, keeps what a wrapped one changes, and drops the labels' namespace", () => {
    const boxes = elements(out, (_, parent) => parent?.tagName === 'foreignObject').map((el) => el.properties.style);
    // A node's box may grow to 180 px, as chart.css gives every node label.
    expect(boxes).toEqual(['display:table', 'display:table;white-space:break-spaces;width:120px']);
    // Mermaid's span around the text goes; the text stays in its paragraph.
    expect(out).not.toContain('<span');
    expect(elements(out, (_, parent) => parent?.tagName === 'div').map((el) => el.tagName)).toEqual(['p', 'p']);
    expect(out).not.toContain('http://www.w3.org/1999/xhtml');
    expect(out).toContain('xmlns="http://www.w3.org/2000/svg"');
  });

  it("gives the chart's own id to every id Mermaid left without it, references too", () => {
    expect(out).toContain('id="c-edge-label-s_a-s_b"');
    expect(out).toContain('href="#c-edge-label-s_a-s_b"');
    expect(out).not.toMatch(/"#?edge-label/);
  });

  it('drops editor-only attributes, empty styles, doubled classes and empty placeholders', () => {
    expect(out).not.toMatch(/data-look|data-et|data-edge|style=""|style=";"/);
    // Mermaid's default edge look and its own stylesheet's names draw nothing here.
    expect(out).toContain('class="flowchart-link"');
    expect(out).toContain('<g class="node kind-task"');
    expect(elements(out, (el) => el.tagName === 'rect').map((el) => el.properties.className)).toEqual([undefined]);
  });

  it('rounds coordinates to 0.01 and never shrinks a size or the drawing box', () => {
    expect(out).toContain('d="M92.01,54.5L92.01,90.5"');
    expect(out).toContain('transform="translate(92.01, 33.25)"');
    expect(out).toContain('x="-70" y="-21.25" width="140.01"');
    expect(out).toContain('<foreignObject width="120.01" height="22.5">');
    expect(out).toContain('viewBox="4 4 260.27 1003.51"');
  });

  it('keeps a box that differs from what chart.css gives its kind, and tells edge labels from node labels', () => {
    const labels = compactChartSvg(
      '<svg id="e"><g class="edgeLabel"><g class="label"><foreignObject width="15" height="22.5"><div class="labelBkg" style="display: table-cell; max-width: 200px;"><span class="edgeLabel"><p>是</p></span></div></foreignObject></g></g>' +
        '<g class="node"><g class="label"><foreignObject width="15" height="22.5"><div style="display: table-cell; max-width: 200px;"><span class="nodeLabel"><p>否</p></span></div></foreignObject></g></g>' +
        '<g class="cluster swimlane-label"><foreignObject width="60" height="22.5"><div style="display: table-cell; max-width: 246.016px;"><span class="nodeLabel"><p>接待人员</p></span></div></foreignObject></g></svg>',
    );
    const boxes = elements(labels, (_, parent) => parent?.tagName === 'foreignObject').map((el) => el.properties.style);
    expect(boxes).toEqual([undefined, 'max-width:200px', 'max-width:246.016px']);
  });

  it('is much smaller and stable: compacting twice changes nothing', () => {
    expect(out.length).toBeLessThan(chart.length * 0.7);
    expect(compactChartSvg(out)).toBe(out);
  });
});
