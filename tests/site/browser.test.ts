// Home and a procedure page in Chromium at desktop and phone widths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, openBrowser, VIEWPORTS } from '../helpers/browser';
import { serveStatic, type StaticSite } from '../helpers/static-server';
import { DIST } from '../helpers/dist';
import { CONTENT, procedureFiles } from '../helpers/content-files';
import { join } from 'node:path';

const PROCEDURE = 'procedures/spa/lobby-shoe-bar/';
const procedureIds = procedureFiles().map((file) =>
  file.slice(join(CONTENT, 'procedures').length + 1).replace(/\.mdx$/, ''),
);

describe.skipIf(!hasChromium)('pages in Chromium', () => {
  let browser: Browser;
  let site: StaticSite;

  beforeAll(async () => {
    site = await serveStatic(DIST);
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string, viewport: (typeof VIEWPORTS)[keyof typeof VIEWPORTS]) {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(site.url + path, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    return { page, errors };
  }

  async function noHorizontalScroll(page: Page) {
    return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  }

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`home page at ${name} width`, async () => {
      const { page, errors } = await open('', viewport);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await page.locator('h1').first().textContent()).toBe('接待流程手册');
      expect(await noHorizontalScroll(page)).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`procedure page at ${name} width shows its flowchart`, async () => {
      const { page, errors } = await open(PROCEDURE, viewport);
      const chart = page.locator('figure.chart svg').first();
      await chart.scrollIntoViewIfNeeded();
      expect(await chart.isVisible()).toBe(true);
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      // A chart wider than the screen pans inside its frame; the frame itself fits the screen.
      const frame = await page.locator('figure.chart .chart-scroll').first().boundingBox();
      expect(frame!.x).toBeGreaterThanOrEqual(0);
      expect(frame!.x + frame!.width).toBeLessThanOrEqual(viewport.width);
      expect(await page.locator('figure.chart g.node[data-step-id]').count()).toBeGreaterThan(5);
      expect(await noHorizontalScroll(page)).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('standing roles sit beside the chart on a wide screen and below it on a phone', async () => {
    const path = 'procedures/corporate/external-reception-rules/';
    for (const [viewport, beside] of [
      [VIEWPORTS.desktop, true],
      [VIEWPORTS.phone, false],
    ] as const) {
      const { page, errors } = await open(path, viewport);
      const chart = (await page.locator('figure.chart').first().boundingBox())!;
      const aside = (await page.locator('aside.standing-roles').boundingBox())!;
      if (beside) {
        expect(aside.x).toBeGreaterThanOrEqual(chart.x + chart.width);
        expect(aside.y).toBeLessThan(chart.y + chart.height);
      } else {
        expect(aside.y).toBeGreaterThanOrEqual(chart.y + chart.height);
      }
      expect(await noHorizontalScroll(page)).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('a chart node leads to its step text', async () => {
    const { page } = await open(PROCEDURE, VIEWPORTS.desktop);
    const link = page.locator('figure.chart a.chart-node-link').nth(2);
    const stepId = await link.locator('g.node').getAttribute('data-step-id');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash === `#step-${id}`, stepId);
    const step = page.locator(`#step-${stepId}`);
    expect(await step.isVisible()).toBe(true);
    const inView = await step.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    await page.close();
  });

  it('every chart fits its Chinese labels inside their boxes', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    for (const id of procedureIds) {
      await page.goto(`${site.url}procedures/${id}/`);
      const overflow = await page.$$eval('figure.chart g.node', (els) =>
        els
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => {
            const shape = el.querySelector('rect, polygon')!.getBoundingClientRect();
            const label = el.querySelector('.nodeLabel')!.getBoundingClientRect();
            const fits =
              label.width > 0 &&
              label.left >= shape.left - 1 &&
              label.right <= shape.right + 1 &&
              label.top >= shape.top - 1 &&
              label.bottom <= shape.bottom + 1;
            return fits ? null : el.getAttribute('data-step-id');
          })
          .filter(Boolean),
      );
      expect(overflow, id).toEqual([]);
    }
    await page.close();
  });

  it('the phone menu opens the table of contents', async () => {
    const { page } = await open('', VIEWPORTS.phone);
    expect(await page.locator('nav.sidebar').isVisible()).toBe(false);
    await page.locator('.nav-toggle summary').click();
    expect(await page.locator('.mobile-nav a', { hasText: '前厅迎宾与鞋吧服务流程' }).isVisible()).toBe(true);
    await page.close();
  });
});
