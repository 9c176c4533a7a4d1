// Runs on a freshly rendered Mermaid SVG, at build time in Chromium and in the
// browser fallback alike, so both give the same markup. Self-contained on
// purpose: the build injects it into the rendering page as source text.
export function decorateChartSvg(root: SVGSVGElement, label: string): void {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  for (const node of Array.from(root.querySelectorAll<SVGGElement>('g.node'))) {
    // Mermaid names nodes "<svgId>-flowchart-<nodeId>-<n>"; nodeId is s_<step id, "-" as "_">.
    const match = /-flowchart-s_([a-z0-9_]+)-\d+$/.exec(node.id);
    if (!match) continue;
    const stepId = match[1]!.replace(/_/g, '-');
    node.setAttribute('data-step-id', stepId);
    const link = document.createElementNS(SVG_NS, 'a');
    link.setAttribute('href', `#step-${stepId}`);
    link.setAttribute('class', 'chart-node-link');
    node.replaceWith(link);
    link.appendChild(node);
  }
  // Colours come from the site's chart.css (light, dark and print), not from Mermaid's theme.
  root.querySelector('style')?.remove();
  for (const el of Array.from(root.querySelectorAll('[data-points]'))) el.removeAttribute('data-points');
  root.removeAttribute('style');
  // Natural size (Mermaid says width="100%"): CSS shrinks it on small screens, never blows it up.
  const box = (root.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  if (box.length === 4 && box.every(Number.isFinite)) {
    root.setAttribute('width', String(Math.ceil(box[2]!)));
    root.setAttribute('height', String(Math.ceil(box[3]!)));
  }
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', label);
}

/** Natural size of a decorated chart, read from its root element's width and height. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const root = /^\s*<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/**
 * Arrow labels of a rendered chart that overlap one another, as pairs of
 * label texts. Mermaid places each label at its arrow's middle; where two
 * arrows leave a node together (a swimlane chart's decision) two labels can
 * land on one spot, and neither can be read.
 */
export function overlappingEdgeLabels(svg: string): [string, string][] {
  const boxes: { text: string; x: number; y: number; width: number; height: number }[] = [];
  // <g class="label edgeLabel" … transform="translate(x, y)"> … <foreignObject width height> … text … </g>
  const label = /<g class="[^"]*\bedgeLabel\b[^"]*"[^>]*transform="translate\(([-\d.]+),\s*([-\d.]+)\)"[^>]*>[\s\S]*?<foreignObject width="([\d.]+)" height="([\d.]+)"[^>]*>([\s\S]*?)<\/foreignObject>/g;
  for (const [, x, y, width, height, body] of svg.matchAll(label)) {
    const text = body!.replace(/<[^>]+>/g, '').trim();
    const w = Number(width);
    const h = Number(height);
    if (!text || !(w > 0)) continue;
    boxes.push({ text, x: Number(x) - w / 2, y: Number(y) - h / 2, width: w, height: h });
  }
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) pairs.push([a.text, b.text]);
    }
  }
  return pairs;
}
