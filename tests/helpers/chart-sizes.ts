// How big chart text is where people read it: on a phone, on a projector in
// 演示模式 and on A4 paper. What the eye gets is the label's computed font size
// times the SVG's real on-screen scale: its rendered box against its viewBox,
// letterboxed as preserveAspectRatio does when a max-height limits the box.
// Used by the browser tests (thresholds) and by `npm run chart-sizes` (table).
import type { Browser, Page } from 'playwright-core';

export const THRESHOLDS = { phonePx: 12, projector1024Px: 20, projector1920Px: 28, paperPt: 7 } as const;

const MM = 96 / 25.4;
/** The A4 area inside print.css's @page margins (15 mm a side, 16 mm top, 17 mm bottom), in CSS px. */
export const A4_PRINTABLE = {
  portrait: { width: 180 * MM, height: 264 * MM },
  landscape: { width: 267 * MM, height: 177 * MM },
} as const;

export interface ChartSize {
  /** Smallest label on the chart(s), in CSS px as seen (or pt on paper). */
  min: number;
  /** Charts measured (hidden ones, e.g. another variant's, are skipped). */
  charts: number;
}

/** Runs in the page: the smallest seen label size of every visible chart under `root`. */
function seenLabelSizes(selector: string): { min: number; perChart: number[] } {
  const perChart: number[] = [];
  for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>(selector))) {
    const box = svg.getBoundingClientRect();
    const view = svg.viewBox.baseVal;
    // A folded chart (closed <details>) keeps a layout box but is not seen.
    if (!svg.checkVisibility() || box.width === 0 || box.height === 0 || !view || view.width === 0) continue;
    const style = getComputedStyle(svg);
    const innerW = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    const innerH = box.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - parseFloat(style.borderTopWidth) - parseFloat(style.borderBottomWidth);
    const sx = innerW / view.width;
    const sy = innerH / view.height;
    // "none" stretches each axis; any other value letterboxes ("meet") or crops ("slice").
    const par = svg.preserveAspectRatio.baseVal;
    const scale = par.align === 1 ? Math.min(sx, sy) : par.meetOrSlice === 2 ? Math.max(sx, sy) : Math.min(sx, sy);
    const labels = svg.querySelectorAll<HTMLElement>('.nodeLabel, foreignObject p, .edgeLabel span');
    let min = Infinity;
    for (const label of Array.from(labels)) {
      if (!label.textContent?.trim()) continue;
      min = Math.min(min, parseFloat(getComputedStyle(label).fontSize) * scale);
    }
    if (Number.isFinite(min)) perChart.push(min);
  }
  return { min: perChart.length > 0 ? Math.min(...perChart) : NaN, perChart };
}

const CHARTS = 'figure.chart svg:not(svg svg)';
/** The swimlane view, folded under its summary until a reader opens it. */
const LANE_CHARTS = 'details.chart-lanes figure.chart svg:not(svg svg)';

/** Which charts to measure: the page's charts as it opens, or its swimlane view opened. */
export type ChartView = 'plain' | 'lanes';

async function openView(page: Page, view: ChartView): Promise<string> {
  if (view === 'plain') return CHARTS;
  await page.$$eval('details.chart-lanes', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  // Opening it sizes the chart for its frame (a toggle event): wait until each is sized.
  await page.waitForFunction((sel) => Array.from(document.querySelectorAll(sel)).every((svg) => svg.classList.contains('is-sized') || svg.getClientRects().length === 0), LANE_CHARTS);
  return LANE_CHARTS;
}

export interface PhoneResult extends ChartSize {
  /** The page scrolls sideways (wider than the screen). */
  pageOverflowX: boolean;
}

export async function measurePhone(page: Page, url: string, view: ChartView = 'plain'): Promise<PhoneResult> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ media: 'screen' });
  await page.goto(url, { waitUntil: 'load' });
  const charts = await openView(page, view);
  const { min, perChart } = await page.evaluate(seenLabelSizes, charts);
  const pageOverflowX = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  return { min, charts: perChart.length, pageOverflowX };
}

export interface PaperResult extends ChartSize {
  /** Charts larger than the page they print on (portrait, or landscape for a landscape chart page). */
  tooLarge: number;
}

/**
 * Print media emulated in a window as wide as A4's printable area; a chart
 * laid on a landscape page (CSS `page` naming a landscape page) is checked
 * against that page's size instead.
 */
export async function measurePaper(page: Page, url: string, view: ChartView = 'plain'): Promise<PaperResult> {
  await page.setViewportSize({ width: Math.floor(A4_PRINTABLE.portrait.width), height: Math.floor(A4_PRINTABLE.portrait.height) });
  // The swimlane view is opened on screen, as a reader does, then printed.
  await page.emulateMedia({ media: view === 'plain' ? 'print' : 'screen' });
  await page.goto(url, { waitUntil: 'load' });
  const charts = await openView(page, view);
  await page.emulateMedia({ media: 'print' });
  const { min, perChart } = await page.evaluate(seenLabelSizes, charts);
  const boxes = await page.$$eval(charts, (svgs) =>
    svgs
      .filter((svg) => svg.getClientRects().length > 0 && svg.checkVisibility())
      .map((svg) => {
        const r = svg.getBoundingClientRect();
        return { width: r.width, height: r.height, landscape: svg.closest('[data-print-page="landscape"]') !== null };
      }),
  );
  const tooLarge = boxes.filter((b) => {
    const area = b.landscape ? A4_PRINTABLE.landscape : A4_PRINTABLE.portrait;
    return b.width > area.width + 1 || b.height > area.height - 20;
  }).length;
  await page.emulateMedia({ media: 'screen' });
  // CSS px to pt: 96 px = 72 pt.
  return { min: min * 0.75, charts: perChart.length, tooLarge };
}

export interface ProjectorResult {
  /** Smallest current-step label over every step of the walk, CSS px. */
  min: number;
  /** Steps measured. */
  steps: number;
  /** Steps whose node was not wholly inside the chart panel. */
  offPanel: string[];
}

/**
 * Runs in the page, in an open walk: moves the walk to each step by clicking
 * its chart node (as a trainer can), waits two frames for the camera, and
 * measures the current node's seen label size and whether it sits inside the panel.
 */
async function walkEveryStep(stepIds: readonly string[]): Promise<{ id: string; px: number; inside: boolean }[]> {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const results: { id: string; px: number; inside: boolean }[] = [];
  for (const id of stepIds) {
    const link = document.querySelector<SVGAElement>(`.walk-chart g.node[data-step-id="${CSS.escape(id)}"]`)?.closest('a');
    if (!link) continue;
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    await frame();
    const node = document.querySelector<SVGGElement>(`.walk-chart g.node.is-current[data-step-id="${CSS.escape(id)}"]`);
    const svg = node?.ownerSVGElement;
    const panel = svg?.closest('.chart-scroll');
    const label = node?.querySelector<HTMLElement>('.nodeLabel, foreignObject p');
    if (!node || !svg || !panel || !label) continue;
    const box = svg.getBoundingClientRect();
    const view = svg.viewBox.baseVal;
    const scale = Math.min(box.width / view.width, box.height / view.height);
    const n = node.getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    const inside = n.left >= p.left - 1 && n.right <= p.right + 1 && n.top >= p.top - 1 && n.bottom <= p.bottom + 1;
    results.push({ id, px: parseFloat(getComputedStyle(label).fontSize) * scale, inside });
  }
  return results;
}

/** Opens 演示模式 (motion reduced, so the camera lands at once) and visits every step. */
export async function measureProjector(page: Page, url: string, stepIds: readonly string[], viewport: { width: number; height: number }): Promise<ProjectorResult> {
  await page.setViewportSize(viewport);
  await page.emulateMedia({ media: 'screen', reducedMotion: 'reduce' });
  await page.goto(`${url}?walk=${encodeURIComponent(stepIds[0]!)}`, { waitUntil: 'load' });
  await page.locator('.walk-dialog[open] .walk-chart g.node.is-current').first().waitFor({ state: 'attached' });
  const results = await page.evaluate(walkEveryStep, stepIds);
  return {
    min: results.length > 0 ? Math.min(...results.map((r) => r.px)) : NaN,
    steps: results.length,
    offPanel: results.filter((r) => !r.inside).map((r) => r.id),
  };
}

export interface ProcedureSizes {
  id: string;
  title: string;
  phone: PhoneResult;
  paper: PaperResult;
  projector1024: ProjectorResult;
  projector1920: ProjectorResult;
  /** The swimlane view, when the page offers one. */
  lanes?: { phone: PhoneResult; paper: PaperResult };
}

/** Whether the page at `url` offers a swimlane view. */
export async function offersLanes(page: Page, url: string): Promise<boolean> {
  await page.goto(url, { waitUntil: 'load' });
  return (await page.locator('details.chart-lanes').count()) > 0;
}

export async function measureProcedure(
  browser: Browser,
  siteUrl: string,
  procedure: { id: string; title: string; stepIds: readonly string[] },
): Promise<ProcedureSizes> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  try {
    const url = `${siteUrl}procedures/${procedure.id}/`;
    const phone = await measurePhone(page, url);
    const paper = await measurePaper(page, url);
    const projector1024 = await measureProjector(page, url, procedure.stepIds, { width: 1024, height: 768 });
    const projector1920 = await measureProjector(page, url, procedure.stepIds, { width: 1920, height: 1080 });
    const lanes = (await offersLanes(page, url)) ? { phone: await measurePhone(page, url, 'lanes'), paper: await measurePaper(page, url, 'lanes') } : undefined;
    return { id: procedure.id, title: procedure.title, phone, paper, projector1024, projector1920, ...(lanes ? { lanes } : {}) };
  } finally {
    await page.close();
  }
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

/** One Markdown table row per procedure, ✗ where a threshold is missed. */
export function sizesTable(rows: readonly ProcedureSizes[]): string {
  const mark = (ok: boolean) => (ok ? '' : ' ✗');
  const lines = [
    '| procedure | phone px (390) | 演示 px 1024×768 | 演示 px 1920×1080 | paper pt (A4) | 分道 phone px | 分道 paper pt |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const phone = `${fmt(r.phone.min)}${r.phone.pageOverflowX ? ' (page scrolls sideways)' : ''}${mark(r.phone.min >= THRESHOLDS.phonePx && !r.phone.pageOverflowX)}`;
    const p1 = `${fmt(r.projector1024.min)}${r.projector1024.offPanel.length ? ` (${r.projector1024.offPanel.length} off panel)` : ''}${mark(r.projector1024.min >= THRESHOLDS.projector1024Px && r.projector1024.offPanel.length === 0)}`;
    const p2 = `${fmt(r.projector1920.min)}${r.projector1920.offPanel.length ? ` (${r.projector1920.offPanel.length} off panel)` : ''}${mark(r.projector1920.min >= THRESHOLDS.projector1920Px && r.projector1920.offPanel.length === 0)}`;
    const paper = `${fmt(r.paper.min)}${r.paper.tooLarge ? ` (${r.paper.tooLarge} larger than the page)` : ''}${mark(r.paper.min >= THRESHOLDS.paperPt && r.paper.tooLarge === 0)}`;
    const lanePhone = r.lanes ? `${fmt(r.lanes.phone.min)}${mark(r.lanes.phone.min >= THRESHOLDS.phonePx && !r.lanes.phone.pageOverflowX)}` : '—';
    const lanePaper = r.lanes
      ? `${fmt(r.lanes.paper.min)}${r.lanes.paper.tooLarge ? ` (${r.lanes.paper.tooLarge} larger than the page)` : ''}${mark(r.lanes.paper.min >= THRESHOLDS.paperPt && r.lanes.paper.tooLarge === 0)}`
      : '—';
    lines.push(`| ${r.title} (${r.id}) | ${phone} | ${p1} | ${p2} | ${paper} | ${lanePhone} | ${lanePaper} |`);
  }
  return lines.join('\n');
}
