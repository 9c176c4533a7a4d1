// The built site: one page per procedure, each with a pre-rendered chart
// whose nodes are exactly its steps, and no Mermaid shipped to the browser.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { procedureSchema } from '../../src/lib/procedure-schema';
import { procedureFiles, readMdx, CONTENT } from '../helpers/content-files';
import { chartsOf, chartsPrerendered, DIST, eagerScripts, readPage } from '../helpers/dist';

const procedures = procedureFiles().map((file) => {
  const entry = readMdx(file);
  const id = file.slice(join(CONTENT, 'procedures').length + 1).replace(/\.mdx$/, '');
  return { id, data: procedureSchema.parse(entry.frontmatter) };
});

const prerendered = chartsPrerendered();

describe('procedure pages', () => {
  it.skipIf(!prerendered).each(procedures.map((p) => [p.id, p] as const))('%s has a chart whose nodes are its steps', (_id, p) => {
    const html = readPage(`procedures/${p.id}/`);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(new RegExp(`<h1[^>]*>${p.data.title.replace(/[/()]/g, '\\$&')}</h1>`));
    const charts = chartsOf(html);
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      expect(chart.svg).toBe(true);
      expect([...chart.stepIds].sort()).toEqual(p.data.steps.map((s) => s.id).sort());
    }
    // Every step is on the page as text, with its anchor.
    for (const step of p.data.steps) expect(html).toContain(`id="step-${step.id}"`);
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
