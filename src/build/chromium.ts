// Finding and launching Debian's Chromium for build-time rendering and tests.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const INSTALL_HINT = 'apt-get install chromium fonts-noto-cjk';

/** CHROMIUM_PATH wins; otherwise the usual Debian locations. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.SOP_NO_CHROMIUM === '1') return undefined;
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CANDIDATES;
  return candidates.find((path) => existsSync(path));
}

// This machine has no outside network: keep Chromium from trying to reach it.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
];

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: ARGS });
}
