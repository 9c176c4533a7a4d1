// The build's one chart renderer: Chromium when there is one, otherwise a
// fallback that leaves rendering to the browser. Said once, plainly.
import { join } from 'node:path';
import { cachedRenderer, launchChartRenderer, type ChromiumChartRenderer } from './chart-renderer';
import { findChromium, INSTALL_HINT } from './chromium';

export type ChartResult = { svg: string } | { fallback: true };

const CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'sop-charts');

type State =
  | { kind: 'idle' }
  | { kind: 'ready'; renderer: Promise<ChromiumChartRenderer | undefined>; cache?: ReturnType<typeof cachedRenderer> };

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

export async function renderChart(source: string): Promise<ChartResult> {
  if (getState().kind === 'idle') setState({ kind: 'ready', renderer: start() });
  const current = getState() as Extract<State, { kind: 'ready' }>;
  const renderer = await current.renderer;
  if (!renderer) return { fallback: true };
  current.cache ??= cachedRenderer(CACHE_DIR, renderer.render);
  return { svg: await current.cache.render(source) };
}

/** Called when the build ends; reports cache use and frees Chromium. */
export async function closeCharts(): Promise<{ hits: number; misses: number } | undefined> {
  const current = getState();
  if (current.kind === 'idle') return undefined;
  setState({ kind: 'idle' });
  const renderer = await current.renderer;
  await renderer?.close();
  return current.cache?.stats;
}
