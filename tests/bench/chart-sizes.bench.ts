// npm run chart-sizes (also part of npm run bench): for each procedure of the
// built site, chart text as seen on a phone (390 px), in 演示模式 on a
// projector (1024×768, 1920×1080) and on A4 paper; then the handbook.
// Prints a Markdown table; ✗ marks a missed threshold.
import { it } from 'vitest';
import { hasChromium, openBrowser } from '../helpers/browser';
import { serveStatic } from '../helpers/static-server';
import { DIST } from '../helpers/dist';
import { loadProcedures } from '../helpers/procedures';
import { measurePaper, measurePhone, measureProcedure, sizesTable, type ProcedureSizes } from '../helpers/chart-sizes';

it.skipIf(!hasChromium)('chart text sizes: phone, projector, paper', async () => {
  const site = await serveStatic(DIST);
  const browser = await openBrowser();
  try {
    const rows: ProcedureSizes[] = [];
    for (const p of loadProcedures()) {
      rows.push(await measureProcedure(browser, site.url, { id: p.id, title: p.data.title, stepIds: p.data.steps.map((s) => s.id) }));
    }
    const page = await browser.newPage();
    const phone = await measurePhone(page, `${site.url}handbook/`);
    const paper = await measurePaper(page, `${site.url}handbook/`);
    await page.close();
    console.log(`\n${sizesTable(rows)}\n\nhandbook: phone ${phone.min.toFixed(1)} px${phone.pageOverflowX ? ' (page scrolls sideways)' : ''}, paper ${paper.min.toFixed(1)} pt over ${paper.charts} charts${paper.tooLarge ? `, ${paper.tooLarge} larger than the page` : ''}\n`);
  } finally {
    await browser.close();
    await site.close();
  }
});
