// A handbook past the navigation's limit (src/lib/site-nav.ts): every page
// lists the procedures of its own category only, and links to the others.
// Built without Chromium, so its charts are left to the reader's browser,
// which 一次打印全部 cannot carry over: it says so and prints nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNDRAWN_CHARTS_TEXT } from '../../src/lib/handbook-print-all';
import { hasChromium, servedInBrowser } from '../helpers/browser';
import { watchCsp } from '../helpers/csp';
import { NAV_FULL_LIMIT } from '../../src/lib/site-nav';
import { buildSite, type SiteBuild } from '../helpers/fixture-build';
import { readPage } from '../helpers/dist';
import { attr, selectAll, text } from '../helpers/dom';
import { syntheticCorpus, writeCorpus } from '../helpers/synthetic-corpus';

const corpus = syntheticCorpus(NAV_FULL_LIMIT + 10);
const inCategory = (category: string) => corpus.filter((p) => p.path.startsWith(`${category}/`));
const idOf = (p: (typeof corpus)[number]) => p.path.replace(/\.mdx$/, '');
const categories = [...new Set(corpus.map((p) => p.path.split('/')[0]!))];
const sidebar = (html: string) => {
  const navs = selectAll(html, 'nav.sidebar');
  expect(navs, 'one nav.sidebar').toHaveLength(1);
  return navs[0]!;
};
// Every link into procedures/, by procedure id (an href of another shape is kept whole, so it shows).
const procedureLinks = (nav: Element) =>
  selectAll(nav, '[href^="/procedures/"]').map((el) => /^\/procedures\/(.+)\/$/.exec(attr(el, 'href')!)?.[1] ?? attr(el, 'href'));
const SEE_ALL = /^查看全部 \d+ 个流程 →$/;
const seeAll = (nav: Element, category: string) =>
  selectAll(nav, `a[href="/categories/${category}/"]`)
    .map(text)
    .filter((t) => SEE_ALL.test(t));

describe(`navigation of a handbook with more than ${NAV_FULL_LIMIT} procedures`, () => {
  let dir: string;
  let build: SiteBuild;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sop-large-'));
    writeCorpus(join(dir, 'content'), corpus);
    build = buildSite({
      outDir: join(dir, 'dist'),
      content: join(dir, 'content'),
      env: { SOP_NO_CHROMIUM: '1', SOP_ASTRO_CACHE: join(dir, 'astro') },
    });
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it("lists the current category's procedures on its procedure, quiz and trainer pages, and links to the rest", () => {
    const hotel = inCategory('hotel');
    const current = hotel[1]!;
    expect(hotel.length).toBeGreaterThan(1);
    for (const page of [`procedures/${idOf(current)}/`, `quiz/${idOf(current)}/`, `trainer/procedures/${idOf(current)}/`]) {
      const nav = sidebar(readPage(page, build.outDir));
      expect(procedureLinks(nav), page).toEqual(hotel.map(idOf));
      for (const other of ['corporate', 'spa', 'property']) {
        const count = inCategory(other).length;
        if (count > 0) expect(seeAll(nav, other), `${page}: ${other}`).toEqual([`查看全部 ${count} 个流程 →`]);
      }
    }
    const marked = selectAll(sidebar(readPage(`procedures/${idOf(current)}/`, build.outDir)), '[aria-current="page"]');
    expect(marked.map((el) => attr(el, 'href'))).toEqual([`/procedures/${idOf(current)}/`]);
  });

  it('lists no procedure on the home page, only the way to each category', () => {
    const nav = sidebar(readPage('', build.outDir));
    expect(procedureLinks(nav)).toEqual([]);
    // One "查看全部" link per category, to that category, with its count.
    for (const category of categories) expect(seeAll(nav, category), category).toEqual([`查看全部 ${inCategory(category).length} 个流程 →`]);
    expect(selectAll(nav, 'a').filter((a) => SEE_ALL.test(text(a)))).toHaveLength(categories.length);
  });
  describe.skipIf(!hasChromium)('in Chromium', () => {
    const served = servedInBrowser(() => build.outDir);

    it('does not print a category in one go when its charts are drawn only on the volume pages', async () => {
      expect(readPage('handbook/hotel/', build.outDir)).toContain('href="/handbook/hotel/2/"');
      const context = await served.browser.newContext();
      const watch = await watchCsp(context);
      try {
        const page = await context.newPage();
        await page.goto(`${served.site.url}handbook/hotel/`);
        await page.locator('handbook-print-all [data-print-all]').click();
        const state = page.locator('handbook-print-all [data-state]');
        await expect.poll(() => state.textContent()).toBe(UNDRAWN_CHARTS_TEXT);
        expect(await page.evaluate(() => [document.documentElement.dataset.printed ?? null, document.querySelectorAll('.print-all-doc').length])).toEqual([null, 0]);
        expect(watch.problems()).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
