// Chromium for browser tests: skipped with an install hint on a machine
// without it, but a failure under CI=true, where it must be there.
import type { Browser } from 'playwright-core';
import { findChromium, INSTALL_HINT, launchChromium } from '../../src/build/chromium';

export const chromiumPath = findChromium({ ...process.env, SOP_NO_CHROMIUM: undefined });

if (!chromiumPath) {
  if (process.env.CI === 'true') {
    throw new Error(`CI=true 但找不到 Chromium:浏览器测试不能跳过。请先运行 ${INSTALL_HINT}`);
  }
  console.warn(`[浏览器测试] 已跳过:找不到 Chromium。安装:${INSTALL_HINT}(或设置 CHROMIUM_PATH)`);
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
