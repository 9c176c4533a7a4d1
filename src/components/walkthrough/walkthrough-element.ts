// <sop-walkthrough>: see Walkthrough.astro.
import { SITE_EVENTS } from '../../lib/client/events';
import { defineElement } from '../../lib/client/define';
import { readJson } from '../../lib/client/json';
import { beforePrint } from '../../lib/client/print';
import {
  choose,
  goBack,
  goNext,
  jumpTo,
  parseWalkParams,
  resume,
  startOf,
  urlStateOf,
  walkKeyAction,
  walkProgress,
  writeWalkParams,
  type WalkData,
  type WalkStep,
  type WalkVariant,
} from '../../lib/procedure/walk';
import { nodeIdFor } from '../../lib/flowchart';
import { sourceLabelText } from '../../lib/procedure/numbering';
import { withVariant } from '../../lib/variant-choice';
import { cameraView, type Box } from '../../lib/chart-view';
import { chartSvgs, setUpChartFrame, sizeCharts } from '../flowchart/chart-frame';

const KIND: Record<WalkStep['kind'], string> = { start: '开始', task: '步骤', decision: '判断', end: '结束' };
const MARKS = ['is-current', 'is-visited', 'is-walked'];
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

const nodesOf = (root: ParentNode, id: string) =>
  root.querySelectorAll(`.chart g.node[data-step-id="${CSS.escape(id)}"]`);
/** A chart folded away (the swimlane view, closed) is not lit: nobody sees it. */
const seen = (node: Element) => !node.closest('details:not([open])');

/** A node's box in its chart's own pixels (the SVG at its natural size). */
function nodeBox(node: SVGGraphicsElement): Box {
  const b = node.getBBox();
  const m = node.getCTM() ?? new DOMMatrix();
  const corners = [new DOMPoint(b.x, b.y), new DOMPoint(b.x + b.width, b.y + b.height)].map((p) => p.matrixTransform(m));
  return { x: corners[0]!.x, y: corners[0]!.y, width: corners[1]!.x - corners[0]!.x, height: corners[1]!.y - corners[0]!.y };
}

// --- Step text ↔ chart: hovering or focusing a step lights its node ---

// Hover and focus are tracked apart: moving the mouse away must not unlight the focused step.
const linked = { hover: '', focus: '' };
function linkStep(kind: keyof typeof linked, target: EventTarget | null) {
  const id = (target as Element | null)?.closest?.<HTMLElement>('li.step[data-step-id]')?.dataset.stepId ?? '';
  if (linked[kind] === id) return;
  linked[kind] = id;
  for (const node of document.querySelectorAll('.chart g.node.is-linked')) node.classList.remove('is-linked');
  for (const step of new Set([linked.hover, linked.focus])) {
    if (step) for (const node of nodesOf(document, step)) if (seen(node)) node.classList.add('is-linked');
  }
}
document.addEventListener('mouseover', (e) => linkStep('hover', e.target));
document.addEventListener('mouseout', (e) => linkStep('hover', e.relatedTarget));
document.addEventListener('focusin', (e) => linkStep('focus', e.target));
document.addEventListener('focusout', (e) => linkStep('focus', e.relatedTarget));

// --- The walkthrough ---

/**
 * The text of a page step for the card: everything but its head (the card has its own
 * number and title) and its links onward (the card has buttons). Glossary terms become
 * plain marked words, their definitions listed in the card; the copy holds no ids.
 */
function stepTextCopy(body: HTMLElement): Node[] {
  const copy = body.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll('.step-head, .step-next, .step-branches, .step-checklist, .term-pop')) el.remove();
  for (const term of copy.querySelectorAll('button.term')) {
    term.replaceWith(Object.assign(document.createElement('span'), { className: 'term', textContent: term.textContent }));
  }
  for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
  return [...copy.childNodes];
}

class SopWalkthrough extends HTMLElement {
  private data!: WalkData;
  private variant!: WalkVariant;
  private path: string[] = [];
  private dialog!: HTMLDialogElement;
  private figure: HTMLElement | undefined;
  private placeholder: HTMLElement | undefined;
  private overview = false;
  /** The page's zoom of the walked chart, given back when the walk ends. */
  private zoomBefore: string | undefined;

  private $<T extends Element = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  connectedCallback() {
    const data = readJson<WalkData | undefined>(this, '[data-json="walk"]', undefined);
    if (!data) {
      // No data, no walkthrough: the page still reads as before.
      this.$('.walk-launch').hidden = true;
      return;
    }
    this.data = data;
    this.dialog = this.$<HTMLDialogElement>('dialog');
    this.variant = this.data.variants[0]!;
    const article = this.closest('article') ?? document;
    for (const figure of article.querySelectorAll<HTMLElement>('figure.chart')) setUpChartFrame(figure);
    // A folded chart (the swimlane view) has no width until it opens: size it then.
    for (const folded of article.querySelectorAll<HTMLDetailsElement>('details.chart-lanes')) {
      folded.addEventListener('toggle', () => {
        const figure = folded.querySelector<HTMLElement>('figure.chart');
        if (folded.open && figure) sizeCharts(figure);
      });
    }

    if (!document.fullscreenEnabled) this.$('[data-walk="fullscreen"]').hidden = true;
    this.addEventListener('click', (event) => this.onClick(event));
    this.$('[data-walk-variant]')?.addEventListener('change', (event) => {
      this.setVariant((event.target as HTMLSelectElement).value);
      this.render();
    });
    this.dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.escape();
    });
    document.addEventListener('fullscreenchange', () => {
      this.$('[data-walk="fullscreen"]').setAttribute('aria-pressed', String(document.fullscreenElement !== null));
      this.reveal();
    });
    // A chart rendered in the browser arrives after load: light it up again.
    document.addEventListener(SITE_EVENTS.chartRendered, (event) => {
      const figure = (event.target as Element).closest<HTMLElement>('figure.chart');
      if (figure) sizeCharts(figure);
      if (this.dialog.open) this.render(false);
    });
    document.addEventListener(SITE_EVENTS.chartZoomed, () => this.reveal());
    addEventListener('resize', () => {
      for (const figure of article.querySelectorAll<HTMLElement>('figure.chart')) sizeCharts(figure);
      this.reveal();
    });
    beforePrint(() => this.close());

    const urlVariant = new URLSearchParams(location.search).get('variant');
    if (urlVariant) this.checkRadio(urlVariant);
    const state = parseWalkParams(location.search);
    if (state) {
      const resumed = resume(this.data, state, this.checkedVariant());
      this.open(resumed.variant.id, resumed.path);
      if (resumed.notice === 'unknown-step') this.notify(`链接中的步骤“${state.step}”不在本流程中,已从开始步骤演示。`);
      if (resumed.notice === 'unknown-variant') {
        this.notify(`链接中的版本“${state.variant}”不存在,已按“${resumed.variant.label}”演示。`);
      }
    }
  }

  private checkedVariant(): string | undefined {
    return document.querySelector<HTMLInputElement>('input[name="variant"]:checked')?.value;
  }

  private checkRadio(id: string) {
    const radio = document.getElementById(`variant-${id}`);
    if (radio instanceof HTMLInputElement && !radio.checked) {
      radio.checked = true;
      // The page's 版本 switch keeps the choice (address and device).
      radio.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  private setVariant(id: string) {
    this.variant = this.data.variants.find((v) => v.id === id) ?? this.data.variants[0]!;
    if (this.variant.id) this.checkRadio(this.variant.id);
    const select = this.$<HTMLSelectElement>('[data-walk-variant]');
    if (select) select.value = this.variant.id;
    if (this.dialog.open) this.attachChart();
  }

  private onClick(event: Event) {
    const target = event.target as Element;
    const node = target.closest('a.chart-node-link');
    if (node && this.dialog.open) {
      // In a walk a chart node moves the walk there instead of the page.
      event.preventDefault();
      const id = node.querySelector('[data-step-id]')?.getAttribute('data-step-id');
      const path = id ? jumpTo(this.variant.steps, this.path, id) : undefined;
      if (path) this.go(path);
      return;
    }
    const action = target.closest<HTMLElement>('[data-walk]')?.dataset.walk;
    if (action) this.act(action);
  }

  private onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !this.dialog.open) return;
    const inField = (event.target as Element).closest?.('select, input, textarea');
    if (inField && event.key !== 'Escape') return;
    const action = walkKeyAction(event.key, !this.$('[data-walk-blank]').hidden);
    if (!action) return;
    this.act(action);
    event.preventDefault();
  };

  /** A button's action (data-walk) or a key's (walkKeyAction). */
  private act(action: string) {
    if (action === 'start') this.open(this.checkedVariant() ?? this.variant.id, [startOf(this.variant.steps)]);
    else if (action === 'next') this.next();
    else if (action === 'back') this.go(goBack(this.path));
    else if (action === 'exit') this.close();
    else if (action === 'escape') this.escape();
    else if (action === 'fullscreen') this.toggleFullscreen();
    else if (action === 'overview') this.toggleOverview();
    else if (action === 'blank') this.setBlank(true);
    else if (action === 'unblank') this.setBlank(false);
    else if (action === 'restart') this.go([startOf(this.variant.steps)]);
    else if (action.startsWith('branch-')) this.pick(Number(action.slice(7)));
  }

  /** In full screen, Esc leaves full screen only; the next Esc ends the walk. */
  private escape() {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else this.close();
  }

  private open(variant: string, path: string[]) {
    this.setVariant(variant);
    this.path = path;
    if (!this.dialog.open) {
      this.dialog.showModal();
      document.addEventListener('keydown', this.onKey);
    }
    this.attachChart();
    this.render(true, false);
    this.$('[data-walk-title]').focus({ preventScroll: true });
  }

  private close() {
    if (!this.dialog.open) return;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    document.removeEventListener('keydown', this.onKey);
    this.setBlank(false);
    this.dialog.close();
    this.detachChart();
    this.$('[data-walk="start"]').focus({ preventScroll: true });
    for (const el of document.querySelectorAll(MARKS.map((m) => `.${m}`).join(','))) el.classList.remove(...MARKS);
    // The walk leaves the address; the page's variant choice stays in it.
    const after = withVariant(writeWalkParams(location.search, undefined), this.checkedVariant());
    history.replaceState(history.state, '', location.pathname + after + location.hash);
  }

  /** The chart of the walked variant moves into the dialog; a spacer keeps the page from jumping. */
  private attachChart() {
    const article = this.closest('article') ?? document;
    const figure =
      article.querySelector<HTMLElement>(`figure.chart:not([data-view])[data-variant="${CSS.escape(this.variant.id)}"]`) ??
      article.querySelector<HTMLElement>('figure.chart:not([data-view]):not([data-variant])') ??
      article.querySelector<HTMLElement>('figure.chart:not([data-view])');
    if (!figure || figure === this.figure) return;
    this.detachChart();
    this.placeholder = document.createElement('div');
    this.placeholder.style.height = `${figure.offsetHeight}px`;
    figure.replaceWith(this.placeholder);
    this.$('[data-walk-chart]').append(figure);
    this.figure = figure;
    this.zoomBefore = figure.dataset.zoom;
    this.setCamera();
  }

  private detachChart() {
    const { figure, placeholder } = this;
    if (!figure || !placeholder) return;
    placeholder.replaceWith(figure);
    figure.classList.remove('is-camera');
    if (this.zoomBefore) figure.dataset.zoom = this.zoomBefore;
    else delete figure.dataset.zoom;
    for (const part of figure.querySelectorAll('.chart-part.is-active')) part.classList.remove('is-active');
    for (const svg of chartSvgs(figure)) svg.style.transform = '';
    sizeCharts(figure);
    this.figure = this.placeholder = undefined;
  }

  private next() {
    const step = this.current();
    const path = goNext(this.variant.steps, this.path);
    if (path) this.go(path);
    else if (step.kind === 'decision') {
      this.notify(`这是判断步骤:请按数字键 1–${step.branches.length} 或点下面的按钮选择。`);
      this.querySelector<HTMLElement>('.walk-branch')?.focus();
    }
  }

  private pick(index: number) {
    const path = choose(this.variant.steps, this.path, index);
    if (path) this.go(path);
  }

  private go(path: string[]) {
    this.path = path;
    this.render();
    if (this.current().kind === 'end' && path.length > 1) {
      document.dispatchEvent(new CustomEvent(SITE_EVENTS.walkthroughComplete, { detail: { code: this.data.code } }));
    }
  }

  private current(): WalkStep {
    const id = this.path[this.path.length - 1];
    return this.variant.steps.find((s) => s.id === id) ?? this.variant.steps[0]!;
  }

  private notify(text: string) {
    const notice = this.$('[data-walk-notice]');
    notice.textContent = text;
    notice.hidden = false;
  }

  /** The page's own text of a step, in the current variant: its notes and the terms it explains. */
  private pageStep(id: string): { body: HTMLElement | undefined; flags: string[]; terms: string[] } {
    const item = document.querySelector<HTMLElement>(`ol.steps > li[data-step-id="${CSS.escape(id)}"]`);
    if (!item) return { body: undefined, flags: [], terms: [] };
    const bodies = [...item.querySelectorAll<HTMLElement>(':scope > .step-body')];
    const body = bodies.find((b) => (b.dataset.variant ?? '') === this.variant.id) ?? bodies.find((b) => !b.dataset.variant) ?? bodies[0];
    const flags = [...item.querySelectorAll(':scope > .flag-note')].map((note) => note.textContent!.replace(/\s+/g, ' ').trim());
    const terms = [...(body?.querySelectorAll('.term-pop') ?? [])].map((pop) => {
      const copy = pop.cloneNode(true) as HTMLElement;
      copy.querySelector('a')?.remove();
      return copy.textContent!.replace(/\s+/g, ' ').trim();
    });
    return { body, flags, terms };
  }

  /** Shows the current step; `fresh` for a new step, `smooth` to glide the chart there. */
  private render(fresh = true, smooth = fresh) {
    const steps = this.variant.steps;
    const step = this.current();
    const titleOf = (id: string) => steps.find((s) => s.id === id)?.title ?? id;
    const text = (selector: string, value: string) => {
      const el = this.$(selector);
      el.textContent = value;
      el.hidden = value === '';
    };
    const list = (selector: string, lines: string[]) => {
      const box = this.$(selector);
      box.hidden = lines.length === 0;
      box.querySelector('ul')!.replaceChildren(
        ...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })),
      );
    };

    if (fresh) this.$('[data-walk-notice]').hidden = true;
    text('[data-walk-number]', String(step.number));
    this.$('[data-walk-number]').title = `页面上的第 ${step.number} 步`;
    text('[data-walk-source-label]', step.sourceLabel ? sourceLabelText(step.sourceLabel) : '');
    text('[data-walk-kind]', KIND[step.kind]);
    text('[data-walk-title]', step.title);
    // The step's text as the page renders it, and what the page shows beside it: its
    // 待确认 / 原文矛盾 notes, the glossary terms it explains there, and the template badge.
    const here = this.pageStep(step.id);
    this.$('[data-walk-text]').replaceChildren(...(here.body ? stepTextCopy(here.body) : []));
    this.$('[data-walk-template]').hidden = !here.body?.querySelector('.template-badge');
    list('[data-walk-flags]', here.flags);
    list('[data-walk-terms]', here.terms);

    const choices: HTMLElement[] = [];
    const button = (action: string, className: string, ...parts: (string | HTMLElement)[]) => {
      const el = document.createElement('button');
      el.type = 'button';
      el.className = `tool-button walk-button ${className}`;
      el.dataset.walk = action;
      el.append(...parts);
      return el;
    };
    const span = (className: string, content: string) =>
      Object.assign(document.createElement('span'), { className, textContent: content });
    if (step.kind === 'decision') {
      step.branches.forEach((branch, i) => {
        const key = span('walk-key', String(i + 1));
        key.setAttribute('aria-hidden', 'true');
        const el = button(`branch-${i}`, 'walk-branch', key, span('walk-branch-label', branch.label), span('walk-branch-to', `→ ${titleOf(branch.to)}`));
        el.setAttribute('aria-keyshortcuts', String(i + 1));
        choices.push(el);
      });
    } else if (step.kind === 'end') {
      choices.push(
        span('walk-done', `演示完成:本次路径共 ${this.path.length} 步。`),
        button('restart', 'is-primary', '重新开始'),
        button('exit', '', '返回页面'),
      );
    } else if (step.next !== undefined) {
      choices.push(span('walk-upcoming', `接下来:${titleOf(step.next)}`));
    }
    this.$('[data-walk-choices]').replaceChildren(...choices);

    const progress = walkProgress(steps, this.path, step);
    text('[data-walk-progress]', progress.text);
    this.$('[data-walk-meter]').style.width = `${progress.percent}%`;
    this.$<HTMLButtonElement>('[data-walk="back"]').disabled = this.path.length < 2;
    this.$<HTMLButtonElement>('[data-walk="next"]').disabled = goNext(steps, this.path) === undefined;
    if (fresh) this.$('[data-walk-announce]').textContent = `${KIND[step.kind]}:${step.title}`;

    this.mark();
    this.reveal(smooth);
    const url = writeWalkParams(location.search, urlStateOf(steps, this.path, this.variant.id));
    history.replaceState(history.state, '', location.pathname + url + location.hash);

    // Focus stays where it is unless its button went away or was disabled (e.g. "next" at an end).
    const active = document.activeElement;
    if (!active || active === this.dialog || !this.dialog.contains(active) || (active as HTMLButtonElement).disabled) {
      this.$('[data-walk-title]').focus({ preventScroll: true });
    }
  }

  /** Current node, the nodes and edges already walked (in the walked chart), and the step text behind the dialog. */
  private mark() {
    for (const el of document.querySelectorAll(MARKS.map((m) => `.${m}`).join(','))) el.classList.remove(...MARKS);
    const current = this.path[this.path.length - 1]!;
    const chart = this.figure ?? document;
    this.path.forEach((id, i) => {
      for (const node of nodesOf(chart, id)) node.classList.add(id === current ? 'is-current' : 'is-visited');
      const next = this.path[i + 1];
      if (next === undefined) return;
      // Mermaid names edges L_<from>_<to>_<n>; the digits check keeps "a→b" from matching "a→b-c".
      const edge = `L_${nodeIdFor(id)}_${nodeIdFor(next)}_`;
      for (const el of chart.querySelectorAll(`[data-id^="${edge}"]`)) {
        if (/^\d+$/.test(el.getAttribute('data-id')!.slice(edge.length))) el.classList.add('is-walked');
      }
    });
    document.getElementById(`step-${current}`)?.classList.add('is-current');
  }

  /** Camera (follows the walk) or overview (the whole chart, every part, fitted to the pane). */
  private setCamera() {
    const figure = this.figure;
    if (!figure) return;
    figure.classList.toggle('is-camera', !this.overview);
    this.$('[data-walk="overview"]').setAttribute('aria-pressed', String(this.overview));
    if (this.overview) {
      for (const svg of chartSvgs(figure)) svg.style.transform = '';
      figure.dataset.zoom = 'fit';
    } else {
      delete figure.dataset.zoom;
      for (const svg of chartSvgs(figure)) svg.classList.remove('is-sized');
    }
    sizeCharts(figure);
  }

  private toggleOverview() {
    this.overview = !this.overview;
    this.setCamera();
    this.reveal(false);
  }

  private setBlank(on: boolean) {
    const blank = this.$('[data-walk-blank]');
    if (blank.hidden === !on) return;
    blank.hidden = !on;
    if (on) blank.addEventListener('click', () => this.setBlank(false), { once: true });
  }

  /**
   * Camera: the part holding the current step fills the pane, framed on the
   * step and its neighbours, gliding from step to step. Overview: the
   * current node scrolled into the middle of the pane.
   */
  private reveal(smooth = false) {
    const figure = this.figure;
    const node = figure?.querySelector<SVGGElement>('.node.is-current');
    const svg = node?.ownerSVGElement;
    const scroller = svg?.closest<HTMLElement>('.chart-scroll');
    if (!this.dialog.open || !figure || !node || !svg || !scroller) return;
    const behavior = smooth && !reducedMotion.matches ? 'smooth' : 'auto';
    if (this.overview) {
      const n = node.getBoundingClientRect();
      const s = scroller.getBoundingClientRect();
      scroller.scrollTo({
        left: scroller.scrollLeft + n.left + n.width / 2 - (s.left + s.width / 2),
        top: scroller.scrollTop + n.top + n.height / 2 - (s.top + s.height / 2),
        behavior,
      });
      return;
    }
    const part = svg.closest('.chart-part');
    const moved = part !== null && !part.classList.contains('is-active');
    for (const other of figure.querySelectorAll('.chart-part.is-active')) other.classList.remove('is-active');
    part?.classList.add('is-active');
    const step = this.current();
    const near = new Set([this.path[this.path.length - 2], ...(step.kind === 'decision' ? step.branches.map((b) => b.to) : [step.next])]);
    const neighbours = [...near]
      .map((id) => (id ? svg.querySelector<SVGGElement>(`g.node[data-step-id="${CSS.escape(id)}"]`) : null))
      .filter((n): n is SVGGElement => n !== null)
      .map(nodeBox);
    const view = cameraView(
      { width: scroller.clientWidth, height: scroller.clientHeight },
      { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) },
      nodeBox(node),
      neighbours,
    );
    // A new part appears in place; within a part the view glides.
    svg.classList.toggle('is-gliding', behavior === 'smooth' && !moved);
    svg.style.transform = `translate(${view.x.toFixed(1)}px, ${view.y.toFixed(1)}px) scale(${view.scale.toFixed(4)})`;
  }

  private toggleFullscreen() {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else if (document.fullscreenEnabled) void this.$('[data-walk-stage]').requestFullscreen().catch(() => {});
  }
}
defineElement('sop-walkthrough', SopWalkthrough);
