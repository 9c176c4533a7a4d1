// Search quality on the built site: every query of tests/search-queries.yaml,
// typed into the real search page in Chromium on a phone-sized screen. Prints
// recall@1, recall@3 and the time from the last keystroke to the first results,
// and holds them to the targets: recall@3 ≥ 95 %, recall@1 ≥ 80 %, no query
// without results, warm time to first results ≤ 300 ms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, servedInBrowser, VIEWPORTS } from '../helpers/browser';
import { readPage } from '../helpers/dist';
import { ROOT } from '../helpers/content-files';
import { cleanQuery } from '../../src/lib/search-query';

const KINDS = ['单词', '两个词', '整句', '话术', '角色', '同义词', '异写', '数字', '检查表', '编号'] as const;
const list = (s: string | string[] | undefined) => (s === undefined ? [] : typeof s === 'string' ? [s] : s);
const caseSchema = z.object({
  q: z.string().min(1),
  page: z.string().regex(/^[a-z0-9/-]+\/$/),
  step: z.union([z.string(), z.array(z.string()).min(1)]).optional().transform(list),
  at: z.union([z.string(), z.array(z.string()).min(1)]).optional().transform(list),
  kind: z.enum(KINDS),
  why: z.string().min(1),
});
const cases = z
  .array(caseSchema)
  .parse(yaml.load(readFileSync(join(ROOT, 'tests/search-queries.yaml'), 'utf8')))
  // Where a result may land: a named step, or another anchor (a checklist).
  .map((c) => ({ ...c, anchors: [...c.step.map((s) => `step-${s}`), ...c.at] }));

describe('the query test set', () => {
  it('has at least 80 queries, of every kind, each naming a built page and step', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    for (const kind of KINDS) expect(cases.filter((c) => c.kind === kind).length, kind).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.q)).size).toBe(cases.length);
    for (const c of cases) {
      const html = readPage(c.page);
      for (const anchor of c.anchors) expect(html, `${c.q}: #${anchor}`).toContain(`id="${anchor}"`);
    }
  });
});

describe.skipIf(!hasChromium)('search quality in Chromium', () => {
  const served = servedInBrowser();
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await served.browser.newPage({ viewport: VIEWPORTS.phone });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${served.site.url}search/`);
    // The time from the last keystroke to the first results shown.
    await page.evaluate(() => {
      const w = window as unknown as { typedAt: number; shownAt: number };
      document.addEventListener('input', () => (w.typedAt = performance.now()), true);
      document.addEventListener('sop:search-results', () => (w.shownAt = performance.now()));
    });
  });

  /** The result links, in order, after the search page has searched `q`. */
  async function search(q: string): Promise<{ results: { path: string; hash: string }[]; ms: number }> {
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
    const ms = await page.evaluate(() => {
      const w = window as unknown as { typedAt: number; shownAt: number };
      return w.shownAt - w.typedAt;
    });
    const results = hrefs.map((href) => {
      const url = new URL(href);
      return { path: url.pathname.slice(new URL(served.site.url).pathname.length), hash: decodeURIComponent(url.hash) };
    });
    return { results, ms };
  }

  it('finds the pages of the test set in the top three, at the named step, fast', async () => {
    const rows: string[] = [];
    const failures: string[] = [];
    const empty: string[] = [];
    const times: number[] = [];
    let found = 0;
    let first = 0;
    let stepsRight = 0;
    const withStep = cases.filter((c) => c.anchors.length).length;
    // The first search loads Pagefind and its index; "warm" is every search after it.
    await search('押金');
    for (const c of cases) {
      const { results, ms } = await search(c.q);
      times.push(ms);
      if (!results.length) empty.push(c.q);
      const rank = results.findIndex((r) => r.path === c.page) + 1;
      const inTop3 = rank >= 1 && rank <= 3;
      const stepOk = !c.anchors.length || (rank >= 1 && c.anchors.some((a) => results[rank - 1]!.hash === `#${a}`));
      // A hit counts only where it opens at the right step: a page opened elsewhere is not an answer.
      if (inTop3 && stepOk) found++;
      if (rank === 1 && stepOk) first++;
      if (c.anchors.length && inTop3 && stepOk) stepsRight++;
      const top = results
        .slice(0, 3)
        .map((r) => r.path.replace(/^procedures\//, '') + r.hash)
        .join('  ');
      rows.push(`${inTop3 && stepOk ? '✓' : '✗'} ${rank || '-'}  [${c.kind}] ${c.q}  →  ${top}`);
      if (!inTop3) failures.push(`${c.q}: ${c.page} 不在前三(名次 ${rank || '无'})`);
      else if (!stepOk) {
        failures.push(`${c.q}: 应链接到 #${c.anchors.join(' 或 #')},实际 ${results[rank - 1]!.hash || '页首'}`);
      }
    }
    const recall3 = found / cases.length;
    const recall1 = first / cases.length;
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
    console.log(
      [
        ...rows,
        `recall@1 = ${first}/${cases.length} = ${(recall1 * 100).toFixed(1)}%`,
        `recall@3 = ${found}/${cases.length} = ${(recall3 * 100).toFixed(1)}%`,
        `落在指定位置 = ${stepsRight}/${withStep}`,
        `出结果时间(手机尺寸,热):中位数 ${median.toFixed(0)} ms,90% ${p90.toFixed(0)} ms,最长 ${sorted.at(-1)!.toFixed(0)} ms`,
        `没有结果的查询:${empty.length ? empty.join('、') : '无'}`,
        ...failures.map((f) => `  ✗ ${f}`),
      ].join('\n'),
    );
    expect(empty).toEqual([]);
    expect(recall3).toBeGreaterThanOrEqual(0.95);
    expect(recall1).toBeGreaterThanOrEqual(0.8);
    expect(median).toBeLessThanOrEqual(300);
    expect(errors).toEqual([]);
  });
});
