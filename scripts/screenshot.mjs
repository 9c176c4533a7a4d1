// Dev aid: screenshots of built pages at phone, projector and desktop sizes, to look at.
// Usage: node scripts/screenshot.mjs http://127.0.0.1:4321/path/ out-prefix [light|dark]
import { findChromium, INSTALL_HINT, launchChromium } from '../src/build/chromium.ts';

const [url, prefix = '/tmp/shot', scheme = 'light'] = process.argv.slice(2);
const executable = findChromium();
if (!executable) throw new Error(`找不到 Chromium。${INSTALL_HINT}`);
const browser = await launchChromium(executable);
for (const [name, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['projector', { width: 1024, height: 768 }],
  ['desktop', { width: 1366, height: 900 }],
]) {
  const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
  page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `${prefix}-${name}.png`, fullPage: process.env.FULL === '1' });
  await page.close();
}
await browser.close();
