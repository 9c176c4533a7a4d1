// The build's one chart renderer: Chromium when there is one, otherwise a
// fallback that leaves rendering to the browser. Said once, plainly.
import { join } from 'node:path';
import { cachedRenderer, launchChartRenderer, type ChromiumChartRenderer } from './chart-renderer';
import { findChromium, INSTALL_HINT } from './chromium';

export type ChartResult = { svg: string } | { fallback: true };

/** SOP_CHART_CACHE moves the cache (the benchmark builds with an empty one). */
export function chartCacheDir(env: Record<string, string | undefined> = process.env): string {
  return env.SOP_CHART_CACHE?.trim() || join(process.cwd(), 'node_modules', '.cache', 'sop-charts');
}

type Cache = ReturnType<typeof cachedRenderer>;
type State =
  | { kind: 'idle' }
  | { kind: 'ready'; renderer: Promise<ChromiumChartRenderer | undefined>; cache?: Promise<Cache | undefined> };

// Pages and the integration that closes Chromium are bundled separately by
// Astro, so the shared state lives on globalThis rather than in this module.
const KEY = Symbol.for('sop-handbook.charts');
const holder = globalThis as unknown as { [KEY]?: State };
const getState = (): State => holder[KEY] ?? { kind: 'idle' };
const setState = (next: State) => {
  holder[KEY] = next;
};

function start(): Promise<ChromiumChartRenderer | undefined> {
  const path = findChromium();
  if (!path) {
    console.warn(
      `[流程图] 未找到 Chromium:流程图将改在浏览器中用 Mermaid 渲染(较慢)。安装:${INSTALL_HINT},或设置 CHROMIUM_PATH。`,
    );
    return Promise.resolve(undefined);
  }
  return launchChartRenderer(path);
}

function cache(): Promise<Cache | undefined> {
  if (getState().kind === 'idle') setState({ kind: 'ready', renderer: start() });
  const current = getState() as Extract<State, { kind: 'ready' }>;
  current.cache ??= current.renderer.then((renderer) => renderer && cachedRenderer(chartCacheDir(), renderer.render));
  return current.cache;
}

export async function renderChart(source: string): Promise<ChartResult> {
  const charts = await cache();
  if (!charts) return { fallback: true };
  return { svg: await charts.render(source) };
}

/**
 * Queues every chart of the build up front, so Chromium renders them side by
 * side while Astro renders pages; renderChart() then picks up the result.
 */
export function prefetchCharts(sources: readonly string[]): void {
  // Only in a build: the dev server renders just the page asked for, first.
  if (!import.meta.env?.PROD) return;
  void cache().then((charts) => charts?.prefetch(sources));
}

export interface ChartStats {
  hits: number;
  misses: number;
  renderMs: number;
  pages: number;
}

/** Called when the build ends; reports cache use and frees Chromium. */
export async function closeCharts(): Promise<ChartStats | undefined> {
  const current = getState();
  if (current.kind === 'idle') return undefined;
  setState({ kind: 'idle' });
  const renderer = await current.renderer;
  const charts = await current.cache;
  await renderer?.close();
  return charts && renderer ? { ...charts.stats, renderMs: charts.renderMs(), pages: renderer.pages } : undefined;
}
