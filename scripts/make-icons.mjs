// Dev aid, run once when public/favicon.svg changes: renders the home-screen
// icons from it in Chromium (no network). The PNGs are committed.
// Usage: node_modules/.bin/node scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import { findChromium, INSTALL_HINT, launchChromium } from '../src/build/chromium.ts';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
// Maskable and Apple icons are cropped by the system: fill the whole square.
const square = svg.replace(/ rx="[^"]*"/, '');
const out = (name) => new URL(`../public/icons/${name}`, import.meta.url).pathname;
const icons = [
  { name: 'icon-192.png', size: 192, svg },
  { name: 'icon-512.png', size: 512, svg },
  { name: 'icon-maskable-512.png', size: 512, svg: square },
  { name: 'apple-touch-icon.png', size: 180, svg: square },
];

const executable = findChromium();
if (!executable) throw new Error(`找不到 Chromium。${INSTALL_HINT}`);
const browser = await launchChromium(executable);
for (const icon of icons) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
  const sized = icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
  await page.screenshot({ path: out(icon.name), omitBackground: true });
  await page.close();
}
await browser.close();
