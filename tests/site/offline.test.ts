// Offline support, updates and change logs: the service worker in the build,
// then Chromium with the network cut, and a second build published under /sop/.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPrecache } from '../../src/build/precache';
import { contentCacheDir } from '../../src/lib/content-dir';
import { scopedKey } from '../../src/lib/client/storage';
import { chromiumPath, hasChromium, openBrowser } from '../helpers/browser';
import { launchOptions } from '../../src/build/chromium';
import { CONTENT, readMdx, ROOT } from '../helpers/content-files';
import { loadProcedures } from '../helpers/procedures';
import { chartsPrerendered, DIST, eagerScripts, pageData, readPage } from '../helpers/dist';
import { select, text } from '../helpers/dom';
import { eagerStyles } from '../helpers/page-weight';
import { buildSite } from '../helpers/site-build';
import { serveStatic, type StaticSite } from '../helpers/static-server';

const procedures = loadProcedures();
const UPDATE_TEXT = '手册已更新,点击刷新';

/** The URLs (relative to sw.js) the generated worker precaches. */
function precachedUrls(dist: string): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  return [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!).sort();
}

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the service worker and web app manifest in the build', () => {
  it.skipIf(!chartsPrerendered())('precaches the shell, the search index and what any page loads; not procedure pages, nor the Mermaid fallback', () => {
    const urls = precachedUrls(DIST);
    const plan = planPrecache(DIST);
    expect(urls).toEqual(plan.files);
    const pages = plan.files.filter((f) => f.endsWith('.html'));
    const shell = ['index.html', '404.html', 'offline/index.html', 'search/index.html', 'glossary/index.html', 'changes/index.html', 'roles/index.html', 'kept/index.html'];
    for (const page of shell) expect(pages).toContain(page);
    for (const category of new Set(procedures.map((p) => p.data.category))) expect(pages).toContain(`categories/${category}/index.html`);
    // Exactly the shell, the categories and the role pages: nothing that grows with the procedures.
    const roles = readdirSync(join(DIST, 'roles'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `roles/${f.split('\\').join('/')}`);
    expect(roles.length).toBeGreaterThan(1);
    const categories = [...new Set(procedures.map((p) => `categories/${p.data.category}/index.html`))];
    expect([...pages].sort()).toEqual([...new Set([...shell, 'paths/index.html', ...categories, ...roles])].sort());
    // Procedures, quizzes, trainer sheets and the handbook are kept as the reader opens them.
    for (const p of procedures) {
      expect(pages).not.toContain(`procedures/${p.id}/index.html`);
      expect(plan.pages).toContain(`procedures/${p.id}/index.html`);
    }
    expect(pages.some((f) => /^(?:procedures|quiz|trainer|handbook)\//.test(f))).toBe(false);
    expect(urls).toContain('revisions.json');
    const pagefind = readdirRecursive(join(DIST, 'pagefind')).map((f) => `pagefind/${f}`);
    expect(pagefind.length).toBeGreaterThan(5);
    // The search index and runtime are there; Pagefind's unused ready-made UI bundles are not.
    const unusedUi = /^pagefind\/pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;
    for (const file of pagefind) {
      if (unusedUi.test(file)) expect(urls).not.toContain(file);
      else expect(urls).toContain(file);
    }
    // Every stylesheet and script any page loads is there, so a page kept later works offline.
    let linked = 0;
    for (const page of [...pages, ...plan.pages]) {
      const html = readPage(page);
      for (const file of [...eagerStyles(html), ...eagerScripts(html)]) {
        if (file.name === 'inline') continue;
        linked++;
        expect(urls, page).toContain(file.name);
      }
    }
    // Not vacuous: the pages do link stylesheets and scripts.
    expect(linked).toBeGreaterThan(0);
    expect(urls.filter((u) => /mermaid|elk|cytoscape|katex/i.test(u))).toEqual([]);
    expect(plan.skipped.some((f) => /mermaid\.core/.test(f))).toBe(true);
    const bytes = urls.reduce((sum, url) => sum + readFileSync(join(DIST, url)).length, 0);
    const transfer = urls.reduce((sum, url) => sum + gzipSync(readFileSync(join(DIST, url))).length, 0);
    console.log(
      `[offline] precache: ${urls.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB (${(transfer / 1024 / 1024).toFixed(2)} MB gzip)`,
    );
    // What a first visit downloads in the background (servers send text gzipped).
    expect(transfer).toBeLessThan(0.75 * 1024 * 1024);
    expect(bytes).toBeLessThan(2.5 * 1024 * 1024);
  });

  it('keeps the eager JS small: this part ≤ 3 KB and the whole procedure page ≤ 30 KB gzipped', () => {
    for (const p of procedures) {
      const scripts = eagerScripts(readPage(`procedures/${p.id}/`));
      const gzip = (code: string) => gzipSync(code).length;
      const mine = scripts.filter((s) => s.code.includes('sop:seen-revisions'));
      expect(mine).toHaveLength(1);
      expect(gzip(mine[0]!.code)).toBeLessThanOrEqual(3 * 1024);
      expect(scripts.reduce((sum, s) => sum + gzip(s.code), 0), p.id).toBeLessThanOrEqual(30 * 1024);
    }
  });

  it('bundles Workbox into sw.js: nothing loaded from elsewhere', () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    expect(/importScripts\(|workbox-cdn|googleapis/.test(sw)).toBe(false);
    expect(sw.includes('"SKIP_WAITING"')).toBe(true);
  });

  it('has a manifest named 接待流程手册 with PNG and maskable icons, relative to the base', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
    expect(manifest.name).toBe('接待流程手册');
    expect(manifest.start_url).toBe('./');
    expect(manifest.scope).toBe('./');
    expect(manifest.display).toBe('standalone');
    const pngs = manifest.icons.filter((i: { type: string }) => i.type === 'image/png');
    expect(pngs.map((i: { sizes: string }) => i.sizes).sort()).toEqual(['192x192', '512x512', '512x512']);
    expect(pngs.some((i: { purpose: string }) => i.purpose === 'maskable')).toBe(true);
    for (const icon of pngs) {
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(pngSize(join(DIST, icon.src))).toEqual({ width, height });
    }
    const home = readPage('');
    expect(select(home, 'link[rel~="manifest"][href="/manifest.webmanifest"]')).toBeDefined();
    expect(select(home, 'link[rel~="apple-touch-icon"][href="/icons/apple-touch-icon.png"]')).toBeDefined();
  });

  it('shows the latest change-log entry on each procedure page', () => {
    for (const p of procedures) {
      const html = readPage(`procedures/${p.id}/`);
      const latest = [...p.data.changelog].sort((a, b) => b.date.getTime() - a.date.getTime())[0]!;
      const aside = select(html, 'aside.change-note');
      const note = aside ? text(aside) : '';
      expect(note, p.id).toContain(`${latest.version} 版`);
      expect(note, p.id).toContain(latest.changes);
    }
  });
});

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir, name)).isFile());
}

/** Waits until the page is controlled by an active service worker that has precached the build. */
async function waitForOfflineCopy(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * Waits for the "saved for offline" notice. It follows the worker's "activated" state change, which
 * can arrive after the page is already controlled; a poll of a second would race it on a slow machine.
 */
async function waitForSavedNotice(page: Page) {
  await page.waitForFunction(() => document.querySelector('app-status [role="status"]')?.textContent?.includes('断网也能打开'));
}

async function precacheState(page: Page) {
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.includes('-precache-'));
    const urls: Record<string, string[]> = {};
    for (const name of names) {
      const keys = await (await caches.open(name)).keys();
      urls[name] = keys.map((r) => new URL(r.url).pathname).sort();
    }
    return { names, urls };
  });
}

/** What the search UI does: load Pagefind from the site and search; returns result URLs. */
async function searchOffline(page: Page, base: string, term: string): Promise<string[]> {
  // A string, so Vitest does not rewrite the browser's import().
  return page.evaluate(`(async () => {
    const pagefind = await import(${JSON.stringify(`${base}pagefind/pagefind.js`)});
    const search = await pagefind.search(${JSON.stringify(term)});
    const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
    return data.map((d) => d.url);
  })()`);
}

async function heading(page: Page) {
  return (await page.locator('h1').first().textContent())?.trim();
}

describe.skipIf(!hasChromium)('offline in Chromium (site at /)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let site: StaticSite;

  beforeAll(async () => {
    site = await serveStatic(DIST);
    browser = await openBrowser();
    context = await browser.newContext();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
  });

  it('after one visit, the shell, the pages opened and the search work with the network cut; an unopened page says so', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}procedures/${procedures[0]!.id}/`);
    await waitForOfflineCopy(page);
    await waitForSavedNotice(page);

    // The precache holds exactly this build's shell.
    const state = await precacheState(page);
    expect(state.names).toHaveLength(1);
    const plan = planPrecache(DIST).files.map((f) => `/${f}`);
    expect(state.urls[state.names[0]!]).toEqual(plan.sort());

    // Three other procedures, opened online by clicking through the table of contents as staff would.
    const opened = procedures.slice(1, 4);
    for (const p of opened) {
      await page.locator(`nav.sidebar a[href="/procedures/${p.id}/"]`).click();
      await page.waitForURL(`**/procedures/${p.id}/`);
    }
    const neverOpened = procedures.at(-1)!;

    await context.setOffline(true);
    await site.close(); // and the server gone too: a real cut
    expect(await page.evaluate(() => fetch('/favicon.svg?probe').then(() => 'online', () => 'offline'))).toBe(
      'online', // precached: served by the worker even with a query string
    );
    expect(await page.evaluate(() => fetch('/not-in-the-build.txt').then(() => 'online', () => 'offline'))).toBe('offline');

    // The opened procedures come back from the device, by the table of contents again, chart and all.
    for (const p of [procedures[0]!, ...opened]) {
      await page.goto(`${site.url}procedures/${p.id}/`, { waitUntil: 'domcontentloaded' });
      expect(await heading(page)).toBe(p.data.title);
      await page.locator('figure.chart svg').first().waitFor({ state: 'visible' });
    }
    // Every page of the shell (home, categories, roles, glossary, search, …) opens.
    for (const file of plan.filter((f) => f.endsWith('/index.html'))) {
      const path = file.replace(/index\.html$/, '');
      const response = await page.goto(`${site.url}${path.slice(1)}`, { waitUntil: 'domcontentloaded' });
      expect(response?.status(), path).toBe(200);
    }

    const urls = await searchOffline(page, '/', '叫早');
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.some((u) => u.includes('group-check-in'))).toBe(true);

    // A procedure this device never opened, and a page that is not in the build: the handbook's own notice.
    for (const path of [`procedures/${neverOpened.id}/`, 'no-such-page/']) {
      await page.goto(`${site.url}${path}`);
      expect(await heading(page), path).toBe('这一页没有离线副本');
    }
    expect(errors).toEqual([]);
  });

  it('keeps a whole category for offline in one click, says how much it holds, and lets it go', { timeout: 120_000 }, async () => {
    const again = await serveStatic(DIST);
    const fresh = await browser.newContext();
    try {
      const category = procedures[0]!.data.category;
      const members = procedures.filter((p) => p.data.category === category);
      const page = await fresh.newPage();
      await page.goto(`${again.url}categories/${category}/`);
      await waitForOfflineCopy(page);
      const keep = page.locator('offline-keep');
      const state = keep.locator('[data-state]');
      await expect.poll(() => state.textContent()).toContain('还没有保存到本机');
      await keep.getByRole('button', { name: /^保存本类流程以便离线使用\(\d+ 页\)$/ }).click();
      await page.waitForFunction(() => document.querySelector('offline-keep [data-state]')?.textContent?.includes('已全部保存到本机'));
      expect(await state.textContent()).toMatch(/本类 \d+ 个页面已全部保存到本机\((?:\d+ KB|[\d.]+ MB)\),断网也能打开。$/);
      expect(await keep.locator('[data-keep]').isVisible()).toBe(false);

      await fresh.setOffline(true);
      for (const p of members) {
        const response = await page.goto(`${again.url}procedures/${p.id}/`, { waitUntil: 'domcontentloaded' });
        expect(response?.status(), p.id).toBe(200);
        expect(await heading(page)).toBe(p.data.title);
      }
      // Kept without being opened: the quizzes of the category too.
      const quizzes = pageData<string[]>(readPage(`categories/${category}/`), 'pages') ?? [];
      const quiz = quizzes.find((u) => u.startsWith('/quiz/'));
      expect(quiz).toBeDefined();
      await page.goto(`${again.url}${quiz!.slice(1)}`, { waitUntil: 'domcontentloaded' });
      expect(await heading(page)).not.toBe('这一页没有离线副本');

      await page.goto(`${again.url}categories/${category}/`);
      await keep.getByRole('button', { name: '从本机移除' }).click();
      await expect.poll(() => state.textContent()).toContain('还没有保存到本机');
      await page.goto(`${again.url}procedures/${members.at(-1)!.id}/`);
      expect(await heading(page)).toBe('这一页没有离线副本');
    } finally {
      await fresh.close();
      await again.close();
    }
  });

  it('lists every kept set on 本机离线内容, from the cache, offline too, and lets one go there', { timeout: 180_000 }, async () => {
    const again = await serveStatic(DIST);
    const fresh = await browser.newContext();
    try {
      const categories = [...new Set(procedures.map((p) => p.data.category))];
      expect(categories.length).toBeGreaterThan(2);
      const page = await fresh.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // One stored set is damaged: it is dropped, with a notice, and the others are kept.
      await page.goto(`${again.url}kept/`);
      await waitForOfflineCopy(page);
      const list = page.locator('offline-kept');
      await expect.poll(() => list.locator('[data-state]').textContent()).toContain('本机还没有保存任何流程页面');
      const [first, second] = categories as [string, string];
      for (const category of [first, second]) {
        await page.goto(`${again.url}categories/${category}/`);
        await page.locator('offline-keep [data-keep]').click();
        await page.waitForFunction(() => document.querySelector('offline-keep [data-state]')?.textContent?.includes('已全部保存到本机'));
      }
      // A page of a third category, only opened: listed apart from the sets.
      const third = categories[2]!;
      const opened = procedures.find((p) => p.data.category === third)!;
      await page.goto(`${again.url}procedures/${opened.id}/`);
      const key = scopedKey('/', 'offline-sets');
      await page.evaluate((k) => {
        const record = JSON.parse(localStorage.getItem(k)!);
        record.data['/categories/broken/'] = { title: 42 };
        localStorage.setItem(k, JSON.stringify(record));
      }, key);

      await fresh.setOffline(true);
      await page.goto(`${again.url}kept/`, { waitUntil: 'domcontentloaded' });
      expect(await heading(page)).toBe('本机离线内容');
      await page.waitForFunction(() => document.querySelector('app-status [role="status"]')?.textContent?.includes('本机离线内容列表中有 1 条记录已损坏'));
      const rows = list.locator('li');
      await expect.poll(() => rows.count()).toBe(3);
      expect(await rows.nth(2).locator('.offline-kept-title').textContent()).toBe('您打开过的其他页面');
      expect(await rows.nth(2).locator('.offline-kept-what').textContent()).toMatch(/^1 个页面,共 \d+ KB。$/);
      const nameOf = (id: string) => text(select(readPage(`categories/${id}/`), 'h1')!).trim();
      const sizeOf = (id: string) => (pageData<string[]>(readPage(`categories/${id}/`), 'pages') ?? []).length;
      // Newest first, each counted from the cache.
      for (const [i, id] of [second, first].entries()) {
        const row = rows.nth(i);
        expect(await row.locator('a').textContent()).toBe(nameOf(id));
        expect(await row.locator('a').getAttribute('href')).toBe(`/categories/${id}/`);
        expect(await row.locator('.offline-kept-what').textContent()).toMatch(new RegExp(`^${sizeOf(id)} 个页面全部在本机,共 (?:\\d+ KB|[\\d.]+ MB)。$`));
      }
      expect(await list.locator('[data-state]').textContent()).toMatch(new RegExp(`^本机共保存 ${sizeOf(first) + sizeOf(second) + 1} 个页面`));

      // Let the newer one go, here: its pages leave the device, the other set stays.
      await rows.nth(0).getByRole('button', { name: `从本机移除:${nameOf(second)}` }).click();
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.nth(0).locator('a').textContent()).toBe(nameOf(first));
      const gone = procedures.find((p) => p.data.category === second)!;
      const stays = procedures.find((p) => p.data.category === first)!;
      await page.goto(`${again.url}procedures/${gone.id}/`, { waitUntil: 'domcontentloaded' });
      expect(await heading(page)).toBe('这一页没有离线副本');
      await page.goto(`${again.url}procedures/${stays.id}/`, { waitUntil: 'domcontentloaded' });
      expect(await heading(page)).toBe(stays.data.title);
      // The set's own box agrees.
      await page.goto(`${again.url}categories/${second}/`, { waitUntil: 'domcontentloaded' });
      await expect.poll(() => page.locator('offline-keep [data-state]').textContent()).toContain('还没有保存到本机');
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
      await again.close();
    }
  });

  it('on a first visit, the corrupt-record notice and the "saved for offline" notice are shown together', async () => {
    // Its own server: the test before cut the network and closed the shared one.
    const again = await serveStatic(DIST);
    const fresh = await browser.newContext();
    try {
      await fresh.addInitScript((key) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, '{not json');
          sessionStorage.setItem('seeded', '1');
        }
      }, scopedKey('/', 'seen-revisions'));
      const page = await fresh.newPage();
      await page.goto(again.url);
      await waitForOfflineCopy(page);
      const status = page.locator('app-status [role="status"]');
      await waitForSavedNotice(page);
      expect(await status.textContent()).toContain('本机保存的浏览记录已损坏,已重置');
      // A first visit is no update: no "refresh" button beside the notices.
      expect(await page.locator('[data-notice-update]').isVisible()).toBe(false);
      expect(await page.locator('app-status .app-notice p').count()).toBe(2);
      await page.locator('[data-notice-close]').click();
      expect(await page.locator('app-status .app-notice').isVisible()).toBe(false);
    } finally {
      await fresh.close();
      await again.close();
    }
  });

  it('is installable: Chromium finds no installability errors', async () => {
    // Installing needs a profile on disk, not the throwaway (incognito) context of the other tests.
    const profile = mkdtempSync(join(tmpdir(), 'sop-profile-'));
    const again = await serveStatic(DIST);
    const persistent = await chromium.launchPersistentContext(profile, launchOptions(chromiumPath!));
    try {
      const page = await persistent.newPage();
      await page.goto(again.url);
      await waitForOfflineCopy(page);
      const cdp = await persistent.newCDPSession(page);
      const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
      expect(manifest.errors).toEqual([]);
      expect(manifest.url).toBe(`${again.url}manifest.webmanifest`);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: unknown[];
      };
      expect(installabilityErrors).toEqual([]);
    } finally {
      await persistent.close();
      await again.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!hasChromium)('a new build published under /sop/', () => {
  const BASE = '/sop/';
  let browser: Browser;
  let context: BrowserContext;
  let site: StaticSite;
  let tmp: string;
  const changed = procedures[0]!;
  const others = procedures.slice(1, 4);
  const NEW_VERSION = '9.9';
  const NEW_CHANGE = '测试:发布一个新版本。';

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'sop-update-'));
    cpSync(CONTENT, join(tmp, 'content-a'), { recursive: true });
    cpSync(CONTENT, join(tmp, 'content-b'), { recursive: true });
    // Build B: one procedure gets a new version with a change-log entry.
    const file = join(tmp, 'content-b', changed.file.slice(CONTENT.length + 1));
    const { frontmatter, body } = readMdx(file) as { frontmatter: Record<string, unknown>; body: string };
    frontmatter.version = NEW_VERSION;
    frontmatter.changelog = [
      ...(frontmatter.changelog as unknown[]),
      { version: NEW_VERSION, date: '2099-01-15', changes: NEW_CHANGE },
    ];
    writeFileSync(file, `---\n${yaml.dump(frontmatter)}---\n${body}`);
    buildSite({ content: join(tmp, 'content-a'), outDir: join(tmp, 'a'), base: BASE });
    buildSite({ content: join(tmp, 'content-b'), outDir: join(tmp, 'b'), base: BASE });
    site = await serveStatic(join(tmp, 'a'), BASE);
    browser = await openBrowser();
    context = await browser.newContext();
  }, 600_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
    if (tmp) {
      for (const content of ['content-a', 'content-b']) {
        rmSync(join(ROOT, contentCacheDir({ SOP_CONTENT_DIR: join(tmp, content) })), { recursive: true, force: true });
      }
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  const noteOf = (page: Page) => page.locator('aside.change-note').first().textContent();

  it('works offline under the sub-path', async () => {
    const page = await context.newPage();
    await page.goto(site.url);
    await waitForOfflineCopy(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(site.url);
    for (const p of others) await page.goto(`${site.url}procedures/${p.id}/`); // opened once, online
    await context.setOffline(true);
    for (const p of others) {
      const response = await page.goto(`${site.url}procedures/${p.id}/`);
      expect(response?.status()).toBe(200);
      expect(await heading(page)).toBe(p.data.title);
    }
    expect((await searchOffline(page, BASE, '叫早')).length).toBeGreaterThan(0);
    await context.setOffline(false);
    await page.close();
  });

  it('announces the new build, keeps the old shell until the click, and downloads only what changed', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}procedures/${changed.id}/`);
    await waitForOfflineCopy(page);
    const before = await precacheState(page);
    expect(before.names).toHaveLength(1);
    expect(await noteOf(page)).not.toContain(NEW_CHANGE);

    site.requests.length = 0;
    site.setRoot(join(tmp, 'b')); // publish
    // Any navigation checks for a new worker; the reader is told, not switched.
    await page.goto(`${site.url}changes/`);
    const button = page.getByRole('button', { name: UPDATE_TEXT });
    await button.waitFor({ state: 'visible', timeout: 30_000 });
    // Until the click, the shell still comes from the old build…
    expect(await page.locator('main').textContent()).not.toContain(NEW_CHANGE);
    // …while a procedure page is asked of the network first: staff read today's version.
    await page.goto(`${site.url}procedures/${changed.id}/`);
    expect(await noteOf(page)).toContain(NEW_CHANGE);
    await page.goto(`${site.url}changes/`);
    await button.waitFor({ state: 'visible', timeout: 30_000 });

    // The new worker fetched exactly the shell files whose content changed, not the whole build.
    const planB = planPrecache(join(tmp, 'b')).files;
    const differs = (file: string) => {
      const old = join(tmp, 'a', file);
      try {
        return !readFileSync(old).equals(readFileSync(join(tmp, 'b', file)));
      } catch {
        return true; // new in this build
      }
    };
    const changedFiles = planB.filter(differs).sort();
    const fileOf = (pathname: string) => {
      const relative = pathname.slice(BASE.length);
      return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
    };
    const fetched = [...new Set(site.requests.map(fileOf))].filter((f) => planB.includes(f)).sort();
    expect(fetched).toEqual(changedFiles);
    expect(changedFiles.length).toBeGreaterThan(0);
    expect(changedFiles.length).toBeLessThan(planB.length / 4);

    await button.focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.waitForFunction((text) => document.querySelector('main')?.textContent?.includes(text), NEW_CHANGE);

    // One precache still, now holding the new build's files only.
    // (The worker drops the old entries as it activates, which may end after the reload.)
    await expect.poll(async () => (await precacheState(page)).urls[before.names[0]!]).toEqual(planB.map((f) => `${BASE}${f}`).sort());
    expect((await precacheState(page)).names).toEqual(before.names);
    const cached = await page.evaluate(
      async (url) => (await (await caches.match(url, { ignoreSearch: true }))?.text()) ?? '',
      `${site.url}changes/index.html`,
    );
    expect(cached).toContain(NEW_CHANGE);
    expect(await button.isVisible()).toBe(false);

    // The reader saw the old version: this procedure is marked as changed since the last visit.
    await page.goto(`${site.url}procedures/${changed.id}/`);
    expect(await page.locator('.meta').textContent()).toContain(NEW_VERSION);
    const mark = page.locator(`.change-note [data-changed-id="${changed.id}"]`);
    await mark.waitFor({ state: 'visible' });
    expect(await mark.textContent()).toContain('自您上次访问后有更新');

    // 更新记录: newest first, and the "since your last visit" list names only this procedure.
    await page.goto(`${site.url}changes/`);
    const first = page.locator('.change-list li').first();
    expect(await first.locator('a').textContent()).toBe(changed.data.title);
    expect(await first.textContent()).toContain(NEW_CHANGE);
    const since = page.locator('[data-changed-list] li:not([hidden])');
    await since.first().waitFor({ state: 'visible' });
    expect(await since.count()).toBe(1);
    expect(await since.locator('a').textContent()).toBe(changed.data.title);
    await page.getByRole('button', { name: '知道了' }).click();
    expect(await page.locator('[data-changed-list]').isVisible()).toBe(false);

    // The new version works offline too.
    await context.setOffline(true);
    await page.goto(`${site.url}procedures/${changed.id}/`);
    expect(await noteOf(page)).toContain(NEW_CHANGE);
    await context.setOffline(false);
    await page.close();
  });

  it('resets a corrupt stored visit record with a short notice', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url);
    // Keys are scoped to the deployment: this copy lives under /sop/.
    const key = scopedKey(BASE, 'seen-revisions');
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).not.toBeNull();
    expect(await page.evaluate((k) => localStorage.getItem(k), scopedKey('/', 'seen-revisions'))).toBeNull();
    await page.evaluate((k) => localStorage.setItem(k, '{not json'), key);
    await page.reload();
    await expect
      .poll(() => page.locator('app-status [role="status"]').textContent())
      .toContain('本机保存的浏览记录已损坏,已重置');
    const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);
    expect(stored.data[changed.id]).toBe(`${NEW_VERSION}@2099-01-15`);
    expect(await heading(page)).toBe('接待流程手册');
    expect(errors).toEqual([]);
    await page.close();
  });

});
