// Browser side of a chart's frame on a page: drawn readable by default
// (text ≥ 12 px, panning inside its frame when wider), zoom buttons,
// "fit width" as a choice, drag with the mouse, pinch with two fingers.
// The arithmetic is in src/lib/chart-view.ts.
import { SITE_EVENTS } from '../../lib/client/events';
import { defineElement } from '../../lib/client/define';
import { fitScale, nextZoom, pinchScale, readableScale } from '../../lib/chart-view';

export const chartSvgs = (figure: ParentNode) =>
  Array.from(figure.querySelectorAll<SVGSVGElement>('.chart-scroll svg:not(svg svg)'));

function innerWidth(scroller: HTMLElement): number {
  const style = getComputedStyle(scroller);
  return scroller.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

/** Sizes every part of a figure for its zoom: unset (readable), "fit" or a scale. */
export function sizeCharts(figure: HTMLElement): void {
  if (figure.classList.contains('is-camera')) return; // 演示模式's camera sizes it
  const zoom = figure.dataset.zoom;
  let pannable = false;
  for (const svg of chartSvgs(figure)) {
    const natural = Number(svg.getAttribute('width'));
    const scroller = svg.closest<HTMLElement>('.chart-scroll');
    if (!(natural > 0) || !scroller) continue;
    const width = innerWidth(scroller);
    const scale = zoom === 'fit' ? fitScale(width, natural) : zoom ? Number(zoom) : readableScale(width, natural);
    // Rounded up, and a pixel more when shrunk: the height follows the width and
    // layout rounds it to 1/64 px, so an exact width could draw 12 px text at 11.99 px.
    svg.style.setProperty('--screen-width', `${Math.ceil(natural * scale) + (scale < 1 ? 1 : 0)}px`);
    svg.classList.add('is-sized');
    const pans = scroller.scrollWidth > scroller.clientWidth + 1;
    scroller.classList.toggle('is-pannable', pans);
    pannable ||= pans;
  }
  const hint = figure.querySelector<HTMLElement>('.chart-pan-hint');
  if (hint) hint.hidden = !pannable;
}

function currentScale(figure: HTMLElement): number {
  const svg = chartSvgs(figure)[0];
  const natural = Number(svg?.getAttribute('width'));
  return svg && natural > 0 ? svg.getBoundingClientRect().width / natural : 1;
}

function zoomTo(figure: HTMLElement, zoom: number | 'fit' | undefined) {
  if (zoom === undefined) delete figure.dataset.zoom;
  else figure.dataset.zoom = String(zoom);
  sizeCharts(figure);
  figure.dispatchEvent(new CustomEvent(SITE_EVENTS.chartZoomed, { bubbles: true }));
}

/** Mouse drag pans the frame (touch pans natively); a drag never counts as a click on a node. */
function dragToPan(scroller: HTMLElement) {
  let start: { x: number; y: number; left: number; top: number } | undefined;
  let dragged = false;
  scroller.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'mouse' || e.button !== 0 || !scroller.classList.contains('is-pannable')) return;
    start = { x: e.clientX, y: e.clientY, left: scroller.scrollLeft, top: scroller.scrollTop };
    dragged = false;
  });
  scroller.addEventListener('pointermove', (e) => {
    if (!start) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (!dragged && Math.hypot(dx, dy) < 5) return;
    if (!dragged) scroller.setPointerCapture(e.pointerId);
    dragged = true;
    scroller.classList.add('is-dragging');
    scroller.scrollLeft = start.left - dx;
    scroller.scrollTop = start.top - dy;
  });
  const end = () => {
    start = undefined;
    scroller.classList.remove('is-dragging');
  };
  scroller.addEventListener('pointerup', end);
  scroller.addEventListener('pointercancel', end);
  scroller.addEventListener(
    'click',
    (e) => {
      if (!dragged) return;
      dragged = false;
      e.preventDefault();
      e.stopPropagation();
    },
    true,
  );
}

/** Two fingers on the frame zoom the chart (the page itself keeps its size). */
function pinchToZoom(figure: HTMLElement, scroller: HTMLElement) {
  const touches = new Map<number, { x: number; y: number }>();
  let pinch: { distance: number; scale: number } | undefined;
  const distance = () => {
    const [a, b] = [...touches.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };
  scroller.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'touch') return;
    touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (touches.size === 2) pinch = { distance: distance(), scale: currentScale(figure) };
  });
  scroller.addEventListener('pointermove', (e) => {
    if (!touches.has(e.pointerId)) return;
    touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pinch && touches.size === 2) {
      e.preventDefault();
      zoomTo(figure, Number(pinchScale(pinch.scale, pinch.distance, distance()).toFixed(3)));
    }
  });
  const lift = (e: PointerEvent) => {
    touches.delete(e.pointerId);
    if (touches.size < 2) pinch = undefined;
  };
  scroller.addEventListener('pointerup', lift);
  scroller.addEventListener('pointercancel', lift);
}

/** <chart-tools>: the zoom buttons Flowchart renders; defined here, so they show once they work. */
defineElement('chart-tools', class ChartTools extends HTMLElement {});

/** Zoom buttons, the pan hint, drag and pinch for one figure (Flowchart with zoomable). */
export function setUpChartFrame(figure: HTMLElement): void {
  const tools = figure.querySelector<HTMLElement>(':scope > chart-tools');
  const hint = figure.querySelector<HTMLElement>(':scope > .chart-pan-hint');
  if (!tools || !hint) return;
  tools.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-zoom]');
    if (!button) return;
    const action = button.dataset.zoom;
    if (action === 'fit') zoomTo(figure, 'fit');
    else if (action === 'readable') zoomTo(figure, undefined);
    else {
      const next = nextZoom(currentScale(figure), Number(action) > 0 ? 1 : -1);
      if (next !== undefined) zoomTo(figure, next);
    }
  });
  for (const scroller of figure.querySelectorAll<HTMLElement>('.chart-scroll')) {
    dragToPan(scroller);
    pinchToZoom(figure, scroller);
  }
  sizeCharts(figure);
}
