// The budget calculator and the visit planner in Chromium: figures for a
// table of inputs, messages for bad inputs, planner dates and its one-page print.
import { changedRecord, seenRecord } from '../../src/lib/changed-since';
import { scopedKey } from '../../src/lib/client/storage';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, VIEWPORTS, servedInBrowser } from '../helpers/browser';

const STANDARDS = 'procedures/corporate/reception-process-standards/';
const RULES = 'procedures/corporate/external-reception-rules/';


/**
 * Storage keys other than the handbook's own visit bookkeeping (which procedure
 * versions this browser has seen, src/lib/changed-since.ts): the tools must add none.
 */
function storedByTools(page: Page): Promise<string[]> {
  return page.evaluate(
    (own) =>
      [localStorage, sessionStorage].flatMap((store) =>
        Array.from({ length: store.length }, (_, i) => store.key(i)!).filter((key) => !own.includes(key)),
      ),
    [scopedKey('/', seenRecord.name), scopedKey('/', changedRecord.name)],
  );
}

describe.skipIf(!hasChromium)('budget calculator and visit planner in Chromium', () => {
  const served = servedInBrowser();

  async function open(path: string, options: { viewport?: { width: number; height: number }; now?: string } = {}) {
    const context: BrowserContext = await served.browser.newContext({ viewport: options.viewport ?? VIEWPORTS.desktop });
    const page = await context.newPage();
    if (options.now) await page.clock.setFixedTime(new Date(options.now));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(served.site.url + path, { waitUntil: 'networkidle' });
    // A first visit keeps its own page once the service worker is active (a fetch of the bare page
    // URL, nothing typed in it), then says so: wait for that, so it is not mistaken for a leak below.
    await page.getByText('离线副本已就绪').waitFor();
    // Anything requested after the page has loaded (bar the browser's own favicon fetch) could leak what was typed.
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().endsWith('/favicon.svg')) requests.push(r.url());
    });
    return { page, context, errors, requests };
  }

  describe('budget calculator', () => {
    const out = (page: Page, key: string) => page.locator(`sop-budget [data-out="${key}"]`).textContent();
    async function enter(page: Page, level: string, guests: string, lunches: string, dinners: string) {
      await page.locator(`sop-budget input[name=level][value=${level}]`).check();
      await page.fill('#budget-guests', guests);
      await page.fill('#budget-lunches', lunches);
      await page.fill('#budget-dinners', dinners);
    }

    it('gives the source figures for a table of inputs', async () => {
      const { page, context, errors, requests } = await open(STANDARDS);
      // level, guests, lunches, dinners → per lunch, per dinner, total (worked out by hand from the source table)
      const table = [
        ['ordinary', '1', '1', '1', '300 元', '300 元', '600 元'],
        ['ordinary', '2', '2', '1', '300 元', '300 元', '900 元'],
        ['ordinary', '3', '1', '1', '400 元', '400 元', '800 元'],
        ['ordinary', '50', '1', '0', '5,100 元', '5,100 元', '5,100 元'],
        ['senior', '1', '1', '1', '500 元', '500 元', '1,000 元'],
        ['senior', '2', '1', '2', '500 元', '500 元', '1,500 元'],
        ['senior', '3', '2', '2', '700 元', '700 元', '2,800 元'],
        ['senior', '50', '0', '1', '10,100 元', '10,100 元', '10,100 元'],
        ['special', '1', '1', '1', '300 元', '300 元', '600 元'],
        ['special', '2', '1', '1', '300 元', '300 元', '600 元'],
        ['special', '3', '1', '1', '600 元', '600 元', '1,200 元'],
        ['special', '50', '3', '3', '14,700 元', '14,700 元', '88,200 元'],
        ['special', '4', '0', '0', '900 元', '900 元', '0 元'],
      ] as const;
      for (const [level, guests, lunches, dinners, lunch, dinner, total] of table) {
        await enter(page, level, guests, lunches, dinners);
        const row = `${level} ${guests}/${lunches}/${dinners}`;
        expect(await out(page, 'lunchPerMeal'), row).toBe(lunch);
        expect(await out(page, 'dinnerPerMeal'), row).toBe(dinner);
        expect(await out(page, 'total'), row).toBe(total);
      }
      expect(await page.locator('sop-budget [data-formula] li').allTextContents()).toEqual([
        '午餐每餐上限 = 300 元(二名客户基准)+ 2 名 × 300 元/人 = 900 元',
        '晚餐每餐上限 = 300 元(二名客户基准)+ 2 名 × 300 元/人 = 900 元',
        '餐饮总上限 = 0 次午餐 × 900 元 + 0 次晚餐 × 900 元 = 0 元',
      ]);
      expect(requests).toEqual([]);
      expect(await storedByTools(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('shows the chosen level’s other standards, and the 特级 discrepancy as notes', async () => {
      const { page, context } = await open(STANDARDS);
      const details = (id: string) => page.locator(`sop-budget [data-level-details="${id}"]`);
      expect(await details('ordinary').isVisible()).toBe(true);
      expect(await details('special').isVisible()).toBe(false);
      expect(await details('ordinary').textContent()).toContain('四驱车、的士');
      await page.locator('sop-budget input[value=special]').check();
      expect(await details('ordinary').isVisible()).toBe(false);
      const special = await details('special').textContent();
      expect(special).toContain('住宿标准三星级酒店以上,公司负担全程费用');
      expect(special).toContain('业务经理、部门经理、总经理、股东');
      expect(special).toContain('原文矛盾');
      expect(special).toContain('低于高级');
      expect(special).toContain('从 D 直接跳到 F');
      // The per-meal reading of the surcharge is stated, not assumed silently.
      expect(await page.locator('sop-budget').textContent()).toContain('本计算器按每餐');
      await context.close();
    });

    it.each([
      ['guests', '', '请填写客户人数。'],
      ['guests', '-2', '客户人数不能是负数。'],
      ['guests', '2.5', '客户人数必须是整数,不能有小数。'],
      ['guests', 'abc', '客户人数要填阿拉伯数字,例如 3。'],
      ['guests', '0', '客户人数至少为 1 人。'],
      ['guests', '100000000000000000000', '客户人数太大:最多 200 人,请检查。'],
      ['lunches', '1.5', '午餐次数必须是整数,不能有小数。'],
      ['dinners', '-1', '晚餐次数不能是负数。'],
      ['dinners', '999', '晚餐次数太大:最多 31 次,请检查。'],
    ])('%s = %j gets a message, and no total', async (field, value, message) => {
      const { page, context, errors } = await open(STANDARDS, { viewport: VIEWPORTS.phone });
      await page.fill(`#budget-${field}`, value);
      expect(await page.locator(`sop-budget [data-error="${field}"]`).textContent()).toBe(message);
      expect(await page.getAttribute(`#budget-${field}`, 'aria-invalid')).toBe('true');
      expect(await out(page, 'total')).toBe('—');
      expect(await page.locator('sop-budget [data-formula] li').count()).toBe(0);
      const text = await page.locator('sop-budget').textContent();
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      // Fixing the input brings the figures back.
      await page.fill(`#budget-${field}`, '2');
      expect(await page.locator(`sop-budget [data-error="${field}"]`).textContent()).toBe('');
      expect(await out(page, 'total')).toMatch(/^[\d,]+ 元$/);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('is reachable from the home page', async () => {
      const { page, context } = await open('');
      await page.locator('a', { hasText: '餐饮预算计算器' }).click();
      await page.waitForURL(/reception-process-standards\/#budget-calculator$/);
      expect(await page.locator('#budget-calculator').isVisible()).toBe(true);
      await page.goto(served.site.url);
      await page.locator('a', { hasText: '来访日期计划' }).click();
      await page.waitForURL(/external-reception-rules\/#visit-planner$/);
      expect(await page.locator('#visit-planner').isVisible()).toBe(true);
      await context.close();
    });
  });

  it.each([STANDARDS, RULES])('%s fits a 360 px phone with the tool in use', async (path) => {
    const { page, context, errors } = await open(path, { viewport: VIEWPORTS.phone, now: '2026-06-12T09:00:00' });
    if (path === RULES) await page.fill('#visit-date', '2026-06-17');
    else await page.fill('#budget-guests', '12');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  describe('visit planner', () => {
    const rows = (page: Page) =>
      page.$$eval('sop-visit-planner [data-rows] tr', (trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)),
      );
    async function plan(page: Page, date: string, president: boolean) {
      await page.fill('#visit-date', date);
      await page.locator('sop-visit-planner input[name=president]').setChecked(president);
    }

    it('gives the deadlines across a month end, with no warnings when all are ahead', async () => {
      const { page, context, errors, requests } = await open(RULES, { now: '2026-02-10T09:00:00' });
      await plan(page, '2026-03-01', true);
      expect(await rows(page)).toEqual([
        ['2026年2月22日(星期日)', '12 天后', '呈送客户接待安排表(一式三份)'],
        ['2026年2月27日(星期五)', '17 天后', '通知总经办:总裁参加,以便确认'],
        ['2026年3月1日(星期日)', '19 天后', '客户来访'],
      ]);
      expect(await page.locator('sop-visit-planner [data-warnings] li').count()).toBe(0);
      // Without the 总裁, no 总经办 row.
      await plan(page, '2026-03-01', false);
      expect((await rows(page)).map((r) => r[2])).toEqual(['呈送客户接待安排表(一式三份)', '客户来访']);
      expect(requests).toEqual([]);
      expect(await storedByTools(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('gives the deadlines across a year end', async () => {
      const { page, context } = await open(RULES, { now: '2026-12-01T09:00:00' });
      await plan(page, '2027-01-01', true);
      expect((await rows(page)).map((r) => r[0])).toEqual([
        '2026年12月25日(星期五)',
        '2026年12月30日(星期三)',
        '2027年1月1日(星期五)',
      ]);
      await context.close();
    });

    it('warns plainly when a deadline or the visit itself has passed', async () => {
      const { page, context } = await open(RULES, { now: '2026-06-12T09:00:00' });
      await plan(page, '2026-06-17', true);
      const warnings = page.locator('sop-visit-planner [data-warnings] li');
      expect(await warnings.allTextContents()).toEqual([
        '“呈送客户接待安排表(一式三份)”的日期 2026年6月10日(星期三)已经过去 2 天:已来不及按规定提前,请立即办理并说明情况。',
      ]);
      expect((await rows(page))[0]![1]).toBe('⚠ 已过 2 天');
      await plan(page, '2026-06-01', true);
      // A past visit: one clear message, no advice to hurry its deadlines.
      expect(await warnings.allTextContents()).toEqual(['来访日期 2026年6月1日(星期一)已经过去 11 天,请检查日期是否填对。']);
      await context.close();
    });

    it('asks for a date when it is cleared', async () => {
      const { page, context } = await open(RULES, { now: '2026-06-12T09:00:00' });
      expect(await page.locator('sop-visit-planner [data-plan]').isVisible()).toBe(false);
      await plan(page, '2026-06-17', false);
      expect(await page.locator('sop-visit-planner [data-plan]').isVisible()).toBe(true);
      await page.fill('#visit-date', '');
      expect(await page.locator('#visit-date-error').textContent()).toBe('请选择来访日期。');
      expect(await page.locator('sop-visit-planner [data-plan]').isVisible()).toBe(false);
      await context.close();
    });

    it('prints the plan alone on one A4 page', async () => {
      const { page, context, errors } = await open(RULES, { now: '2026-06-01T09:00:00' });
      await page.evaluate(() => {
        // Headless print() would do nothing visible; record the call instead.
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => {
          (window as unknown as { printed: number }).printed++;
        };
      });
      await plan(page, '2026-06-17', true);
      await page.locator('sop-visit-planner input[name=important]').check();
      await page.fill('#visit-client', '测试客户有限公司');
      await page.locator('sop-visit-planner [data-print]').click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      expect(await page.getAttribute('html', 'data-print-only')).toBe('visit-plan');

      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.visit-plan').isVisible()).toBe(true);
      expect(await page.locator('.visit-plan').textContent()).toContain('测试客户有限公司');
      expect(await page.locator('.visit-plan').textContent()).toContain('《接待方案》');
      for (const selector of ['.site-header', 'nav.sidebar', 'h1', 'figure.chart', '.planner-form', '[data-print]']) {
        expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
      }
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

      // After printing the page is whole again, and a normal print leaves the planner out.
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      expect(await page.getAttribute('html', 'data-print-only')).toBeNull();
      expect(await page.locator('h1').isVisible()).toBe(true);
      expect(await page.locator('sop-visit-planner').isVisible()).toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    });
  });
});
