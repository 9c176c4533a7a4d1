// The Content Security Policy: in every built page, and nothing the site does
// trips it in Chromium (every page of every kind, light and dark, each control
// used, search, print, offline, the update notice, the /sop/ sub-path deploy).
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openBrowser } from '../helpers/browser';
import { CONTENT, ROOT } from '../helpers/content-files';
import { builtPages, exerciseControls, watchCsp, type CspWatch } from '../helpers/csp';
import { DIST } from '../helpers/dist';
import { attr, is, select, selectAll, text } from '../helpers/dom';
import { buildFixture, type FixtureBuild } from '../helpers/fixture-build';
import { loadProcedures } from '../helpers/procedures';
import { isDraft } from '../../src/lib/procedure/status';
import { buildSite } from '../helpers/site-build';
import { serveStatic, type StaticSite } from '../helpers/static-server';

const procedures = loadProcedures();
const draft = procedures.find((p) => isDraft(p.data));
const withVariants = procedures.find((p) => p.data.variants.length > 0);

const POLICY_META = 'meta[http-equiv="content-security-policy" i]';

/** The directives of a page's meta-tag policy, by name. */
function policyOf(html: string): Map<string, string[]> | undefined {
  // In <head>: browsers ignore a policy meta tag anywhere else.
  const meta = select(html, `head > ${POLICY_META}`);
  const content = meta && attr(meta, 'content');
  if (content === undefined) return undefined;
  const directives = new Map<string, string[]>();
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const readBuilt = (dist: string, path: string) => readFileSync(join(dist, path.endsWith('.html') ? path : `${path}index.html`), 'utf8');

/** The page kinds the site has, each told by its path: every one must be built and visited. */
const KINDS: [string, RegExp][] = [
  ['home', /^$/],
  ['category', /^categories\/[^/]+\/$/],
  ['procedure', /^procedures\/.+\/$/],
  ['quiz', /^quiz\/.+\/$/],
  ['trainer', /^trainer\//],
  ['paths', /^paths\//],
  ['roles', /^roles\//],
  ['glossary', /^glossary\/$/],
  ['changes', /^changes\/$/],
  ['search', /^search\/$/],
  ['handbook', /^handbook\//],
  ['404', /^404\.html$/],
];

describe('the policy in every built page', () => {
  const pages = builtPages(DIST);

  it('is built for every kind of page, a draft and a procedure with variants included', () => {
    for (const [kind, pattern] of KINDS) expect(pages.filter((p) => pattern.test(p)).length, kind).toBeGreaterThan(0);
    expect(draft && pages).toContain(`procedures/${draft!.id}/`);
    expect(withVariants && pages).toContain(`procedures/${withVariants!.id}/`);
  });

  it('allows only what the site ships: no inline script without a hash, no plugins, no foreign base or form target', () => {
    for (const page of pages) {
      const html = readBuilt(DIST, page);
      const policy = policyOf(html);
      expect(policy, `${page}: no Content-Security-Policy meta tag`).toBeDefined();
      const scripts = policy!.get('script-src')!;
      expect(scripts, page).toContain("'self'");
      expect(scripts, page).toContain("'wasm-unsafe-eval'");
      for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) expect(scripts, page).not.toContain(loose);
      // Event handlers: script-src-attr, or script-src when there is none (it has no 'unsafe-hashes').
      expect(policy!.get('script-src-attr') ?? scripts, page).not.toContain("'unsafe-inline'");
      expect(policy!.get('script-src-attr') ?? scripts, page).not.toContain("'unsafe-hashes'");
      expect(policy!.get('style-src-attr'), page).toEqual(["'unsafe-inline'"]);
      // Only where Mermaid draws a chart in the browser (a build without Chromium) may <style> be inline.
      if (!select(html, 'mermaid-fallback')) expect(policy!.get('style-src'), page).not.toContain("'unsafe-inline'");
      expect(policy!.get('object-src'), page).toEqual(["'none'"]);
      expect(policy!.get('base-uri'), page).toEqual(["'self'"]);
      expect(policy!.get('form-action'), page).toEqual(["'self'"]);
      expect(policy!.get('default-src'), page).toEqual(["'self'"]);
      for (const name of ['worker-src', 'manifest-src', 'connect-src']) expect(policy!.get(name), `${page} ${name}`).toEqual(["'self'"]);
      const referrer = select(html, 'meta[name="referrer"]');
      expect(referrer && attr(referrer, 'content'), page).toMatch(/^(strict-origin-when-cross-origin|strict-origin|same-origin|no-referrer)$/);
    }
  });

  it('comes before every script and stylesheet of the page (a meta policy governs only what follows it)', () => {
    for (const page of pages) {
      const html = readBuilt(DIST, page);
      // In document order, the policy first; a page with no policy, or none before them, fails.
      const [first, ...rest] = selectAll(html, `${POLICY_META}, script, style, link[rel~="stylesheet"]`);
      expect(first && is(first, POLICY_META), page).toBe(true);
      expect(rest.length, page).toBeGreaterThan(0);
    }
  });

  it('names by hash every inline script and <style> the built page carries (after Pagefind and the service-worker step)', () => {
    let inline = 0;
    for (const page of pages) {
      const html = readBuilt(DIST, page);
      const policy = policyOf(html)!;
      const styleSources = policy.get('style-src-elem') ?? policy.get('style-src')!;
      // A chart Mermaid draws in the browser (a build without Chromium) writes <style>s no
      // build can hash: such a page allows inline styles instead, and names no style hash.
      const stylesFromScripts = select(html, 'mermaid-fallback') !== undefined;
      if (stylesFromScripts) expect(styleSources, page).toEqual(expect.arrayContaining(["'unsafe-inline'"]));
      if (stylesFromScripts) expect(styleSources.filter((source) => source.startsWith("'sha256-")), page).toEqual([]);
      for (const element of selectAll(html, 'script, style')) {
        if (attr(element, 'src') !== undefined || /^application\/(ld\+)?json$/i.test(attr(element, 'type') ?? '')) continue;
        const tag = element.tagName;
        const body = text(element);
        inline++;
        if (tag === 'style' && stylesFromScripts) continue;
        const sources = tag === 'script' ? policy.get('script-src')! : styleSources;
        expect(sources, `${page}: inline <${tag}> ${body.slice(0, 80)}`).toContain(sha256(body));
      }
    }
    expect(inline).toBeGreaterThan(0);
  });

  it('names no hash of a script or <style> the page does not carry (each page allows its own, not the whole site\'s)', () => {
    for (const page of pages) {
      const html = readBuilt(DIST, page);
      const policy = policyOf(html)!;
      const carried = new Set(selectAll(html, 'script, style').map((element) => sha256(text(element))));
      for (const name of ['script-src', 'style-src', 'style-src-elem']) {
        for (const source of policy.get(name) ?? []) {
          if (source.startsWith("'sha256-")) expect(carried, `${page} ${name}`).toContain(source);
        }
      }
    }
  });
});

/** Visits a page and waits until its scripts have run (load, then two frames). */
async function visit(page: Page, url: string) {
  const response = await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return response;
}

/** Serves a built folder, opens a watched Chromium page on it, runs `use`, and closes it all. */
async function onWatchedSite(dist: string, use: (page: Page, watch: CspWatch, site: StaticSite) => Promise<void>, headers = {}) {
  const site = await serveStatic(dist, '/', headers);
  const browser = await openBrowser();
  try {
    const context = await browser.newContext();
    const watch = await watchCsp(context);
    await use(await context.newPage(), watch, site);
    await context.close();
  } finally {
    await browser.close();
    await site.close();
  }
}

/** Search as staff do: the header button loads the search code and index, then a query. */
async function searchFromHeader(page: Page, query: string) {
  await page.keyboard.press('/');
  await page.locator('dialog search-panel input').fill(query);
  // This query's results: a search run earlier on the page (e.g. by exerciseControls) may have left "done" already.
  await page.waitForSelector(`dialog search-panel[data-state="done"][data-query="${query}"]`, { timeout: 20_000 });
  const hits = await page.locator('dialog .search-result').count();
  await page.keyboard.press('Escape');
  return hits;
}

/** Every page, light and dark, each control used, printed; then search and the walkthrough. */
async function everyPageUnderThePolicy(context: BrowserContext, site: StaticSite, dist: string) {
  const page = await context.newPage();
  const pages = builtPages(dist);
  const used = new Map<string, number>();
  for (const path of pages) {
    await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
    const response = await visit(page, `${site.url}${path}`);
    expect(response?.status(), path).toBe(200);
    used.set(path, await exerciseControls(page));
    await page.emulateMedia({ colorScheme: 'dark' });
    await visit(page, `${site.url}${path}`);
    if (path.startsWith('procedures/')) await page.locator('figure.chart svg').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.body.offsetHeight);
  }
  // Controls were really used: every procedure page has buttons and checkboxes.
  for (const p of procedures) expect(used.get(`procedures/${p.id}/`), p.id).toBeGreaterThan(3);
  await page.emulateMedia({ colorScheme: 'light', media: 'screen' });

  // Search: nothing of it loads before the reader asks; then Pagefind and its WebAssembly.
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  await visit(page, `${site.url}procedures/${procedures[0]!.id}/`);
  expect(loaded.filter((p) => p.includes('/pagefind/'))).toEqual([]);
  expect(await searchFromHeader(page, '叫早')).toBeGreaterThan(0);
  expect(loaded.some((p) => p.endsWith('.wasm') || p.includes('wasm'))).toBe(true);
  await visit(page, `${site.url}search/?q=${encodeURIComponent('结账')}`);
  await page.waitForSelector('search-panel[data-state="done"]', { timeout: 20_000 });

  // 演示模式 from its start button, walked with the keyboard.
  await visit(page, `${site.url}procedures/${withVariants!.id}/`);
  const start = page.locator('[data-walk="start"]').first();
  await start.click();
  await page.waitForSelector('dialog[open] figure.chart svg');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');

  // Printing a procedure for real (page margins, QR code, sign-off sheet).
  await visit(page, `${site.url}procedures/${procedures[0]!.id}/`);
  expect((await page.pdf({ format: 'A4', preferCSSPageSize: true })).length).toBeGreaterThan(10_000);
  await page.close();
}

describe.skipIf(!hasChromium)('every page under the policy in Chromium (site at /)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let watch: CspWatch;
  let site: StaticSite;

  beforeAll(async () => {
    site = await serveStatic(DIST);
    browser = await openBrowser();
    context = await browser.newContext();
    watch = await watchCsp(context);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
  });

  it('reports no violation on any page, with every feature used', async () => {
    await everyPageUnderThePolicy(context, site, DIST);
    expect(watch.problems()).toEqual([]);
  }, 600_000);

  it('reports no violation offline: the service worker, its notice and pages from the cache', async () => {
    // A first visit, in a fresh profile: the worker installs and says the handbook is saved.
    const fresh = await browser.newContext();
    const freshWatch = await watchCsp(fresh);
    const page = await fresh.newPage();
    await visit(page, `${site.url}procedures/${procedures[1]!.id}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // The notice follows the worker's "activated" state change, which can come after the page is controlled.
    await page.waitForFunction(() => document.querySelector('app-status [role="status"]')?.textContent?.includes('断网也能打开'));
    await fresh.setOffline(true);
    for (const path of ['', 'glossary/', 'search/', `procedures/${procedures[2]!.id}/`]) {
      expect((await visit(page, `${site.url}${path}`))?.status(), path).toBe(200);
    }
    expect(await searchFromHeader(page, '叫早')).toBeGreaterThan(0);
    await fresh.close();
    expect(freshWatch.problems()).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('every page under the policy, deployed under /sop/', () => {
  const BASE = '/sop/';
  let tmp: string;
  let browser: Browser;
  let context: BrowserContext;
  let watch: CspWatch;
  let site: StaticSite;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'sop-csp-'));
    buildSite({ content: CONTENT, outDir: join(tmp, 'a'), base: BASE });
    // The next deploy: the same pages with a changed service worker, as any new build has.
    cpSync(join(tmp, 'a'), join(tmp, 'b'), { recursive: true });
    writeFileSync(join(tmp, 'b', 'sw.js'), `${readFileSync(join(tmp, 'b', 'sw.js'), 'utf8')}\n// next build\n`);
    site = await serveStatic(join(tmp, 'a'), BASE);
    browser = await openBrowser();
    context = await browser.newContext();
    watch = await watchCsp(context);
  }, 600_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('carries the policy in every page and reports no violation, with every feature used', async () => {
    for (const path of builtPages(join(tmp, 'a'))) expect(policyOf(readBuilt(join(tmp, 'a'), path)), path).toBeDefined();
    await everyPageUnderThePolicy(context, site, join(tmp, 'a'));
    expect(watch.problems()).toEqual([]);
  }, 600_000);

  it('reports no violation when the update notice appears and the reader takes the new build', async () => {
    const page = await context.newPage();
    await visit(page, `${site.url}procedures/${procedures[0]!.id}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    site.setRoot(join(tmp, 'b'));
    await visit(page, `${site.url}changes/`);
    const button = page.getByRole('button', { name: '手册已更新,点击刷新' });
    await button.waitFor({ state: 'visible', timeout: 30_000 });
    await Promise.all([page.waitForEvent('load'), button.click()]);
    await expect.poll(() => button.isVisible()).toBe(false);
    await page.close();
    expect(watch.problems()).toEqual([]);
  }, 120_000);
});

describe('an injection in MDX prose', () => {
  let build: FixtureBuild;
  const PAGE = 'procedures/corporate/csp-injection/';
  beforeAll(() => {
    build = buildFixture(['csp-injection.mdx']);
  }, 300_000);
  afterAll(() => {
    if (build?.outDir) rmSync(join(build.outDir, '..'), { recursive: true, force: true });
  });

  it('reaches the page as written, and its script has no hash in the policy', () => {
    expect(build.status, build.output).toBe(0);
    const html = readBuilt(build.outDir, PAGE);
    const planted = selectAll(html, 'script:not([src])').map(text).find((code) => code.includes('__plantedScript'));
    expect(planted, 'the planted <script> is in the page').toBeDefined();
    expect(select(html, '[onerror^="window.__plantedHandler"]')).toBeDefined();
    expect(select(html, '[href^="javascript:window.__plantedLink"]')).toBeDefined();
    expect(policyOf(html)!.get('script-src')).not.toContain(sha256(planted!));
  });

  it.skipIf(!hasChromium)('is blocked by Chromium, which reports each violation', async () => {
    await onWatchedSite(build.outDir, async (page, watch, site) => {
      await visit(page, `${site.url}${PAGE}`);
      await page.locator('[data-planted-link]').click();
      await expect.poll(() => watch.violations.length).toBeGreaterThanOrEqual(3);
      const ran = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return [w.__plantedScript, w.__plantedHandler, w.__plantedLink];
    });
    expect(ran).toEqual([undefined, undefined, undefined]);
    const directives = watch.violations.map((v) => v.directive).sort();
    expect(directives).toEqual(['script-src-attr', 'script-src-elem', 'script-src-elem']);
    expect(watch.violations.every((v) => v.blocked === 'inline')).toBe(true);
    // Chromium says so in the console too.
    expect(watch.console.filter((line) => /violates the following Content Security Policy directive/.test(line)).length).toBeGreaterThanOrEqual(3);
    // The rest of the page still works: its own scripts ran.
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThan(0);
    });
  });
});

describe('charts drawn in the browser (a build without Chromium: the Mermaid fallback)', () => {
  let build: FixtureBuild;
  beforeAll(() => {
    build = buildFixture(['small-valid.mdx'], { SOP_NO_CHROMIUM: '1' });
  }, 300_000);
  afterAll(() => {
    if (build?.outDir) rmSync(join(build.outDir, '..'), { recursive: true, force: true });
  });

  // Mermaid writes <style> elements while it draws (and measures labels with them).
  it.skipIf(!hasChromium)('render with no violation reported', async () => {
    expect(build.status, build.output).toBe(0);
    await onWatchedSite(build.outDir, async (page, watch, site) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await visit(page, `${site.url}procedures/corporate/small-valid/`);
        await page.waitForSelector('figure.chart svg g.node[data-step-id]', { timeout: 30_000 });
        expect(await page.locator('figure.chart svg g.node').count()).toBe(5);
      }
        expect(watch.problems()).toEqual([]);
    });
  });
});

/** The HTTP headers README.md tells hosts to send (its block under Deploying that sets a Content-Security-Policy). */
function readmeHeaders(): Record<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/^```\w*\n([\s\S]*?)^```/gm)].map((m) => m[1]!).find((b) => /^Content-Security-Policy:/m.test(b));
  expect(block, 'README.md names the headers to send').toBeDefined();
  return Object.fromEntries(block!.trim().split('\n').map((line) => line.split(/:\s*/, 2).map((part) => part.trim()) as [string, string]));
}

describe.skipIf(!hasChromium)('with the HTTP headers README.md recommends', () => {
  it('every kind of page still reports no violation, and no other site can frame the handbook', async () => {
    const headers = readmeHeaders();
    expect(headers['Referrer-Policy']).toMatch(/^(strict-origin-when-cross-origin|strict-origin|same-origin|no-referrer)$/);
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    await onWatchedSite(
      DIST,
      async (page, watch, site) => {
        const pages = builtPages(DIST);
        for (const [kind, pattern] of KINDS) {
          const path = pages.find((p) => pattern.test(p))!;
          expect((await visit(page, `${site.url}${path}`))?.headers()['content-security-policy'], kind).toBe(headers['Content-Security-Policy']);
          await exerciseControls(page, 1);
        }
        expect(await searchFromHeader(page, '叫早')).toBeGreaterThan(0);
        expect(watch.problems()).toEqual([]);

        await page.setContent(`<iframe src="${site.url}"></iframe>`);
        await expect.poll(() => watch.console.some((line) => /frame-ancestors/.test(line))).toBe(true);
        // Chromium shows its own error page in the frame, not the handbook.
        expect(await page.frames()[1]?.locator('.site-title').count()).toBe(0);
      },
      headers,
    );
  });
});
