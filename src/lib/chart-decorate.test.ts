import { describe, expect, it } from 'vitest';
import { overlappingEdgeLabels, svgSize } from './chart-decorate';

// Arrow labels as Mermaid 12 writes them: a group at the label's centre, a foreignObject its size.
const label = (text: string, x: number, y: number, width = 45) =>
  `<g class="label edgeLabel" id="edge-label-${text}" transform="translate(${x}, ${y})"><g class="label" transform="translate(${-width / 2}, -11.25)"><foreignObject width="${width}" height="22.5"><div xmlns="http://www.w3.org/1999/xhtml"><span class="edgeLabel"><p>${text}</p></span></div></foreignObject></g></g>`;
const svg = (...labels: string[]) => `<svg width="300" height="200" viewBox="0 0 300 200"><g class="edgeLabels">${labels.join('')}</g></svg>`;

describe('overlappingEdgeLabels', () => {
  it('names two labels drawn on one spot', () => {
    // Seen in a swimlane chart: 拿东西 and 叫技师 36 px apart, each 45 px wide.
    expect(overlappingEdgeLabels(svg(label('拿东西', -206.1, 616.25), label('叫技师', -169.6, 616.25)))).toEqual([['拿东西', '叫技师']]);
  });

  it('passes labels that only come close, and ignores empty labels', () => {
    expect(overlappingEdgeLabels(svg(label('需要', 0, 0), label('不需要', 50, 0), label('出示', 0, 23)))).toEqual([]);
    expect(overlappingEdgeLabels(svg(label('', 0, 0, 0), label('', 0, 0, 0)))).toEqual([]);
  });
});

describe('svgSize', () => {
  it('reads the natural size from the root element', () => {
    expect(svgSize(svg())).toEqual({ width: 300, height: 200 });
    expect(svgSize('<svg viewBox="0 0 1 1"></svg>')).toBeUndefined();
  });
});
