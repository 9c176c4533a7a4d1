// Renders Mermaid source to SVG in headless Chromium at build time, caching
// each result on disk under a hash of everything that shapes the output.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findChromium, INSTALL_HINT, launchChromium } from './chromium';
import { CHART_WEB_FONT, chartFontCss, chartFontVersion, FONT_ORIGIN, fontFile } from './fonts';
import { CHART_FONT_FAMILY, mermaidConfig } from '../lib/chart-config';
import { decorateChartSvg } from '../lib/chart-decorate';
import { CHART_COMPACT_VERSION } from '../lib/chart-compact';

const require = createRequire(import.meta.url);
const MERMAID_SCRIPT = require.resolve('mermaid/dist/mermaid.min.js');
const MERMAID_VERSION = (require('mermaid/package.json') as { version: string }).version;

export type RenderSvg = (source: string, svgId: string) => Promise<string>;

export function chartKey(source: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ MERMAID_VERSION, font: chartFontVersion(), decorate: decorateChartSvg.toString(), compact: CHART_COMPACT_VERSION, config: mermaidConfig, source }))
    .digest('hex');
}

/** A cache in front of any renderer; the renderer runs only on a miss. */
export function cachedRenderer(dir: string, render: RenderSvg) {
  mkdirSync(dir, { recursive: true });
  // hits: charts found in the cache folder from an earlier build; reused:
  // charts this build rendered, asked for again by another page.
  const stats = { hits: 0, misses: 0, reused: 0 };
  const renderedHere = new Set<string>();
  // Wall-clock time during which at least one chart was being rendered.
  let renderMs = 0;
  let active = 0;
  let busySince = 0;
  // Loads in flight or prefetched but not yet asked for; `rendered` says
  // whether this build drew the chart (a miss) or read it from disk (a hit).
  const pending = new Map<string, Promise<{ svg: string; rendered: boolean }>>();

  async function renderAndStore(source: string, key: string, file: string): Promise<string> {
    if (active++ === 0) busySince = performance.now();
    try {
      const svg = await render(source, `chart-${key.slice(0, 10)}`);
      // Write then rename, so a crash never leaves half an SVG in the cache.
      writeFileSync(`${file}.tmp`, svg);
      renameSync(`${file}.tmp`, file);
      return svg;
    } finally {
      if (--active === 0) renderMs += performance.now() - busySince;
    }
  }

  function load(source: string) {
    const key = chartKey(source);
    let result = pending.get(key);
    if (!result) {
      const file = join(dir, `${key}.svg`);
      result = existsSync(file)
        ? Promise.resolve({ svg: readFileSync(file, 'utf8'), rendered: false })
        : renderAndStore(source, key, file).then((svg) => ({ svg, rendered: true }));
      pending.set(key, result);
      result.catch(() => pending.delete(key));
    }
    return { key, result };
  }

  return {
    stats,
    renderMs: () => renderMs,
    /** Starts rendering charts that pages will ask for soon; errors surface when they do. */
    prefetch(sources: readonly string[]): void {
      for (const source of sources) {
        // Cached charts stay on disk until their page reads them.
        const key = chartKey(source);
        if (!pending.has(key) && existsSync(join(dir, `${key}.svg`))) continue;
        load(source).result.catch(() => undefined);
      }
    },
    async render(source: string): Promise<string> {
      const { key, result } = load(source);
      const { svg, rendered } = await result;
      // Later requests read the file: the SVG is not held in memory.
      if (pending.get(key) === result) {
        pending.delete(key);
        if (rendered) {
          stats.misses++;
          renderedHere.add(key);
          return svg;
        }
      }
      if (renderedHere.has(key)) stats.reused++;
      else stats.hits++;
      return svg;
    },
  };
}

/**
 * Mermaid deep-copies its whole configuration on every internal getConfig()
 * call, hundreds of times per chart: about 40% of the CPU a chart costs. In the
 * build's own page the copy is made once per configuration (initialize() makes
 * a new one for every chart). The SVG is byte-identical; a test renders the
 * real charts both ways. If a Mermaid release changes that line, the script
 * is used as shipped and `patched` says so.
 */
export function withConfigCopiedOnce(script: string): { script: string; patched: boolean } {
  const getConfig = /(\w+)=(\w+)\(\(\)=>(\w+)\(\{\},(\w+)\),"getConfig"\)/;
  if (!getConfig.test(script)) return { script, patched: false };
  return {
    script: script.replace(
      getConfig,
      (_line, name: string, named: string, assign: string, current: string) =>
        `${name}=${named}((()=>{let from,copy;return()=>from===${current}?copy:(copy=${assign}({},from=${current}))})(),"getConfig")`,
    ),
    patched: true,
  };
}

let mermaidScript: { script: string; patched: boolean } | undefined;
function mermaidSource(fast: boolean): string {
  if (!fast) return readFileSync(MERMAID_SCRIPT, 'utf8');
  mermaidScript ??= withConfigCopiedOnce(readFileSync(MERMAID_SCRIPT, 'utf8'));
  return mermaidScript.script;
}

type BatchResult = { svg: string } | { error: string };

/**
 * Runs in the page: renders several charts one after another, each decorated
 * exactly as the browser fallback does. One call per batch keeps Chromium busy
 * while Node is busy rendering pages (each call needs Node's event loop).
 */
async function renderBatchInPage(args: {
  charts: { source: string; svgId: string }[];
  config: object;
  font: string | undefined;
}): Promise<BatchResult[]> {
  type Mermaid = { initialize(c: object): void; render(id: string, src: string): Promise<{ svg: string }> };
  const page = window as unknown as {
    mermaid: Mermaid;
    decorateChartSvg: (root: SVGSVGElement, label: string) => void;
  };
  const results: BatchResult[] = [];
  for (const chart of args.charts) {
    try {
      // Mermaid measures the labels: the glyphs they use must have loaded first.
      if (args.font) await document.fonts.load(`15px "${args.font}"`, chart.source);
      page.mermaid.initialize(args.config);
      const { svg } = await page.mermaid.render(chart.svgId, chart.source);
      const host = document.createElement('div');
      host.innerHTML = svg;
      const root = host.querySelector('svg')!;
      page.decorateChartSvg(root, '流程图');
      results.push({ svg: root.outerHTML });
    } catch (error) {
      results.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

/** Charts a free page takes at once from the queue. */
const BATCH = 8;

export interface ChromiumChartRenderer {
  render: RenderSvg;
  /** How many pages render side by side. */
  pages: number;
  close(): Promise<void>;
}

/** One rendering page per core (at most 4), or SOP_CHART_PAGES. */
export function defaultPageCount(env: Record<string, string | undefined> = process.env): number {
  const wanted = Number.parseInt(env.SOP_CHART_PAGES ?? '', 10);
  if (Number.isInteger(wanted) && wanted > 0) return wanted;
  return Math.max(1, Math.min(availableParallelism(), 4));
}

async function openRenderingPage(browser: Browser, fast: boolean): Promise<Page> {
  // A page of its own context gets its own renderer process, so pages run in parallel.
  const page = await browser.newPage();
  // Everything the page needs is injected: a request would mean a network dependency.
  await page.route('**/*', (route) => route.abort());
  // …except the CJK font from npm, so charts measure the same on every machine.
  const fontCss = chartFontCss();
  if (fontCss) {
    await page.route(`${FONT_ORIGIN}/**`, (route) => {
      const body = fontFile(route.request().url());
      return body
        ? route.fulfill({ body, contentType: route.request().url().endsWith('.woff2') ? 'font/woff2' : 'font/woff', headers: { 'access-control-allow-origin': '*' } })
        : route.abort();
    });
  }
  // Hidden: the layout Mermaid measures stays the same, but nothing is painted.
  await page.setContent(
    `<!doctype html><html lang="zh-CN"><body style="font-family:${CHART_FONT_FAMILY.replaceAll('"', "'")};visibility:hidden"></body></html>`,
  );
  if (fontCss) await page.addStyleTag({ content: fontCss });
  await page.addScriptTag({ content: mermaidSource(fast) });
  await page.addScriptTag({ content: `window.decorateChartSvg = ${decorateChartSvg.toString()};` });
  return page;
}

export async function launchChartRenderer(
  executablePath: string,
  options: { pages?: number; /** false: Mermaid exactly as shipped (for comparison). */ fast?: boolean } = {},
): Promise<ChromiumChartRenderer> {
  const count = options.pages ?? defaultPageCount();
  const browser: Browser = await launchChromium(executablePath);
  const fast = options.fast ?? true;
  const chartFont = chartFontCss() ? CHART_WEB_FONT : undefined;
  const pages = await Promise.all(Array.from({ length: count }, () => openRenderingPage(browser, fast)));
  // Each page renders one chart at a time (Mermaid keeps global state); a
  // free page takes the next few queued charts, its fair share up to BATCH.
  interface Job {
    chart: { source: string; svgId: string };
    resolve(svg: string): void;
    reject(error: Error): void;
  }
  const queue: Job[] = [];
  const idle: Page[] = [...pages];
  const pump = () => {
    while (idle.length > 0 && queue.length > 0) {
      const page = idle.pop()!;
      const jobs = queue.splice(0, Math.max(1, Math.min(BATCH, Math.ceil(queue.length / (idle.length + 1)))));
      page
        .evaluate(renderBatchInPage, { charts: jobs.map((job) => job.chart), config: mermaidConfig, font: chartFont })
        .then(
          (results) =>
            results.forEach((result, i) =>
              'svg' in result ? jobs[i]!.resolve(result.svg) : jobs[i]!.reject(new Error(result.error)),
            ),
          (error: Error) => jobs.forEach((job) => job.reject(error)),
        )
        .finally(() => {
          idle.push(page);
          pump();
        });
    }
  };
  return {
    pages: count,
    render(source, svgId) {
      return new Promise<string>((resolve, reject) => {
        queue.push({ chart: { source, svgId }, resolve, reject });
        pump();
      });
    },
    close: () => browser.close(),
  };
}

export { INSTALL_HINT, findChromium };
