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
