// Dev aid: a screenshot of each procedure's flowchart, to read against the source.
// Usage: node scripts/chart-shots.mjs http://127.0.0.1:4321/ /tmp/charts [dark]
import { readdirSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { findChromium, INSTALL_HINT, launchChromium } from '../src/build/chromium.ts';

const [base, out = '/tmp/charts', scheme = 'light'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const ids = readdirSync('content/procedures', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));
const executable = findChromium();
if (!executable) throw new Error(`找不到 Chromium。${INSTALL_HINT}`);
const browser = await launchChromium(executable);
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
for (const id of ids) {
  await page.goto(`${base}procedures/${id}/`);
  const charts = page.locator('figure.chart');
  for (let i = 0; i < (await charts.count()); i++) {
    await charts.nth(i).screenshot({ path: `${out}/${id.replace('/', '__')}-${i}.png` });
  }
}
await browser.close();
console.log(ids.length, 'procedures');
