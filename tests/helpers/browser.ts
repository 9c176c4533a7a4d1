// Chromium for browser tests, found as the build finds it (CHROMIUM_PATH, a
// system browser, the npm package). Without any: skipped with a hint, but a
// failure under CI=true, where they must run.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveStatic, type StaticSite } from './static-server';
import { DIST } from './dist';
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

/**
 * The browser tests' one fixture: serves a built site and opens Chromium
 * around the tests of the describe block it is called in, and closes both
 * after. Read `served.browser` and `served.site` inside tests and hooks.
 * `root` may be a function, for a site the file builds in its own beforeAll.
 */
export function servedInBrowser(root: string | (() => string) = DIST, base?: string): { readonly browser: Browser; readonly site: StaticSite } {
  const served = {} as { browser: Browser; site: StaticSite };
  beforeAll(async () => {
    served.site = await serveStatic(typeof root === 'function' ? root() : root, base);
    served.browser = await openBrowser();
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.site?.close();
  });
  return served;
}
