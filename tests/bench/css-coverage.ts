// Unused CSS, as Chromium's CSS coverage counts it: for each page, the bytes
// of every stylesheet it loads (files and inline <style>) and the bytes of the
// rules no element matched from loading until the network is idle. A rule for
// print, dark mode, a phone or an opened dialog counts as unused on a desktop
// screen: the figure says what a first view carries, not what is dead code.
import type { Browser } from 'playwright-core';
import { serveStatic } from '../helpers/static-server';

export interface SheetCoverage {
  /** The stylesheet's path on the site, or "inline" for the page's own <style> elements. */
  sheet: string;
  bytes: number;
  unusedBytes: number;
}

export interface PageCoverage {
  page: string;
  bytes: number;
  unusedBytes: number;
  /** Most unused bytes first. */
  sheets: SheetCoverage[];
}

export const COVERAGE_PAGES = ['', 'procedures/hotel/group-check-in/', 'quiz/hotel/group-check-in/', 'handbook/hotel/', 'search/'];

const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');

export async function cssCoverage(browser: Browser, dist: string, pages = COVERAGE_PAGES): Promise<PageCoverage[]> {
  const server = await serveStatic(dist);
  const result: PageCoverage[] = [];
  try {
    for (const path of pages) {
      // No service worker: its precache downloads would only keep the network busy.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.coverage.startCSSCoverage({ resetOnNavigation: false });
      const response = await page.goto(server.url + path, { waitUntil: 'networkidle' });
      if (!response?.ok()) throw new Error(`${path || '/'}: HTTP ${response?.status()}`);
      const entries = await page.coverage.stopCSSCoverage();
      await context.close();
      const sheets = new Map<string, SheetCoverage>();
      for (const entry of entries) {
        const text = entry.text ?? '';
        const url = new URL(entry.url);
        // Inline <style> elements carry the page's own address.
        const sheet = url.href === server.url + path ? 'inline' : url.pathname;
        const used = entry.ranges.reduce((sum, r) => sum + bytesOf(text.slice(r.start, r.end)), 0);
        const item = sheets.get(sheet) ?? { sheet, bytes: 0, unusedBytes: 0 };
        item.bytes += bytesOf(text);
        item.unusedBytes += bytesOf(text) - used;
        sheets.set(sheet, item);
      }
      const list = [...sheets.values()].sort((a, b) => b.unusedBytes - a.unusedBytes);
      result.push({
        page: path,
        bytes: list.reduce((sum, s) => sum + s.bytes, 0),
        unusedBytes: list.reduce((sum, s) => sum + s.unusedBytes, 0),
        sheets: list,
      });
    }
  } finally {
    await server.close();
  }
  return result;
}
