// One resolver for the Chromium that renders charts at build time and drives
// the browser tests: CHROMIUM_PATH, then a system Chrome or Chromium, then the
// headless Chromium shipped in the npm package @sparticuz/chromium (Linux
// x64), so `npm ci` alone is enough. Only then the browser-side fallback.
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { fontconfigFile } from './fonts.ts';

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'npm';
export interface FoundChromium {
  path: string;
  source: ChromiumSource;
}

/** What to do when no browser can be had: the last line of a build without charts. */
export const INSTALL_HINT =
  '在 Linux x64 上运行 npm ci 会自带 Chromium(@sparticuz/chromium);其他系统请安装 Chrome 或 Chromium,或设置 CHROMIUM_PATH=<浏览器可执行文件>';

/** CHROMIUM_PATH is set but cannot be used: the build and the tests stop with this. */
export class ChromiumPathError extends Error {
  constructor(value: string, why: string) {
    super(`CHROMIUM_PATH=${value}:${why}。请把 CHROMIUM_PATH 改为 Chrome/Chromium 的可执行文件,或删除这个变量以使用自动找到的浏览器。`);
    this.name = 'ChromiumPathError';
  }
}

/** The usual places of Chrome and Chromium on Linux, macOS and Windows. */
export function systemCandidates(
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
    return [...apps.map((app) => `/Applications/${app}`), ...(env.HOME ? apps.map((app) => `${env.HOME}/Applications/${app}`) : [])];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => !!root);
    return roots.flatMap((root) => [
      `${root}\\Google\\Chrome\\Application\\chrome.exe`,
      `${root}\\Chromium\\Application\\chrome.exe`,
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ];
}

/** A regular file this process may execute (on Windows: a file that exists). */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Checks a CHROMIUM_PATH value; throws ChromiumPathError naming it when it cannot be a browser. */
export function checkChromiumPath(value: string): string {
  if (!existsSync(value)) throw new ChromiumPathError(value, '文件不存在');
  if (!isExecutableFile(value)) throw new ChromiumPathError(value, '不是可执行文件');
  const run = spawnSync(value, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  const said = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
  if (run.status !== 0 || !/chrom/i.test(said)) {
    const what = run.error ? run.error.message : said ? `它回答「${said.split('\n')[0]}」` : `退出码 ${run.status}`;
    throw new ChromiumPathError(value, `运行 --version 不像 Chrome/Chromium(${what})`);
  }
  return value;
}

const require = createRequire(import.meta.url);

/** Where the npm package's Chromium is unpacked: beside node_modules, once per version. */
function npmChromiumDir(): { packed: string; dir: string } | undefined {
  let root: string;
  try {
    // The package exports only its entry (build/index.js), not package.json.
    root = dirname(dirname(require.resolve('@sparticuz/chromium')));
  } catch {
    return undefined;
  }
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  // <node_modules>/@sparticuz/chromium → <node_modules>/.cache/sop-chromium/<version>
  return { packed: join(root, 'bin', 'chromium.br'), dir: join(root, '..', '..', '.cache', 'sop-chromium', version) };
}

/**
 * The headless Chromium of @sparticuz/chromium, unpacked on first use (a few
 * seconds). It is built for Linux x64 only. Unpacked under a temporary name and
 * renamed, so two processes starting at once never run half a file.
 */
export function npmChromium(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string | undefined {
  if (platform !== 'linux' || arch !== 'x64') return undefined;
  const where = npmChromiumDir();
  if (!where || !existsSync(where.packed)) return undefined;
  const binary = join(where.dir, 'chromium');
  if (isExecutableFile(binary)) return binary;
  mkdirSync(where.dir, { recursive: true });
  const partial = `${binary}.${process.pid}.part`;
  try {
    writeFileSync(partial, brotliDecompressSync(readFileSync(where.packed)), { mode: 0o755 });
    renameSync(partial, binary);
  } finally {
    rmSync(partial, { force: true });
  }
  return binary;
}

/**
 * CHROMIUM_PATH (checked: a wrong value stops with its name), then a system
 * browser, then the npm one. undefined: no browser at all (or SOP_NO_CHROMIUM=1,
 * which the tests use to build the fallback on purpose).
 */
export function resolveChromium(env: Record<string, string | undefined> = process.env): FoundChromium | undefined {
  if (env.SOP_NO_CHROMIUM === '1') return undefined;
  const wanted = env.CHROMIUM_PATH?.trim();
  if (wanted) return { path: checkChromiumPath(wanted), source: 'CHROMIUM_PATH' };
  const system = systemCandidates(process.platform, env).find(isExecutableFile);
  if (system) return { path: system, source: 'system' };
  const bundled = npmChromium();
  return bundled ? { path: bundled, source: 'npm' } : undefined;
}

/** The path only; see resolveChromium(). */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  return resolveChromium(env)?.path;
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

/** Options for chromium.launch() and launchPersistentContext(). */
export function launchOptions(executablePath: string) {
  const fonts = process.platform === 'linux' ? fontconfigFile() : undefined;
  return {
    executablePath,
    headless: true,
    args: ARGS,
    env: { ...process.env, ...(fonts ? { FONTCONFIG_FILE: fonts } : {}) },
  };
}

/**
 * Starts Chromium headless. On Linux it sees the CJK font from npm through
 * fontconfig, so screenshots and PDFs show Chinese without system fonts. A
 * CHROMIUM_PATH that will not start is named in the error.
 */
export async function launchChromium(executablePath: string, env: Record<string, string | undefined> = process.env): Promise<Browser> {
  try {
    return await chromium.launch(launchOptions(executablePath));
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    if (env.CHROMIUM_PATH?.trim() === executablePath) throw new ChromiumPathError(executablePath, `无法启动(${first})`);
    throw error;
  }
}
