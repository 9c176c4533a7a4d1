// Renders Mermaid source to SVG in headless Chromium at build time, caching
// each result on disk under a hash of everything that shapes the output.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findChromium, INSTALL_HINT, launchChromium } from './chromium';
import { CHART_FONT_FAMILY, mermaidConfig } from '../lib/chart-config';
import { decorateChartSvg } from '../lib/chart-decorate';

const require = createRequire(import.meta.url);
const MERMAID_SCRIPT = require.resolve('mermaid/dist/mermaid.min.js');
const MERMAID_VERSION = (require('mermaid/package.json') as { version: string }).version;

export type RenderSvg = (source: string, svgId: string) => Promise<string>;

export function chartKey(source: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ MERMAID_VERSION, decorate: decorateChartSvg.toString(), config: mermaidConfig, source }))
    .digest('hex');
}

/** A cache in front of any renderer; the renderer runs only on a miss. */
export function cachedRenderer(dir: string, render: RenderSvg) {
  mkdirSync(dir, { recursive: true });
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    async render(source: string): Promise<string> {
      const key = chartKey(source);
      const file = join(dir, `${key}.svg`);
      if (existsSync(file)) {
        stats.hits++;
        return readFileSync(file, 'utf8');
      }
      stats.misses++;
      const svg = await render(source, `chart-${key.slice(0, 10)}`);
      // Write then rename, so a crash never leaves half an SVG in the cache.
      writeFileSync(`${file}.tmp`, svg);
      renameSync(`${file}.tmp`, file);
      return svg;
    },
  };
}

/** Runs in the page: render, then decorate exactly as the browser fallback does. */
async function renderInPage(args: { source: string; svgId: string; config: object }): Promise<string> {
  type Mermaid = { initialize(c: object): void; render(id: string, src: string): Promise<{ svg: string }> };
  const page = window as unknown as {
    mermaid: Mermaid;
    decorateChartSvg: (root: SVGSVGElement, label: string) => void;
  };
  page.mermaid.initialize(args.config);
  const { svg } = await page.mermaid.render(args.svgId, args.source);
  const host = document.createElement('div');
  host.innerHTML = svg;
  const root = host.querySelector('svg')!;
  page.decorateChartSvg(root, '流程图');
  return root.outerHTML;
}

export interface ChromiumChartRenderer {
  render: RenderSvg;
  close(): Promise<void>;
}

export async function launchChartRenderer(executablePath: string): Promise<ChromiumChartRenderer> {
  const browser: Browser = await launchChromium(executablePath);
  const page: Page = await browser.newPage();
  await page.setContent(
    `<!doctype html><html lang="zh-CN"><body style="font-family:${CHART_FONT_FAMILY}"></body></html>`,
  );
  await page.addScriptTag({ path: MERMAID_SCRIPT });
  await page.addScriptTag({ content: `window.decorateChartSvg = ${decorateChartSvg.toString()};` });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    // One page, one render at a time: Mermaid keeps global state.
    render(source, svgId) {
      const result = queue.then(() => page.evaluate(renderInPage, { source, svgId, config: mermaidConfig }));
      queue = result.catch(() => undefined);
      return result;
    },
    close: () => browser.close(),
  };
}

export { INSTALL_HINT, findChromium };
