// A handbook past the navigation's limit (src/lib/site-nav.ts): every page
// lists the procedures of its own category only, and links to the others.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAV_FULL_LIMIT } from '../../src/lib/site-nav';
import { buildSite, type SiteBuild } from '../helpers/fixture-build';
import { readPage } from '../helpers/dist';
import { syntheticCorpus, writeCorpus } from '../helpers/synthetic-corpus';

const corpus = syntheticCorpus(NAV_FULL_LIMIT + 10);
const inCategory = (category: string) => corpus.filter((p) => p.path.startsWith(`${category}/`));
const idOf = (p: (typeof corpus)[number]) => p.path.replace(/\.mdx$/, '');
const sidebar = (html: string) => /<nav class="sidebar"[\s\S]*?<\/nav>/.exec(html)![0];
const procedureLinks = (nav: string) => [...nav.matchAll(/href="\/procedures\/([^"]+)\/"/g)].map((m) => m[1]);

describe(`navigation of a handbook with more than ${NAV_FULL_LIMIT} procedures`, () => {
  let dir: string;
  let build: SiteBuild;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sop-large-'));
    writeCorpus(join(dir, 'content'), corpus);
    build = buildSite({
      outDir: join(dir, 'dist'),
      content: join(dir, 'content'),
      env: { SOP_NO_CHROMIUM: '1', SOP_ASTRO_CACHE: join(dir, 'astro') },
    });
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it("lists the current category's procedures on its procedure, quiz and trainer pages, and links to the rest", () => {
    const hotel = inCategory('hotel');
    const current = hotel[1]!;
    expect(hotel.length).toBeGreaterThan(1);
    for (const page of [`procedures/${idOf(current)}/`, `quiz/${idOf(current)}/`, `trainer/procedures/${idOf(current)}/`]) {
      const nav = sidebar(readPage(page, build.outDir));
      expect(procedureLinks(nav), page).toEqual(hotel.map(idOf));
      for (const other of ['corporate', 'spa', 'property']) {
        const count = inCategory(other).length;
        if (count > 0) expect(nav, page).toContain(`<a href="/categories/${other}/">查看全部 ${count} 个流程 →</a>`);
      }
    }
    expect(sidebar(readPage(`procedures/${idOf(current)}/`, build.outDir))).toMatch(
      new RegExp(`href="/procedures/${idOf(current)}/" aria-current="page"`),
    );
  });

  it('lists no procedure on the home page, only the way to each category', () => {
    const nav = sidebar(readPage('', build.outDir));
    expect(procedureLinks(nav)).toEqual([]);
    expect(nav.match(/查看全部 \d+ 个流程 →/g)).toHaveLength(new Set(corpus.map((p) => p.path.split('/')[0])).size);
  });
});
