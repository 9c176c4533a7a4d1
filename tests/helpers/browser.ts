// Chromium for browser tests, found as the build finds it (CHROMIUM_PATH, a
// system browser, the npm package). Without any: skipped with a hint, but a
// failure under CI=true, where they must run.
import type { Browser } from 'playwright-core';
import { INSTALL_HINT, launchChromium, resolveChromium } from '../../src/build/chromium';

// A wrong CHROMIUM_PATH throws here, naming the value.
const found = resolveChromium({ ...process.env, SOP_NO_CHROMIUM: undefined });
export const chromiumPath = found?.path;

if (!chromiumPath) {
  if (process.env.CI === 'true') {
    throw new Error(`CI=true 但找不到 Chromium:浏览器测试不能跳过。${INSTALL_HINT}`);
  }
  console.warn(`[浏览器测试] 已跳过:找不到 Chromium。${INSTALL_HINT}`);
}

export const hasChromium = chromiumPath !== undefined;

export function openBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error('no Chromium');
  return launchChromium(chromiumPath);
}

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 360, height: 740 },
} as const;
