// Whole builds from fixture content: bad content stops the build with file,
// step and fix; a build without Chromium falls back to browser rendering;
// `npm run build` prints no known-harmless warning and ends with the charts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, npmBuildFixture, type FixtureBuild } from '../helpers/fixture-build';
import { chartsOf, readPage } from '../helpers/dist';
import { select, selectAll, text } from '../helpers/dom';
import { hasChromium, openBrowser } from '../helpers/browser';
import { serveStatic } from '../helpers/static-server';
import { INSTALL_HINT } from '../../src/build/chromium';
import { NO_SITE_NOTICE } from '../../src/lib/print-site';

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('a broken next target', () => {
  it('fails the build, naming the file, the step and the fix', () => {
    const build = buildFixture(['broken-next.mdx']);
    expect(build.status).not.toBe(0);
    const output = plain(build.output);
    expect(output).toMatch(/content\/procedures\/corporate\/broken-next\.mdx: 1 处问题/);
    expect(output).toContain(
      '步骤 "register": next 指向不存在的步骤 "lead-gust"。修正:改成一个已有的步骤 id,是不是 "lead-guest"?',
    );
  });
});

describe('a wrong CHROMIUM_PATH', () => {
  it.each(['/bin/false', '/no/such/chromium'])('%s stops the build, naming the variable and its value', (value) => {
    const build = buildFixture(['small-valid.mdx'], { CHROMIUM_PATH: value });
    expect(build.status).not.toBe(0);
    expect(plain(build.output)).toContain(`CHROMIUM_PATH=${value}:`);
    expect(plain(build.output)).toContain('请把 CHROMIUM_PATH 改为 Chrome/Chromium 的可执行文件');
  });
});

describe('a build without Chromium', () => {
  let build: FixtureBuild;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(() => {
    build = buildFixture(['small-valid.mdx'], { SOP_NO_CHROMIUM: '1' });
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('succeeds and says once, plainly and last, that charts render in the browser, with the fix', () => {
    expect(build.status, plain(build.output)).toBe(0);
    const notices = plain(build.output).match(/没有可用的 Chromium:流程图改在读者的浏览器中用 Mermaid 渲染/g) ?? [];
    expect(notices).toHaveLength(1);
    const lastLine = plain(build.output).trim().split('\n').at(-1)!;
    expect(lastLine).toContain('没有可用的 Chromium');
    expect(lastLine).toContain(`修复:${INSTALL_HINT}`);
    const html = readPage('procedures/corporate/small-valid/', build.outDir);
    // Each chart frame holds the fallback with the chart's Mermaid source, to draw in the browser.
    const frames = selectAll(html, 'figure.chart [data-chart]');
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) {
      const source = select(frame, ':scope > mermaid-fallback > pre[data-mermaid-source]');
      expect(source, 'mermaid-fallback > pre[data-mermaid-source] in the chart frame').toBeDefined();
      expect(text(source!)).toContain('s_lead_guest');
    }
    expect(chartsOf(html)[0]!.svg).toBe(false);
  });

  it.skipIf(!hasChromium)('renders the same chart in the browser, nodes tagged with step ids', async () => {
    const site = await serveStatic(build.outDir);
    const browser = await openBrowser();
    cleanups.push(() => site.close(), () => browser.close());
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}procedures/corporate/small-valid/`);
    await page.waitForSelector('figure.chart svg g.node[data-step-id]', { timeout: 30_000 });
    const ids = await page.$$eval('figure.chart g.node', (els) => els.map((el) => el.getAttribute('data-step-id')));
    expect(ids.sort()).toEqual(['booked', 'done', 'greet', 'lead-guest', 'register']);
    expect(await page.locator('figure.chart a[href="#step-register"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it.skipIf(!hasChromium)('walks the browser-rendered chart and links its nodes to the step text', async () => {
    const site = await serveStatic(build.outDir);
    const browser = await openBrowser();
    cleanups.push(() => site.close(), () => browser.close());
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The walk opens at load; the chart arrives later and must light up then.
    await page.goto(`${site.url}procedures/corporate/small-valid/?walk=register&via=2`);
    await page.waitForSelector('dialog figure.chart g.node.is-current[data-step-id="register"]', { timeout: 30_000 });
    const visited = await page.$$eval('dialog figure.chart g.node.is-visited', (els) => els.map((el) => el.getAttribute('data-step-id')));
    expect(visited).toEqual(['greet', 'booked']);
    await page.keyboard.press('Escape');
    await page.hover('#step-lead-guest .step-title');
    const lit = await page.$$eval('figure.chart g.node.is-linked', (els) => els.map((el) => el.getAttribute('data-step-id')));
    expect(lit).toEqual(['lead-guest']);
    expect(errors).toEqual([]);
  });
});

describe('npm run build, as a person reads its output', () => {
  // Warnings every build used to print, harmless (see astro.config.mjs): Rolldown on
  // Astro's "use astro:head-inject" in each MDX file, and the size of the lazy Mermaid chunk.
  const HARMLESS = [/module level directive/i, /may not be preserved/, /Some chunks are larger than/];
  // A path naming the fixture, so the build has nothing to say that the real site's would not.
  const files = {
    'learning-paths.yaml': ['- id: test-path', '  title: 测试路径', '  order: 1', '  roles: [前台接待员]', '  description: 测试', '  items:', '    - { code: SOP-TEST-02, why: 测试 }'].join('\n'),
  };
  const env = { SOP_SITE: '', SOP_TODAY: '2026-12-01' };
  const linesOf = (output: string) => output.trimEnd().split('\n');

  it('without Chromium: no warning of the build steps, and the fallback notice with its fix is the last line', () => {
    const build = npmBuildFixture(['small-valid.mdx'], { ...env, SOP_NO_CHROMIUM: '1' }, files);
    const output = plain(build.output);
    expect(build.status, output).toBe(0);
    for (const harmless of HARMLESS) expect(output).not.toMatch(harmless);
    expect(output).not.toContain('[WARN]');
    const last = linesOf(output).at(-1)!;
    expect(last).toContain('没有可用的 Chromium:流程图改在读者的浏览器中用 Mermaid 渲染');
    expect(last).toContain(`修复:${INSTALL_HINT}`);
    // The other closing notes come after every build step's lines, and before the charts.
    const print = output.lastIndexOf(NO_SITE_NOTICE);
    expect(print).toBeGreaterThan(output.lastIndexOf('[service-worker]'));
    expect(print).toBeLessThan(output.lastIndexOf('没有可用的 Chromium'));
  });

  it.skipIf(!hasChromium)('with Chromium: the chart summary is the last line', () => {
    const build = npmBuildFixture(['small-valid.mdx'], env, files);
    const output = plain(build.output);
    expect(build.status, output).toBe(0);
    for (const harmless of HARMLESS) expect(output).not.toMatch(harmless);
    expect(output).not.toContain('[WARN]');
    expect(output).not.toContain('没有可用的 Chromium');
    expect(linesOf(output).at(-1)).toMatch(/^流程图:渲染 \d+ 张/);
    expect(output.lastIndexOf(NO_SITE_NOTICE)).toBeGreaterThan(output.lastIndexOf('[service-worker]'));
  });
});
