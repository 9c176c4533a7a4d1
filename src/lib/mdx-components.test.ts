import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { placedComponents } from './mdx-components';

describe('placedComponents', () => {
  it('finds the checklists, the levels table and the tools a body places, block or inline', () => {
    const body = [
      '## 标准',
      '',
      '<ReceptionLevels />',
      '',
      '准备时对照 <Checklist id="before-visit" /> 逐项检查。',
      '',
      '- <BudgetCalculator />',
      '',
      "<Checklist id={'on-the-day'} />",
      '',
      '<VisitPlanner></VisitPlanner>',
    ].join('\n');
    expect(placedComponents(body)).toEqual({
      checklists: ['before-visit', 'on-the-day'],
      levels: true,
      budgetCalculator: true,
      visitPlanner: true,
    });
  });

  it('does not count a tag in a code block, inline code, an expression comment or escaped text', () => {
    const body = [
      '```mdx',
      '<Checklist id="in-fence" />',
      '<ReceptionLevels />',
      '```',
      '',
      '写作 `<BudgetCalculator />` 即可。',
      '',
      '{/* <Checklist id="in-comment" /> <VisitPlanner /> */}',
      '',
      '\\<ReceptionLevels /> 只是文字。',
    ].join('\n');
    expect(placedComponents(body)).toEqual({ checklists: [], levels: false, budgetCalculator: false, visitPlanner: false });
  });

  it('places nothing from a body MDX rejects, such as one with an HTML comment', () => {
    expect(placedComponents('<!-- <Checklist id="in-html-comment" /> -->\n\n<ReceptionLevels />')).toEqual({
      checklists: [],
      levels: false,
      budgetCalculator: false,
      visitPlanner: false,
    });
  });

  it('counts an indented tag, as MDX renders it (MDX has no indented code)', () => {
    expect(placedComponents('    <Checklist id="indented" />').checklists).toEqual(['indented']);
  });

  it('reads a component only by its exact name', () => {
    expect(placedComponents('<ReceptionLevelsNote />\n\n<checklist id="x" />').levels).toBe(false);
    expect(placedComponents('<ReceptionLevelsNote />\n\n<checklist id="x" />').checklists).toEqual([]);
  });

  it('places nothing in an empty body', () => {
    expect(placedComponents(undefined)).toEqual({ checklists: [], levels: false, budgetCalculator: false, visitPlanner: false });
    expect(placedComponents('')).toEqual({ checklists: [], levels: false, budgetCalculator: false, visitPlanner: false });
  });

  it('finds what the real procedures place', () => {
    const found = { levels: 0, checklists: 0, budget: 0, planner: 0 };
    const root = 'content/procedures';
    for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of readdirSync(join(root, dir.name)).filter((f) => f.endsWith('.mdx'))) {
        const body = readFileSync(join(root, dir.name, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
        const placed = placedComponents(body);
        found.levels += Number(placed.levels);
        found.checklists += placed.checklists.length;
        found.budget += Number(placed.budgetCalculator);
        found.planner += Number(placed.visitPlanner);
      }
    }
    // One page holds the levels table and each tool (the home page links to it).
    expect(found).toMatchObject({ levels: 1, budget: 1, planner: 1 });
    expect(found.checklists).toBeGreaterThan(0);
  });
});
