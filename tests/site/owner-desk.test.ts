// The SOP owner's desk on the real handbook: it lists exactly the open notes
// the content holds (counted here from the content files), links each to its
// step, and prints as a meeting agenda with room for decision, name and date.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { loadProcedures } from '../helpers/procedures';
import { CONTENT } from '../helpers/content-files';
import { DIST, readPage } from '../helpers/dist';
import { attr, is, select, selectAll, text } from '../helpers/dom';
import { hasChromium, servedInBrowser } from '../helpers/browser';
import { flat, pdfPages, savePdf } from '../helpers/pdf';

const procedures = loadProcedures();
const levels = yaml.load(readFileSync(join(CONTENT, 'reception-levels.yaml'), 'utf8')) as { flags?: { resolved?: unknown }[] }[];
const openPerProcedure = new Map(procedures.map((p) => [p.id, p.data.flags.filter((f) => !f.resolved)]));
const levelNotes = levels.flatMap((l) => (l.flags ?? []).filter((f) => !f.resolved)).length;
const expectedOpen = [...openPerProcedure.values()].reduce((n, f) => n + f.length, 0) + levelNotes;
const html = readPage('desk/');

describe('the owner desk page', () => {
  it('lists exactly the open notes of the content', () => {
    expect(expectedOpen).toBeGreaterThan(0);
    expect(selectAll(html, 'li.note[data-note]')).toHaveLength(expectedOpen);
    expect(selectAll(html, '[data-open-count]').map((el) => attr(el, 'data-open-count'))).toContain(String(expectedOpen));
    const levelsPage = procedures.find((p) => /<ReceptionLevels\b/.test(p.body))!;
    for (const [id, flags] of openPerProcedure) {
      const count = flags.length + (id === levelsPage.id ? levelNotes : 0);
      // Found whatever the attribute order: a reordered tag used to pass the count === 0 case unseen.
      const section = select(html, `[data-procedure-notes=${JSON.stringify(id)}]`);
      if (count === 0) expect(section, id).toBeUndefined();
      else expect(section && Number(attr(section, 'data-count')), id).toBe(count);
    }
  });

  it('links each step note to its step on the procedure page', () => {
    for (const p of procedures) {
      for (const flag of openPerProcedure.get(p.id)!) {
        if (!flag.step) continue;
        expect(html, `${p.id} ${flag.step}`).toContain(`href="/procedures/${p.id}/#step-${flag.step}"`);
        expect(readPage(`procedures/${p.id}/`)).toContain(`id="step-${flag.step}"`);
      }
    }
  });

  it('groups by department with counts', () => {
    const departments = new Map<string, number>();
    const levelsPage = procedures.find((p) => /<ReceptionLevels\b/.test(p.body))!;
    for (const p of procedures) {
      const n = openPerProcedure.get(p.id)!.length + (p === levelsPage ? levelNotes : 0);
      if (n > 0) departments.set(p.data.department, (departments.get(p.data.department) ?? 0) + n);
    }
    expect(departments.size).toBeGreaterThan(0);
    for (const [department, count] of departments) {
      // The group's heading comes first: the department's name, then its count.
      const heading = select(html, `[data-department=${JSON.stringify(department)}] > h3:first-child`);
      const [name, counted] = heading?.children ?? [];
      expect(name && text(name).trim(), department).toBe(department);
      expect(counted?.type === 'element' && is(counted, 'span.count') ? text(counted) : undefined, department).toMatch(new RegExp(`^${count} 条`));
    }
  });

  it('is linked from the trainer page and the footer, and kept out of search', () => {
    expect(readPage('trainer/')).toContain('href="/desk/"');
    expect(select(readPage('procedures/hotel/room-change/'), 'footer.site-footer [href="/desk/"]')).toBeDefined();
    expect(html).not.toContain('data-pagefind-body');
  });
});

describe.skipIf(!hasChromium)('the desk printed as an agenda', () => {
  const served = servedInBrowser(DIST);

  it('prints every open question with lines for the decision, a name and a date', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}desk/`);
    await page.emulateMedia({ media: 'print' });
    const pages = pdfPages(savePdf(await page.pdf({ preferCSSPageSize: true })));
    const text = flat(pages.join('\n'));
    expect(text.match(/决定:/g)?.length).toBe(expectedOpen);
    expect(text.match(/负责人:/g)?.length).toBe(expectedOpen);
    expect(text.match(/日期:/g)?.length).toBeGreaterThanOrEqual(expectedOpen);
    for (const p of procedures) for (const f of openPerProcedure.get(p.id)!) expect(text).toContain(flat(f.text).slice(0, 30));
    expect(flat(pages[0]!)).toContain(`共${expectedOpen}条待确认事项`);
  });
});
