// The build's one chart renderer: Chromium when there is one, otherwise a
// fallback that leaves rendering to the browser. Said once, plainly.
import { join } from 'node:path';
import { cachedRenderer, launchChartRenderer, type ChromiumChartRenderer } from './chart-renderer';
import { findChromium, INSTALL_HINT } from './chromium';
import { compactChartSvg } from '../lib/chart-compact';

export type ChartResult = { svg: string } | { fallback: true };

/** SOP_CHART_CACHE moves the cache (the benchmark builds with an empty one). */
export function chartCacheDir(env: Record<string, string | undefined> = process.env): string {
  return env.SOP_CHART_CACHE?.trim() || join(process.cwd(), 'node_modules', '.cache', 'sop-charts');
}

type Cache = ReturnType<typeof cachedRenderer>;
interface Charts {
  cache: Cache;
  /** Chromium starts on the first chart missing from the cache: a warm build never starts it. */
  renderer?: Promise<ChromiumChartRenderer>;
}
type State = { kind: 'idle' } | { kind: 'ready'; charts: Charts | undefined };

// Pages and the integration that closes Chromium are bundled separately by
// Astro, so the shared state lives on globalThis rather than in this module.
const KEY = Symbol.for('sop-handbook.charts');
const holder = globalThis as unknown as { [KEY]?: State };
const getState = (): State => holder[KEY] ?? { kind: 'idle' };
const setState = (next: State) => {
  holder[KEY] = next;
};

/** The fallback, said once at the end of the build (see chart-integration.ts). */
export const FALLBACK_NOTICE = `[流程图] 没有可用的 Chromium:流程图改在读者的浏览器中用 Mermaid 渲染,每个流程页多加载约 650 KB 脚本。修复:${INSTALL_HINT},然后重新 npm run build。`;

function start(): Charts | undefined {
  // A wrong CHROMIUM_PATH throws here, naming the value: never a silent fallback.
  const path = findChromium();
  if (!path) return undefined;
  const charts: Charts = {
    cache: cachedRenderer(chartCacheDir(), async (source, svgId) => {
      charts.renderer ??= launchChartRenderer(path);
      // Compacted once, before the cache: every page and every warm build reads the small one.
      return compactChartSvg(await (await charts.renderer).render(source, svgId));
    }),
  };
  return charts;
}

function charts(): Charts | undefined {
  const state = getState();
  if (state.kind === 'ready') return state.charts;
  const started = start();
  setState({ kind: 'ready', charts: started });
  return started;
}

export async function renderChart(source: string): Promise<ChartResult> {
  const current = charts();
  if (!current) return { fallback: true };
  return { svg: await current.cache.render(source) };
}

/**
 * Queues every chart of the build up front, so Chromium renders them side by
 * side while Astro renders pages; renderChart() then picks up the result.
 */
export function prefetchCharts(sources: readonly string[]): void {
  // Only in a build: the dev server renders just the page asked for, first.
  if (!import.meta.env?.PROD) return;
  charts()?.cache.prefetch(sources);
}

export interface ChartStats {
  /** Charts read from the cache folder, drawn by an earlier build. */
  hits: number;
  /** Charts drawn by this build. */
  misses: number;
  /** Repeat requests for a chart this build drew (the handbook repeats every chart). */
  reused: number;
  renderMs: number;
  /** Chromium pages that rendered side by side; 0 when every chart came from the cache. */
  pages: number;
}

/**
 * Called when the build ends; reports cache use and frees Chromium.
 * 'fallback': charts were asked for and no browser could draw them.
 */
export async function closeCharts(): Promise<ChartStats | 'fallback' | undefined> {
  const state = getState();
  if (state.kind === 'idle') return undefined;
  setState({ kind: 'idle' });
  if (!state.charts) return 'fallback';
  const renderer = await state.charts.renderer?.catch(() => undefined);
  await renderer?.close();
  return { ...state.charts.cache.stats, renderMs: state.charts.cache.renderMs(), pages: renderer?.pages ?? 0 };
}
