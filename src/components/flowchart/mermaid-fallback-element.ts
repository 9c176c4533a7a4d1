// <mermaid-fallback>: see MermaidFallback.astro.
import { SITE_EVENTS } from '../../lib/client/events';
import { defineElement } from '../../lib/client/define';
import { mermaidConfig } from '../../lib/chart-config';
import { decorateChartSvg } from '../../lib/chart-decorate';

class MermaidFallback extends HTMLElement {
  async connectedCallback() {
    const sourceEl = this.querySelector<HTMLElement>('[data-mermaid-source]');
    if (!sourceEl) return;
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ ...mermaidConfig });
    const id = `chart-fallback-${Math.random().toString(36).slice(2, 10)}`;
    const { svg } = await mermaid.render(id, sourceEl.textContent ?? '');
    const host = document.createElement('div');
    host.innerHTML = svg;
    const root = host.querySelector('svg');
    if (!root) return;
    decorateChartSvg(root, '流程图');
    this.replaceChildren(root);
    this.dispatchEvent(new CustomEvent(SITE_EVENTS.chartRendered, { bubbles: true }));
  }
}
defineElement('mermaid-fallback', MermaidFallback);
