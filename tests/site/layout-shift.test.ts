// No page moves as it loads (cumulative layout shift 0): what scripts add or
// change keeps the place the markup gave it. Measured with Chromium's own
// layout-shift entries, at a phone's width and a laptop's.
import { describe, expect, it } from 'vitest';
import { hasChromium, servedInBrowser } from '../helpers/browser';

const PAGES = {
  home: '',
  'procedure (待确认, levels table, budget calculator)': 'procedures/corporate/reception-process-standards/',
  'procedure (draft note)': 'procedures/hotel/room-reservation/',
  'procedure (variants)': 'procedures/spa/bath-sections/',
  quiz: 'quiz/spa/lobby-shoe-bar/',
  handbook: 'handbook/',
  category: 'categories/spa/',
  glossary: 'glossary/',
  search: 'search/',
};
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];

describe.skipIf(!hasChromium)('layout shift', () => {
  const served = servedInBrowser();

  it.each(Object.entries(PAGES))('%s does not shift as it loads', async (_name, path) => {
    for (const viewport of VIEWPORTS) {
      const page = await served.browser.newPage({ viewport });
      await page.addInitScript(() => {
        const w = window as unknown as { shifts: { value: number; sources: string[] }[] };
        w.shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] }[]) {
            if (entry.hadRecentInput) continue;
            const sources = (entry.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.localName}.${s.node.className}` : String(s.node?.nodeName)));
            w.shifts.push({ value: entry.value, sources });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(served.site.url + path, { waitUntil: 'networkidle' });
      // Settled: fonts loaded and every custom element upgraded (its script has run), bar the
      // search panel, whose script loads only when search is opened.
      await page.evaluate(() => document.fonts.ready);
      await page.waitForFunction(() => document.querySelectorAll(':not(:defined):not(search-panel)').length === 0);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const shifts = await page.evaluate(() => (window as unknown as { shifts: { value: number; sources: string[] }[] }).shifts);
      expect(shifts, `${path} at ${viewport.width} px`).toEqual([]);
      await page.close();
    }
  });
});
