// No broken internal link or anchor in the built site: at the root (dist/,
// built by npm test) and when built under a sub-path, where a link that
// forgets withBase() escapes /sop/ and breaks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProcedures } from '../helpers/procedures';
import { DIST } from '../helpers/dist';
import { buildSite, type SiteBuild } from '../helpers/fixture-build';
import { checkLinks, type BrokenLink, type LinkReport } from '../helpers/links';

const totalSteps = loadProcedures().reduce((sum, p) => sum + p.data.steps.length, 0);
const show = (links: BrokenLink[]) => links.map((l) => `${l.from} → ${l.href}: ${l.reason}`).join('\n');

function expectSound(report: LinkReport) {
  expect(report.broken, show(report.broken)).toEqual([]);
  // The check really ran: every procedure page, and at least each step's chart anchor.
  expect(report.pages).toBeGreaterThan(loadProcedures().length);
  expect(report.anchors).toBeGreaterThanOrEqual(totalSteps);
}

describe('links at the root', () => {
  it('every internal link and anchor of dist/ resolves', () => {
    expectSound(checkLinks(DIST, '/'));
  });
});

describe('links under a sub-path (SOP_BASE=/sop/)', () => {
  let dir: string;
  let build: SiteBuild;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sop-subpath-'));
    // Its own Astro cache: Astro reuses cached pages between builds, never across bases.
    build = buildSite({ outDir: join(dir, 'dist'), env: { SOP_BASE: '/sop/', SOP_ASTRO_CACHE: join(dir, 'astro') } });
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds, and every internal link and anchor resolves under /sop/', () => {
    expect(build.status, build.output).toBe(0);
    expectSound(checkLinks(build.outDir, '/sop/'));
  });
});

describe('the link check', () => {
  it('finds a missing page, a missing anchor and a link that escapes the base', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const dist = mkdtempSync(join(tmpdir(), 'sop-links-'));
    try {
      mkdirSync(join(dist, 'a'));
      writeFileSync(join(dist, 'style.css'), 'body{background:url(missing.png)}');
      writeFileSync(
        join(dist, 'index.html'),
        '<a href="/sop/a/">ok</a><a href="/sop/a/#step-x">ok</a><a href="/sop/b/">gone</a>' +
          '<a href="/sop/a/#step-y">no anchor</a><a href="/favicon.svg">escapes</a><a href="/sop/a">no slash</a>' +
          '<svg><a href="#here"></a></svg><p id="here"></p><a href="https://example.com/">external</a>',
      );
      writeFileSync(join(dist, 'a', 'index.html'), '<li id="step-x"></li>');
      const report = checkLinks(dist, '/sop/');
      expect(report.broken.map((l) => [l.href, l.reason])).toEqual([
        ['/sop/b/', '目标文件不存在'],
        ['/sop/a/#step-y', '页面上没有 id="step-y"'],
        ['/favicon.svg', '在站点路径 /sop/ 之外'],
        ['/sop/a', '目录链接缺少结尾的 /'],
        ['missing.png', '目标文件不存在'],
      ]);
      expect(report.anchors).toBe(3);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
