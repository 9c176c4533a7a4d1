// The built site: one page per procedure, each with a pre-rendered chart
// whose nodes are exactly its steps, and no Mermaid shipped to the browser.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roleSchema } from '../../src/lib/reference-schemas';
import { readYamlList } from '../helpers/content-files';
import { loadProcedures } from '../helpers/procedures';
import { chartsOf, chartsPrerendered, DIST, eagerScripts, readPage } from '../helpers/dist';
import { attr, select, selectAll, source, text } from '../helpers/dom';
import { paths } from '../../src/lib/urls';

const procedures = loadProcedures();

const prerendered = chartsPrerendered();

describe('procedure pages', () => {
  it.skipIf(!prerendered).each(procedures.map((p) => [p.id, p] as const))('%s has a chart whose nodes are its steps', (_id, p) => {
    const html = readPage(`procedures/${p.id}/`);
    expect(attr(select(html, 'html')!, 'lang')).toBe('zh-CN');
    expect(selectAll(html, 'h1').map(text)).toContain(p.data.title);
    const charts = chartsOf(html);
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      expect(chart.svg).toBe(true);
      expect([...chart.stepIds].sort()).toEqual(p.data.steps.map((s) => s.id).sort());
    }
    // Every step is on the page as text, with its anchor.
    for (const step of p.data.steps) expect(select(html, `[id=${JSON.stringify(`step-${step.id}`)}]`), step.id).toBeDefined();
  });

  it.skipIf(!prerendered)('ship no Mermaid when the chart was pre-rendered', () => {
    for (const p of procedures) {
      const html = readPage(`procedures/${p.id}/`);
      expect(html).not.toContain('mermaid-fallback');
      for (const script of eagerScripts(html)) expect(script.code, script.name).not.toMatch(/mermaid/i);
    }
  });

  it('has a home page, category pages and a 404 page', () => {
    expect(readPage('')).toContain('接待流程手册');
    const categories = readdirSync(join(DIST, 'categories'));
    expect(categories.sort()).toEqual(['corporate', 'hotel', 'property', 'spa']);
    expect(readPage('404.html')).toContain('找不到这个页面');
  });
});

describe('standing roles (a team’s duties that span the flow)', () => {
  const roleIds = new Map(readYamlList('roles.yaml').map((r) => roleSchema.parse(r)).map((r) => [r.name, r.id]));
  const withRoles = procedures.filter((p) => p.data.standingRoles);

  it('exist in the content', () => {
    expect(withRoles.map((p) => p.id)).toContain('corporate/external-reception-rules');
  });

  it.each(withRoles.map((p) => [p.id, p] as const))('%s: beside the chart as indexed text, and on each role page', (_id, p) => {
    const html = readPage(`procedures/${p.id}/`);
    // Right after the chart section (which search ignores), not inside it and not in the chart.
    const chart = 'section[aria-labelledby="chart-title"]';
    const element = select(html, `${chart} + aside.standing-roles`);
    expect(element, 'aside.standing-roles right after the chart section').toBeDefined();
    expect(select(html, `div.chart-area.has-standing-roles > ${chart}[data-pagefind-ignore="all"]:first-child`)).toBeDefined();
    const aside = source(html, element!);
    expect(aside).not.toContain('data-pagefind-ignore');
    expect(aside).toContain(p.data.standingRoles!.title);
    for (const { role, ref, duty } of p.data.standingRoles!.roles) {
      expect(aside).toContain(duty);
      expect(selectAll(element!, 'a').map(text)).toContain(role);
      if (ref) expect(aside).toContain(ref);
      const rolePage = readPage(`roles/${roleIds.get(role)}/`);
      expect(rolePage).toContain(duty);
      expect(rolePage).not.toContain('目前没有流程把步骤指派给这个角色');
    }
    // Drawn in the reader's browser (no Chromium at build), the chart carries its step ids only once drawn.
    if (prerendered) for (const chart of chartsOf(html)) expect(chart.stepIds.length).toBe(p.data.steps.length);
  });
});

describe('lean pages', () => {
  const withChecklist = procedures.find((p) => p.data.checklists.length > 0)!;
  // A scoped <style> puts data-astro-cid-… on every element its component writes: on a
  // step list, a checklist or a quiz that is every step, item and option, on every page.
  it.each([
    ['a procedure page', paths.procedure(withChecklist.id), ['ol.steps', '.checklist']],
    ['a quiz', paths.quiz(withChecklist.id), ['sop-quiz']],
    ['the handbook', paths.handbook(), ['ol.steps', '.checklist']],
  ] as const)('%s writes no scoped-style attribute inside its step list, checklists or quiz', (_name, path, roots) => {
    const html = readPage(path);
    for (const root of roots) {
      const elements = selectAll(html, root).flatMap((el) => [el, ...selectAll(el, '*')]);
      expect(elements.length, `${path} ${root}`).toBeGreaterThan(0);
      const scoped = elements.filter((el) => Object.keys(el.properties).some((name) => /^dataAstroCid/.test(name)));
      expect(scoped.map((el) => el.tagName), `${path} ${root}`).toEqual([]);
    }
  });
});
