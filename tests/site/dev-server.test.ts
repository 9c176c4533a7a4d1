// `npm run dev` starts without Vite's dependency-scan error (a script tag named
// in a frontmatter comment used to break it), even with a content error, and
// shows that error in the overlay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { ROOT } from '../helpers/content-files';
import { copyReferenceData } from '../helpers/fixture-build';
import { hasChromium, openBrowser } from '../helpers/browser';

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

let dev: ChildProcess;
let output = '';
let url = '';

beforeAll(async () => {
  const content = join(ROOT, '.tmp', 'dev-test', 'content'); // .tmp/ is git-ignored; node_modules would be skipped by the loader
  rmSync(content, { recursive: true, force: true });
  mkdirSync(join(content, 'procedures', 'corporate'), { recursive: true });
  copyReferenceData(content);
  cpSync(join(ROOT, 'tests/fixtures/procedures/broken-next.mdx'), join(content, 'procedures/corporate/broken-next.mdx'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SOP_CONTENT_DIR: content };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
  // A dev server that sees VITEST* believes it runs inside Vitest and serves no pages ("Cannot GET /").
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  dev = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env,
  });
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (/watching for file changes/.test(plain(output))) {
        clearInterval(check);
        resolve();
      }
    }, 100);
    dev.once('exit', () => {
      clearInterval(check);
      reject(new Error(`astro dev exited:\n${output}`));
    });
  });
  url = `http://127.0.0.1:${port}/`;
});

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((done) => dev.once('exit', done));
    dev.kill('SIGTERM');
    await exited;
  }
});

describe('npm run dev', () => {
  it('starts without the dependency-scan error', async () => {
    // The scan runs in the background after start-up: wait for the first page, which needs it
    // (logged as a request, or, with this content error, as the error that page reports).
    const response = await fetch(url);
    expect(response.status, "the page shows the content error").toBe(500);
    await expect.poll(() => /\[\d{3}\] \/|\[ERROR\][^\n]*流程内容有误/.test(plain(output)), { timeout: 30_000 }).toBe(true);
    expect(plain(output)).not.toMatch(/Failed to run dependency scan|PARSE_ERROR/);
  });

  it.skipIf(!hasChromium)('shows a content error in the error overlay with the file, the step and the fix', async () => {
    const browser = await openBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${url}procedures/corporate/broken-next/`);
      // Vite's overlay (an open shadow root, which locators pierce) fills in once the error arrives.
      const message = page.locator('vite-error-overlay #message-content');
      await expect.poll(async () => (await message.count()) > 0 && (await message.textContent()), { timeout: 30_000 }).toContain('broken-next.mdx');
      const text = (await message.textContent())!;
      expect(text).toContain('步骤 "register"');
      expect(text).toContain('修正:改成一个已有的步骤 id,是不是 "lead-guest"?');
      expect(await page.locator('vite-error-overlay #hint-content').textContent()).toContain('步骤 "register":修正');
    } finally {
      await browser.close();
    }
  });
});
