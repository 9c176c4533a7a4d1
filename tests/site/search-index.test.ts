// The search index in the built site: made by Pagefind's extended binary,
// covering procedure pages (and any page that does not opt out) but not
// lists, 404 or the search page; each procedure with its filters and meta,
// each step a titled sub-result at its #step-<id> anchor; chrome left out.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { splitSourceLabel } from '../../src/lib/procedure/numbering';
import { categorySchema } from '../../src/lib/reference-schemas';
import { pagefindPair, procedureFacets } from '../../src/lib/search-index';
import { ROOT, readYamlList } from '../helpers/content-files';
import { loadProcedures } from '../helpers/procedures';
import { DIST, eagerScripts, readPage } from '../helpers/dist';
import { attr, select, selectAll, source } from '../helpers/dom';

const categories = readYamlList('categories.yaml').map((c) => categorySchema.parse(c));
const procedures = loadProcedures();
const mainOf = (html: string) => select(html, 'main')!;
/** The values one attribute takes on a page (or under an element). */
const valuesOf = (root: Parameters<typeof selectAll>[0], name: string) => selectAll(root, `[${name}]`).map((el) => attr(el, name));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html') && !name.startsWith('pagefind'))
    .map((name) => join(dir, name));
}

describe('the Pagefind index', () => {
  it('is built by the extended binary, which segments Chinese', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--version', '--verbose'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Running the executable at \S*pagefind_extended/);
  });

  it('holds exactly the pages marked data-pagefind-body, in zh-cn', () => {
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8'));
    const indexed = htmlFiles(DIST).filter((file) => select(readFileSync(file, 'utf8'), 'main[data-pagefind-body]'));
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    expect(entry.languages['zh-cn'].page_count).toBe(indexed.length);
    expect(indexed.length).toBeGreaterThanOrEqual(procedures.length);
  });

  it('covers every procedure page and leaves out lists, 404 and the search page', () => {
    for (const p of procedures) expect(select(readPage(`procedures/${p.id}/`), 'main[data-pagefind-body]'), p.id).toBeDefined();
    const optedOut = ['', '404.html', 'search/', ...categories.map((c) => `categories/${c.id}/`)];
    for (const path of optedOut) expect(readPage(path), path || 'home').not.toContain('data-pagefind-body');
  });
});

describe('procedure pages for search', () => {
  it.each(procedures.map((p) => [p.id, p] as const))('%s carries its filters and meta', (_id, p) => {
    const html = readPage(`procedures/${p.id}/`);
    const facets = procedureFacets(p.data, p.category.name);
    const filters = valuesOf(html, 'data-pagefind-filter');
    const meta = valuesOf(html, 'data-pagefind-meta');
    for (const [key, values] of Object.entries(facets.filters)) {
      for (const value of values) expect(filters).toContain(pagefindPair(key, value));
    }
    for (const [key, value] of Object.entries(facets.meta)) expect(meta).toContain(pagefindPair(key, value));
  });

  it('titles steps the source numbers with the site’s number, its own label apart', () => {
    const html = readPage('procedures/corporate/reception-process-standards/');
    expect(valuesOf(html, 'data-pagefind-title')).toContain('第 3 步:确定接待级别(原文 2)');
  });

  it.each(procedures.map((p) => [p.id, p] as const))('%s makes each step a titled sub-result at #step-<id>', (_id, p) => {
    const html = readPage(`procedures/${p.id}/`);
    p.data.steps.forEach((step, i) => {
      const li = select(html, `li[id=${JSON.stringify(`step-${step.id}`)}]`);
      expect(li, step.id).toBeDefined();
      // The site's number first; the source's own label ("1.4.2 …") after the title, as 原文.
      const { sourceLabel, title } = splitSourceLabel(step.title);
      expect(attr(li!, 'data-pagefind-title')).toBe(`第 ${i + 1} 步:${title}${sourceLabel ? `(原文 ${sourceLabel})` : ''}`);
    });
  });

  it('keeps navigation, breadcrumbs, pager, chart and links to other steps out of the index', () => {
    const links = { next: 0, branches: 0 };
    for (const p of procedures) {
      const html = readPage(`procedures/${p.id}/`);
      const main = mainOf(html);
      // Header, sidebar and footer sit outside <main data-pagefind-body>: not a mention of them in its source.
      expect(select(main, '.sidebar'), p.id).toBeUndefined();
      expect(source(html, main)).not.toContain('site-footer');
      expect(select(main, 'nav.breadcrumbs[data-pagefind-ignore="all"]'), p.id).toBeDefined();
      expect(select(main, 'nav.pager[data-pagefind-ignore="all"]'), p.id).toBeDefined();
      expect(select(main, 'section[aria-labelledby="chart-title"][data-pagefind-ignore="all"]'), p.id).toBeDefined();
      for (const next of selectAll(main, 'p.step-next')) {
        expect(attr(next, 'data-pagefind-ignore'), p.id).toBeDefined();
        links.next++;
      }
      for (const branches of selectAll(main, 'ul.step-branches')) {
        expect(attr(branches, 'data-pagefind-ignore'), p.id).toBeDefined();
        links.branches++;
      }
    }
    // The loops above checked something: the handbook has both kinds of links.
    expect(links.next).toBeGreaterThan(0);
    expect(links.branches).toBeGreaterThan(0);
  });

  it('indexes every checklist item, which Pagefind would drop inside <label>, at its titled checklist', () => {
    let items = 0;
    let toolbars = 0;
    for (const p of procedures) {
      const main = mainOf(readPage(`procedures/${p.id}/`));
      for (const checklist of p.data.checklists) {
        const section = select(main, `section[id=${JSON.stringify(`checklist-${checklist.id}`)}]`);
        expect(section, `${p.id} ${checklist.id}`).toBeDefined();
        expect(valuesOf(section!, 'data-pagefind-title'), `${p.id} ${checklist.id}`).toContain(`检查表:${checklist.title}`);
        for (const item of checklist.items) {
          const li = select(section!, `li[data-item=${JSON.stringify(item.id)}]`);
          expect(li && attr(li, 'data-text'), `${p.id} ${item.id}`).toBe(item.text);
          expect(attr(li!, 'data-pagefind-index-attrs')).toBe('data-text');
          items++;
        }
      }
      // The checklist's buttons and notices are not content.
      for (const tools of selectAll(main, 'div.checklist-tools')) {
        expect(attr(tools, 'data-pagefind-ignore'), p.id).toBe('all');
        toolbars++;
      }
    }
    expect(items).toBeGreaterThan(50);
    expect(toolbars).toBeGreaterThan(0);
  });

  it('indexes a flag once, in the page\'s list of flags at lower weight, not inside its step', () => {
    for (const p of procedures.filter((p) => p.data.flags.some((f) => f.step))) {
      const main = mainOf(readPage(`procedures/${p.id}/`));
      expect(select(main, 'aside.flags[data-pagefind-weight="0.5"]'), p.id).toBeDefined();
      const notes = selectAll(main, 'p.flag-note');
      expect(notes.length, p.id).toBeGreaterThan(0);
      for (const note of notes) expect(attr(note, 'data-pagefind-ignore'), p.id).toBeDefined();
    }
  });
});

describe('search costs nothing until used', () => {
  const gz = (code: string) => gzipSync(code, { level: 9 }).length;

  it.each(procedures.map((p) => [p.id] as const))('%s loads no Pagefind or search panel code up front', (id) => {
    const scripts = eagerScripts(readPage(`procedures/${id}/`));
    for (const s of scripts) {
      expect(s.name, 'search panel must be a lazy chunk').not.toMatch(/search-panel|search-highlight/);
      expect(s.code, s.name).not.toMatch(/pagefind-(?:entry|worker)|pf_meta|pf_index/);
    }
    // The header's search button and what it imports: well under 2 KB gzip.
    const searchPart = scripts.filter((s) => /SiteSearch|preload-helper/.test(s.name));
    expect(searchPart.length).toBeGreaterThan(0);
    const searchBytes = searchPart.reduce((sum, s) => sum + gz(s.code), 0);
    expect(searchBytes).toBeLessThan(2048);
    // The whole page's JavaScript stays within the project budget.
    const total = scripts.reduce((sum, s) => sum + gz(s.code), 0);
    expect(total).toBeLessThanOrEqual(30 * 1024);
  });

  it('has the lazy chunk and Pagefind files on disk for when search opens', () => {
    expect(readdirSync(join(DIST, '_astro')).some((n) => /^search-panel\..*\.js$/.test(n))).toBe(true);
    expect(existsSync(join(DIST, 'pagefind/pagefind.js'))).toBe(true);
  });
});
