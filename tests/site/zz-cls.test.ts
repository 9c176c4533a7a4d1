import { it } from 'vitest';
import { servedInBrowser } from '../helpers/browser';

const served = servedInBrowser();
it('cls', async () => {
  for (const path of ['', 'procedures/corporate/reception-process-standards/', 'procedures/spa/lobby-shoe-bar/', 'quiz/spa/lobby-shoe-bar/', 'handbook/', 'categories/spa/', 'search/', 'glossary/']) {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1366, height: 900 }]) {
      const page = await served.browser.newPage({ viewport });
      await page.addInitScript(() => {
        (window as any).shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).shifts.push({ value: e.value, sources: (e.sources ?? []).map((s: any) => s.node?.nodeName + '.' + (s.node?.className ?? '')) });
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(served.site.url + path, { waitUntil: 'networkidle' });
      await page.waitForTimeout(1500);
      const shifts = await page.evaluate(() => (window as any).shifts);
      const total = shifts.reduce((s: number, e: any) => s + e.value, 0);
      console.log(path || '/', viewport.width, total.toFixed(4), JSON.stringify(shifts.slice(0, 4)));
      await page.close();
    }
  }
}, 200_000);
