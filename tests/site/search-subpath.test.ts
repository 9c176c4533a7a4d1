// Search under a sub-path (SOP_BASE=/sop/): Pagefind's files load from
// /sop/pagefind/ and results link to /sop/procedures/…#step-….
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildFixture, type FixtureBuild } from '../helpers/fixture-build';
import { hasChromium, openBrowser } from '../helpers/browser';
import { serveStatic, type StaticSite } from '../helpers/static-server';
import { ROOT } from '../helpers/content-files';

describe.skipIf(!hasChromium)('search on a site served under /sop/', () => {
  let build: FixtureBuild;
  let site: StaticSite;
  let browser: Browser;

  beforeAll(async () => {
    build = buildFixture(['small-valid.mdx'], { SOP_BASE: '/sop/' });
    expect(build.status, build.output).toBe(0);
    const index = spawnSync(process.execPath, [join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', build.outDir, '--quiet'], {
      encoding: 'utf8',
    });
    expect(index.status, index.stderr).toBe(0);
    site = await serveStatic(build.outDir, '/sop/');
    browser = await openBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('loads Pagefind from the sub-path and links results into it', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}categories/corporate/`);
    await page.keyboard.press('/');
    await page.keyboard.type('引领客人');
    // The whole query's results: the search code may arrive mid-typing and first search a part of it.
    await page.waitForSelector('dialog search-panel[data-state="done"][data-query="引领客人"]', { timeout: 15_000 });
    const href = await page.locator('dialog .search-result a.search-hit').first().getAttribute('href');
    // The words searched ride along, to be highlighted on arrival.
    const url = new URL(href!, site.url);
    expect(url.pathname + url.hash).toBe('/sop/procedures/corporate/small-valid/#step-lead-guest');
    expect(url.searchParams.getAll('highlight').length).toBeGreaterThan(0);
    const pagefind = requests.filter((r) => r.includes('/pagefind/'));
    expect(pagefind.length).toBeGreaterThan(0);
    expect(pagefind.every((r) => r.startsWith('/sop/pagefind/'))).toBe(true);
    expect(await page.locator('dialog .search-open-page').getAttribute('href')).toMatch(/^\/sop\/search\/\?q=/);
    await page.locator('dialog search-panel input').fill('量子力学');
    await page.waitForSelector('dialog search-panel[data-state="none"]');
    expect(await page.locator('dialog .search-status a', { hasText: '术语表' }).getAttribute('href')).toBe('/sop/glossary/');
    expect(errors).toEqual([]);
    await page.close();
  });
});
