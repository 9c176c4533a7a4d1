// Search quality on the built site: every query of tests/search-queries.yaml,
// typed into the real search page in Chromium, must list its page in the top
// three (and, where the set names a step, link to that step). Prints recall@3.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, openBrowser } from '../helpers/browser';
import { serveStatic, type StaticSite } from '../helpers/static-server';
import { DIST, readPage } from '../helpers/dist';
import { ROOT } from '../helpers/content-files';
import { cleanQuery } from '../../src/lib/search-query';

const KINDS = ['单词', '两个词', '话术', '角色', '同义词', '编号'] as const;
const caseSchema = z.object({
  q: z.string().min(1),
  page: z.string().regex(/^[a-z0-9/-]+\/$/),
  step: z
    .union([z.string(), z.array(z.string()).min(1)])
    .optional()
    .transform((s) => (s === undefined ? [] : typeof s === 'string' ? [s] : s)),
  kind: z.enum(KINDS),
  why: z.string().min(1),
});
const cases = z.array(caseSchema).parse(yaml.load(readFileSync(join(ROOT, 'tests/search-queries.yaml'), 'utf8')));

describe('the query test set', () => {
  it('has at least 25 queries of every kind, each naming a built page and step', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    for (const kind of KINDS) expect(cases.filter((c) => c.kind === kind).length, kind).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.q)).size).toBe(cases.length);
    for (const c of cases) {
      const html = readPage(c.page);
      for (const step of c.step) expect(html, `${c.q}: #step-${step}`).toContain(`id="step-${step}"`);
    }
  });
});

describe.skipIf(!hasChromium)('search quality in Chromium', () => {
  let browser: Browser;
  let site: StaticSite;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    site = await serveStatic(DIST);
    browser = await openBrowser();
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}search/`);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** The result links, in order, after the search page has searched `q`. */
  async function search(q: string): Promise<{ path: string; hash: string }[]> {
    const input = page.locator('search-panel[data-standalone] input');
    await input.fill(q);
    const query = cleanQuery(q).text;
    await page.waitForFunction(
      (query) => {
        const panel = document.querySelector<HTMLElement>('search-panel[data-standalone]')!;
        return panel.dataset.query === query && ['done', 'none'].includes(panel.dataset.state ?? '');
      },
      query,
      { timeout: 10_000 },
    );
    const hrefs = await page.$$eval('search-panel[data-standalone] .search-result > a.search-hit', (links) =>
      links.map((a) => (a as HTMLAnchorElement).href),
    );
    return hrefs.map((href) => {
      const url = new URL(href);
      return { path: url.pathname.slice(new URL(site.url).pathname.length), hash: decodeURIComponent(url.hash) };
    });
  }

  it('finds every page of the test set in the top three, at the named step', async () => {
    const rows: string[] = [];
    const failures: string[] = [];
    let found = 0;
    let stepsRight = 0;
    const withStep = cases.filter((c) => c.step.length).length;
    for (const c of cases) {
      const results = await search(c.q);
      const rank = results.findIndex((r) => r.path === c.page) + 1;
      const inTop3 = rank >= 1 && rank <= 3;
      if (inTop3) found++;
      const stepOk = !c.step.length || (inTop3 && c.step.some((s) => results[rank - 1]!.hash === `#step-${s}`));
      if (c.step.length && stepOk) stepsRight++;
      const top = results
        .slice(0, 3)
        .map((r) => r.path.replace(/^procedures\//, '') + r.hash)
        .join('  ');
      rows.push(`${inTop3 && stepOk ? '✓' : '✗'} ${rank || '-'}  [${c.kind}] ${c.q}  →  ${top}`);
      if (!inTop3) failures.push(`${c.q}: ${c.page} 不在前三(名次 ${rank || '无'})`);
      else if (!stepOk) {
        failures.push(`${c.q}: 应链接到 #step-${c.step.join(' 或 #step-')},实际 ${results[rank - 1]!.hash || '页首'}`);
      }
    }
    const recall = found / cases.length;
    console.log(
      [
        ...rows,
        `recall@3 = ${found}/${cases.length} = ${(recall * 100).toFixed(1)}%`,
        `落在指定步骤 = ${stepsRight}/${withStep}`,
      ].join('\n'),
    );
    expect(failures).toEqual([]);
    expect(recall).toBe(1);
    expect(errors).toEqual([]);
  });
});
