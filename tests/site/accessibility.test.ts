// axe-core over the built site in Chromium, light and dark: every kind of page
// and every interactive part in its opened state, zero violations.
//
// To guard a new page, add it to PAGES; to guard a new component, add an
// entry to COMPONENTS with the page it lives on and an `open` step that puts
// it in its opened state (click the button, fill the field, open the dialog).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { categorySchema, roleSchema } from '../../src/lib/reference-schemas';
import { readYamlList } from '../helpers/content-files';
import { loadProcedures } from '../helpers/procedures';
import { hasChromium, VIEWPORTS, servedInBrowser } from '../helpers/browser';
import { DIST } from '../helpers/dist';
import { axeViolations, formatViolations } from '../helpers/axe';
import { contentPaths } from '../helpers/quizzes';

interface Target {
  name: string;
  /** Site-relative path of the page. */
  path: string;
  viewport?: keyof typeof VIEWPORTS;
  /** Puts the component in its opened state; it must find what it opens. */
  open?: (page: Page) => Promise<void>;
}

const procedures = loadProcedures().map((p) => ({ ...p, variants: p.data.variants.length, checklists: p.data.checklists.length }));
const procedurePath = (p: { id: string }) => `procedures/${p.id}/`;
const withVariants = procedures.find((p) => p.id === 'spa/bath-sections') ?? procedures.find((p) => p.variants > 0);
const withLevels = procedures.find((p) => p.placed.levels);
const withChecklist = procedures.find((p) => p.checklists > 0);
const plain = procedures.find((p) => p !== withVariants && p !== withLevels) ?? procedures[0]!;
const category = categorySchema.parse(readYamlList('categories.yaml')[0]).id;
const role = roleSchema.parse(readYamlList('roles.yaml')[0]).id;
const firstPath = contentPaths()[0]!.id;
/** A procedure with a quiz and a decision to walk to. */
const quizzed = 'spa/lobby-shoe-bar';
const BUDGET = procedurePath({ id: 'corporate/reception-process-standards' });
const PLANNER = procedurePath({ id: 'corporate/external-reception-rules' });

const built = (path: string) => existsSync(join(DIST, path, path.endsWith('.html') ? '' : 'index.html'));

const PAGES: Target[] = [
  { name: '首页', path: '' },
  { name: '分类页', path: `categories/${category}/` },
  { name: '流程页', path: procedurePath(plain) },
  ...(withVariants ? [{ name: '流程页(有版本)', path: procedurePath(withVariants) }] : []),
  ...(withLevels ? [{ name: '流程页(接待级别表)', path: procedurePath(withLevels) }] : []),
  { name: '术语表', path: 'glossary/' },
  { name: '角色索引', path: 'roles/' },
  { name: '角色页', path: `roles/${role}/` },
  { name: '搜索页', path: 'search/' },
  { name: '404 页', path: '404.html' },
  { name: '学习路径', path: 'paths/' },
  { name: '学习路径页', path: `paths/${firstPath}/` },
  { name: '测验页', path: `quiz/${quizzed}/` },
  { name: '培训师页', path: 'trainer/' },
  { name: '测验卷(打印)', path: `trainer/procedures/${quizzed}/` },
  { name: '更新记录', path: 'changes/' },
  { name: '待确认事项与复核', path: 'desk/' },
  { name: '打印手册(一个分类)', path: `handbook/${category}/` },
];

const COMPONENTS: Target[] = [
  {
    name: '手机目录(展开)',
    path: '',
    viewport: 'phone',
    open: async (page) => {
      await page.locator('.nav-toggle').click();
      await page.locator('nav.sidebar').waitFor({ state: 'visible' });
    },
  },
  ...(withVariants
    ? [
        {
          name: '版本切换(第二个版本)',
          path: procedurePath(withVariants),
          open: async (page: Page) => {
            await page.locator('.variant-switch label').nth(1).click();
            expect(await page.locator('.variant-switch input').nth(1).isChecked()).toBe(true);
          },
        },
      ]
    : []),
  ...(withLevels
    ? [
        {
          name: '接待级别原文条目(展开)',
          path: procedurePath(withLevels),
          open: async (page: Page) => {
            await page.locator('.source-items summary').click();
            await page.locator('.source-items li').first().waitFor({ state: 'visible' });
          },
        },
      ]
    : []),
  ...(withChecklist
    ? [
        {
          name: '检查表(已勾选)',
          path: procedurePath(withChecklist),
          open: async (page: Page) => {
            const item = page.locator('.checklist li label').first();
            await item.click();
            expect(await page.locator('.checklist li input').first().isChecked()).toBe(true);
          },
        },
      ]
    : []),
  {
    name: '搜索对话框(有结果)',
    path: '',
    open: async (page) => {
      await page.locator('.search-button').click();
      await page.keyboard.type('叫早');
      // Settled on the whole query: results of a part of it (the search code may arrive mid-typing) would be replaced under axe.
      await page.locator('dialog search-panel[data-state="done"][data-query="叫早"]').waitFor({ state: 'attached' });
      await page.locator('dialog.search-dialog .search-result').first().waitFor({ state: 'visible' });
    },
  },
  {
    name: '演示模式(分支步骤)',
    path: procedurePath({ id: quizzed }),
    open: async (page) => {
      await page.locator('[data-walk="start"]').click();
      await page.locator('dialog.walk-dialog[open]').waitFor();
      const choices = page.locator('[data-walk-choices] button');
      for (let i = 0; i < 20 && (await choices.count()) === 0; i++) await page.keyboard.press('ArrowRight');
      expect(await choices.count()).toBeGreaterThan(1);
    },
  },
  {
    name: '预算计算器(已填写)',
    path: BUDGET,
    open: async (page) => {
      await page.fill('#budget-guests', '12');
      await page.fill('#budget-lunches', '-1');
      await page.locator('sop-budget [data-error="lunches"]').filter({ hasText: /\S/ }).waitFor();
      await page.fill('#budget-lunches', '2');
      await page.locator('sop-budget [data-formula] li').first().waitFor();
    },
  },
  {
    name: '来访日期计划(有提醒)',
    path: PLANNER,
    open: async (page) => {
      await page.clock.setFixedTime(new Date('2026-06-12T09:00:00'));
      await page.reload();
      await page.fill('#visit-date', '2026-06-17');
      await page.locator('sop-visit-planner [data-warnings] li').first().waitFor();
    },
  },
  {
    name: '测验(已作答)',
    path: `quiz/${quizzed}/`,
    open: async (page) => {
      const question = page.locator('.quiz-question').first();
      await question.locator('.quiz-option').first().click();
      await question.locator('.quiz-check').click();
      await question.locator('.quiz-why').waitFor({ state: 'visible' });
    },
  },
  {
    name: '术语释义(已展开)',
    path: procedurePath(plain),
    open: async (page) => {
      await page.locator('main button.term').first().click();
      await page.locator('.term-pop:popover-open').waitFor();
    },
  },
  {
    name: '流程图节点(键盘焦点)',
    path: procedurePath(plain),
    open: async (page) => {
      await page.locator('a.chart-node-link').first().focus();
    },
  },
];

const SCHEMES = ['light', 'dark'] as const;

describe.skipIf(!hasChromium)('accessibility (axe-core)', () => {
  const served = servedInBrowser();

  // Every page checked is built: a page that stopped being built fails here, not silently drops out.
  it('checks pages that the build made', () => {
    expect(PAGES.filter((p) => !built(p.path)).map((p) => p.path)).toEqual([]);
    expect(PAGES.map((p) => p.name)).toEqual(expect.arrayContaining(['首页', '分类页', '流程页', '流程页(有版本)']));
  });

  const cases = [...PAGES, ...COMPONENTS].flatMap((target) => SCHEMES.map((scheme) => [target.name, scheme, target] as const));
  it.each(cases)('%s (%s): no violations', async (_name, scheme, target) => {
    const context = await served.browser.newContext({ viewport: VIEWPORTS[target.viewport ?? 'desktop'], colorScheme: scheme });
    try {
      const page = await context.newPage();
      const response = await page.goto(served.site.url + target.path, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await target.open?.(page);
      const violations = await axeViolations(page);
      expect(violations, `${target.path || '/'}(${scheme}):\n${formatViolations(violations)}`).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
