// Dev aid: screenshots of built pages at desktop and phone widths, to look at.
// Usage: node scripts/screenshot.mjs http://127.0.0.1:4321/path/ out-prefix [light|dark]
import { chromium } from 'playwright-core';

const [url, prefix = '/tmp/shot', scheme = 'light'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
for (const [name, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 360, height: 740 }],
]) {
  const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
  page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `${prefix}-${name}.png`, fullPage: process.env.FULL === '1' });
  await page.close();
}
await browser.close();
