// The built print parts: each procedure page carries its live URL with a QR
// code of exactly that URL, a running header and a sign-off sheet; the
// handbook pages hold every procedure in order, with no colliding ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/build/qr';
import { formatDate } from '../../src/lib/dates';
import { isDraft } from '../../src/lib/procedure/status';
import { stepFingerprint } from '../../src/lib/fingerprint';
import { absoluteUrl, cssString, DRAFT_FOOTER, newestDate, procedureRunningText } from '../../src/lib/print';
import { printableSite } from '../../src/lib/print-site';
import { paths } from '../../src/lib/urls';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, readPage } from '../helpers/dist';
import { buildFixture, type FixtureBuild } from '../helpers/fixture-build';
import { attr, select, selectAll, source, text } from '../helpers/dom';
import { categories, loadProcedures } from '../helpers/procedures';

/** The address paper copies carry: none unless SOP_SITE names a public one. */
const SITE = printableSite(process.env.SOP_SITE);
const procedures = loadProcedures();

/** Every built HTML page, as a path readPage() takes. */
function allPages(): string[] {
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('.'))
    .map((file) => file.replace(/\\/g, '/'));
}

/** ids of elements (not in text), with how often each occurs. */
function idCounts(html: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const el of selectAll(html, '[id]:not([id=""])')) counts.set(attr(el, 'id')!, (counts.get(attr(el, 'id')!) ?? 0) + 1);
  return counts;
}

describe('procedure pages in print', () => {
  it.each(procedures.map((p) => [p.id, p] as const))('%s: URL, QR code, running header, sign-off sheet', async (_id, p) => {
    const html = readPage(paths.procedure(p.id));
    const element = select(html, 'div.print-source[data-print-source="page"]');
    expect(element, 'print-source block').toBeDefined();
    const block = source(html, element!);
    if (SITE) {
      const url = absoluteUrl(SITE, '/', paths.procedure(p.id));
      expect(selectAll(element!, 'p.print-url').map(text)).toContain(url);
      expect(block).toContain(await qrSvg(url));
    } else {
      // No public address: no link, no QR code, rather than one leading nowhere.
      expect(block).not.toContain('print-url');
      expect(select(element!, 'svg')).toBeUndefined();
    }
    expect(block).toContain(`版本 ${p.data.version}`);
    expect(block).toContain(formatDate(p.data.reviewed));
    expect(html).toContain(`@page{@top-left{content:${cssString(procedureRunningText(p.data, formatDate(p.data.reviewed)).left)}}`);
    if (isDraft(p.data)) expect(html).toContain(`@bottom-left{content:${cssString(DRAFT_FOOTER)}}`);
    const signoff = select(html, 'section.signoff-sheet');
    expect(signoff, 'sign-off sheet').toBeDefined();
    const sheet = source(html, signoff!);
    expect(sheet).toContain('阅读确认签字表');
    expect(sheet).toContain(p.data.code);
    // Tied to a version: the version and the step fingerprint the page shows too.
    expect(text(signoff!)).toContain(`签字所依据的版本:${p.data.version} · 步骤指纹 ${stepFingerprint(p.data)}`);
    const shown = selectAll(html, 'span[data-fingerprint][title="步骤数据的短指纹:与签字表上的不同,说明签字后流程已改"]').map(text);
    expect(shown).toContain(stepFingerprint(p.data));
    const columns = selectAll(signoff!, 'th').map(text);
    for (const column of ['姓名', '岗位', '阅读日期', '签名']) expect(columns).toContain(column);
    expect(selectAll(html, 'print-controls button[type="button"][data-print="all"]').map(text)).toContain('打印本页');
  });

  it('other pages end with the site URL block, pointing at themselves', async () => {
    const html = readPage('');
    expect(select(html, '[data-print-source="site"]')).toBeDefined();
    if (!SITE) return expect(html).not.toContain('print-url');
    const url = absoluteUrl(SITE, '/', paths.home());
    expect(selectAll(html, 'p.print-url').map(text)).toContain(url);
    expect(html).toContain(await qrSvg(url));
  });

  it('no built page carries a loopback address (127.0.0.1, localhost, [::1])', () => {
    const pages = allPages();
    expect(pages.length).toBeGreaterThan(procedures.length);
    const loopback = /(?:https?:)?\/\/(?:127(?:\.\d{1,3}){3}|localhost|\[::1\]|0\.0\.0\.0)(?=[:/"'\s<]|$)/i;
    const offenders = pages.filter((path) => loopback.test(readPage(path)));
    expect(offenders).toEqual([]);
  });
});

describe('the printable handbook', () => {
  it('holds every procedure in order after a cover dated by the newest review', () => {
    const html = readPage(paths.handbook());
    const newest = newestDate(procedures.map((p) => p.data.reviewed))!;
    const cover = select(html, 'section.hb-cover');
    expect(cover && source(html, cover)).toContain(formatDate(newest));
    const sections = selectAll(html, 'article.hb-procedure');
    // Each article's own code line ("3. SOP-X-01 · 分类"), not the next one found further down.
    const codes = sections.map((article) => {
      const line = select(article, 'p.procedure-code');
      return line && /^\d+\. (\S+) ·/.exec(text(line))?.[1];
    });
    expect(codes).toEqual(procedures.map((p) => p.data.code));
    expect(sections.map((article) => attr(article, 'id'))).toEqual(procedures.map((_, i) => `hb-${i + 1}`));
  });

  it('has no duplicate ids and every in-page link lands on one', () => {
    for (const path of [paths.handbook(), ...categories.map((c) => paths.handbook(c.id))]) {
      const html = readPage(path);
      const counts = idCounts(html);
      const duplicates = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
      expect(duplicates, path).toEqual([]);
      const targets = selectAll(html, '[href^="#"]:not([href="#"])').map((el) => attr(el, 'href')!.slice(1));
      expect(targets.length).toBeGreaterThan(procedures.length);
      expect(targets.filter((id) => !counts.has(id)), path).toEqual([]);
    }
  });

  it('links each term to its own glossary entry, with no popover copies, and its steps carry no search-index marks', () => {
    let terms = 0;
    for (const path of [paths.handbook(), ...categories.map((c) => paths.handbook(c.id))]) {
      const html = readPage(path);
      const doc = select(html, '.handbook-doc[data-pagefind-ignore="all"]');
      expect(doc, path).toBeDefined();
      // The index skips the handbook whole: the step list's marks for it, and a definition per use, are dead weight.
      expect(selectAll(doc!, '.term-pop, button.term, ol.steps [data-pagefind-title], ol.steps [data-pagefind-ignore]').map((el) => source(html, el).slice(0, 80)), path).toEqual([]);
      for (const link of selectAll(doc!, 'a.term')) {
        const entry = select(html, `.hb-glossary [id=${JSON.stringify(attr(link, 'href')!.slice(1))}]`);
        expect(entry && text(select(entry, 'dt')!), `${path}: ${text(link)}`).toBeTruthy();
        terms++;
      }
    }
    expect(terms).toBeGreaterThan(procedures.length);
  });

  it('has one page per category, holding only that category', () => {
    for (const category of categories) {
      const mine = procedures.filter((p) => p.data.category === category.id);
      if (mine.length === 0) continue;
      const html = readPage(paths.handbook(category.id));
      for (const p of procedures) {
        const listed = selectAll(html, 'span.toc-code').map(text).includes(p.data.code);
        expect(listed, `${category.id} lists ${p.data.code}`).toBe(p.data.category === category.id);
      }
    }
  });
});

// The main build has no public address (CI sets none), so the paper links and
// QR codes are checked here, on a build that names one.
describe('paper copies of a build with SOP_SITE', () => {
  const SITE_URL = 'https://sop.example.com';
  let build: FixtureBuild;
  beforeAll(() => {
    build = buildFixture(['small-valid.mdx'], { SOP_SITE: `${SITE_URL}/`, SOP_NO_CHROMIUM: '1' });
  }, 300_000);
  afterAll(() => {
    if (build?.outDir) rmSync(join(build.outDir, '..'), { recursive: true, force: true });
  });

  it('print the page address and its QR code, on procedure pages and others', async () => {
    expect(build.status, build.output).toBe(0);
    for (const [page, path] of [
      ['procedures/corporate/small-valid/', paths.procedure('corporate/small-valid')],
      ['', paths.home()],
    ] as const) {
      const html = readPage(page, build.outDir);
      const url = absoluteUrl(SITE_URL, '/', path);
      expect(url.startsWith(`${SITE_URL}/`), url).toBe(true);
      const block = select(html, '[data-print-source]');
      expect(block, page).toBeDefined();
      expect(selectAll(block!, 'p.print-url').map(text), page).toContain(url);
      expect(source(html, block!), page).toContain(await qrSvg(url));
    }
  });
});
