// The built pages carry exactly the content data the interactive parts need
// (checklist versions and item hashes, the level figures), and their JavaScript
// stays small.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { receptionLevelSchema } from '../../src/lib/reference-schemas';
import { checklistSpec, legacyStorageKey, storageKey } from '../../src/lib/checklist-state';
import { readYamlList } from '../helpers/content-files';
import { loadProcedures } from '../helpers/procedures';
import { eagerScripts, pageData, readPage } from '../helpers/dist';
import { attr, select, selectAll } from '../helpers/dom';
import { eagerStyles } from '../helpers/page-weight';

const procedures = loadProcedures();
const gz = (text: string) => gzipSync(text).length;
const pageWith = (tool: 'budgetCalculator' | 'visitPlanner') => procedures.find((p) => p.placed[tool])!;

describe('checklists in the built pages', () => {
  it.each(procedures.filter((p) => p.data.checklists.length > 0).map((p) => [p.id, p] as const))(
    '%s: each checklist carries its storage key, content version and item hashes',
    (_id, p) => {
      const html = readPage(`procedures/${p.id}/`);
      for (const checklist of p.data.checklists) {
        const spec = checklistSpec(checklist.items);
        const key = storageKey(p.data.code, checklist.id);
        const legacy = legacyStorageKey(p.data.code, checklist.id);
        const element = select(html, `sop-checklist[data-key=${JSON.stringify(key)}]`);
        expect(element, key).toBeDefined();
        expect([attr(element!, 'data-legacy-key'), attr(element!, 'data-version')]).toEqual([legacy, spec.version]);
        for (const item of spec.items) {
          const li = select(element!, `li[data-item=${JSON.stringify(item.id)}]`);
          expect(li && attr(li, 'data-hash'), item.id).toBe(item.hash);
        }
        // Placed once, whether in the body or in the closing checklist section.
        expect(selectAll(html, `[id=${JSON.stringify(`checklist-${checklist.id}`)}]`)).toHaveLength(1);
      }
    },
  );
});

describe('budget calculator data', () => {
  it('embeds the level figures exactly as content/reception-levels.yaml has them', () => {
    const levels = readYamlList('reception-levels.yaml')
      .map((l) => receptionLevelSchema.parse(l))
      .sort((a, b) => a.order - b.order);
    const html = readPage(`procedures/${pageWith('budgetCalculator').id}/`);
    expect(pageData(html, 'levels')).toEqual(levels.map((l) => ({ id: l.id, name: l.name, meals: l.meals })));
  });
});

describe('JavaScript and CSS weight', () => {
  const pages = [
    ...new Map(
      [pageWith('budgetCalculator'), pageWith('visitPlanner'), ...procedures.filter((p) => p.data.checklists.length > 0)].map((p) => [p.id, p]),
    ).values(),
  ];

  it.each(pages.map((p) => [p.id, p] as const))('%s stays within the page budget (30 KB JS, 20 KB CSS gzipped)', (_id, p) => {
    const html = readPage(`procedures/${p.id}/`);
    const js = eagerScripts(html).reduce((sum, s) => sum + gz(s.code), 0);
    const css = eagerStyles(html).reduce((sum, style) => sum + gz(style.code), 0);
    console.info(`[weight] ${p.id}: JS ${(js / 1024).toFixed(1)} KB gz, CSS ${(css / 1024).toFixed(1)} KB gz`);
    expect(js).toBeLessThanOrEqual(30 * 1024);
    expect(css).toBeLessThanOrEqual(20 * 1024);
  });

  it('each interactive part ships under 3 KB gzipped, and only where it is used', () => {
    const parts = {
      checklist: (code: string) => code.includes('sop-checklist'),
      budget: (code: string) => code.includes('sop-budget'),
      planner: (code: string) => code.includes('sop-visit-planner'),
    };
    for (const p of procedures) {
      const scripts = eagerScripts(readPage(`procedures/${p.id}/`));
      const has = (test: (code: string) => boolean) => scripts.filter((s) => test(s.code));
      expect(has(parts.checklist).length > 0, `${p.id} checklist script`).toBe(p.data.checklists.length > 0);
      expect(has(parts.budget).length > 0, `${p.id} budget script`).toBe(p.placed.budgetCalculator);
      expect(has(parts.planner).length > 0, `${p.id} planner script`).toBe(p.placed.visitPlanner);
      for (const [name, test] of Object.entries(parts)) {
        for (const script of has(test)) {
          expect(gz(script.code), `${p.id} ${name}`).toBeLessThanOrEqual(3 * 1024);
        }
      }
    }
    const sizes = Object.entries(parts).map(([name, test]) => {
      const page = procedures.find((p) => eagerScripts(readPage(`procedures/${p.id}/`)).some((s) => test(s.code)))!;
      const script = eagerScripts(readPage(`procedures/${page.id}/`)).find((s) => test(s.code))!;
      return `${name} ${(gz(script.code) / 1024).toFixed(2)} KB`;
    });
    console.info(`[weight] interactive parts, gzipped: ${sizes.join(', ')}`);
  });

  it('the home page ships none of them', () => {
    const scripts = eagerScripts(readPage(''));
    for (const script of scripts) expect(script.code).not.toMatch(/sop-checklist|sop-budget|sop-visit-planner/);
  });
});
