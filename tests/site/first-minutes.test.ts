// Each user's first ten minutes (issue 18): the front desk on a phone (search
// from home and 404, steps near the top, terms explained in place, finger-
// sized menu), the new hire (role pages, quizzes, the 版本 choice), the
// trainer (演示模式 from the trainer page, its keys). Built pages and Chromium.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, servedInBrowser } from '../helpers/browser';
import { pageText, readPage } from '../helpers/dist';
import { parse, select, text as textContent } from '../helpers/dom';
import { loadProcedures } from '../helpers/procedures';
import { contentProcedures } from '../helpers/quizzes';
import { readYamlList } from '../helpers/content-files';
import { paths } from '../../src/lib/urls';

const procedures = loadProcedures();
const quizzes = contentProcedures();
const roles = readYamlList('roles.yaml') as { id: string; name: string }[];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const BATH = procedures.find((p) => p.data.variants.length > 1)!;
// A page's text as the DOM has it (entities decoded), whitespace squashed.
const text = (html: string) => textContent(parse(html)).replace(/\s+/g, ' ');
const link = (html: string, href: string) => select(html, `a[href=${JSON.stringify(href)}]`);

describe('role pages', () => {
  it('list every procedure that names the role, and say plainly when it has no step there', () => {
    for (const role of roles) {
      const html = readPage(paths.role(role.id));
      for (const p of procedures.filter((x) => x.data.roles.includes(role.name))) {
        expect(link(html, `/${paths.procedure(p.id)}`), `${role.name}: ${p.id}`).toBeDefined();
        const own = p.data.steps.filter((s) => s.role === role.name);
        if (own.length === 0) expect(text(html), `${role.name}: ${p.id}`).toContain(`本流程把“${role.name}”列为角色,但没有把任何步骤指派给它`);
        for (const step of own) expect(select(html, `a[href=${JSON.stringify(`/${paths.procedure(p.id)}#step-${step.id}`)}]`), step.id).toBeDefined();
      }
    }
  });

  it('/roles/ never says "0 步" for a role a procedure names', () => {
    const html = text(readPage(paths.roles()));
    expect(html).not.toMatch(/(^|\D)0 步/);
    const named = roles.filter((r) => procedures.some((p) => p.data.roles.includes(r.name)));
    expect(named.length).toBeGreaterThan(0);
    for (const role of named) {
      const count = procedures.filter((p) => p.data.roles.includes(role.name) || p.data.steps.some((s) => s.role === role.name)).length;
      expect(html, role.name).toMatch(new RegExp(`${role.name}\\s*${count} 个流程`));
    }
  });
});

describe('the trainer page', () => {
  it('lists every procedure with 演示模式, keys and remotes, and the quiz sheets', () => {
    const html = readPage(paths.trainer());
    for (const p of procedures) {
      const start = (p.data.steps.find((s) => s.kind === 'start') ?? p.data.steps[0]!).id;
      expect(link(html, `/${paths.procedure(p.id)}?walk=${start}`), p.id).toBeDefined();
      const quiz = quizzes.find((q) => q.id === p.id)!.quiz;
      expect(link(html, `/${paths.quizSheet(p.id)}`) !== undefined, p.id).toBe(quiz.length > 0);
    }
    // Said on the page, not just in a script's key map.
    expect(pageText(html)).toContain('PageDown');
    expect(pageText(html)).toContain('翻页笔');
    expect(pageText(readPage(''))).toContain('演示模式');
  });
});

describe('one pass mark', () => {
  it('the quiz, the paths and the sheets state the same rule', () => {
    const rule = '答对 80%(按题数向上取整)';
    expect(text(readPage(paths.learningPaths()))).toContain(rule);
    const withQuiz = quizzes.find((q) => q.quiz.length === 4) ?? quizzes.find((q) => q.quiz.length > 0)!;
    const needed = Math.ceil(withQuiz.quiz.length * 0.8);
    expect(text(readPage(paths.quiz(withQuiz.id)))).toContain(`答对 ${needed} 题及以上即为通过`);
    expect(text(readPage(paths.quizSheet(withQuiz.id)))).toContain(`答对 ${needed} 题及格`);
    expect(text(readPage(paths.procedure(withQuiz.id)))).toContain(`答对 ${needed} 题即为通过`);
  });
});

describe.skipIf(!hasChromium)('first minutes in Chromium', () => {
  const served = servedInBrowser();

  async function open(path: string, viewport = PHONE): Promise<Page> {
    const page = await served.browser.newPage({ viewport });
    await page.goto(served.site.url + path, { waitUntil: 'load' });
    return page;
  }

  it('the home page has a search box that is the header search', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await open('', viewport);
      const box = page.getByRole('searchbox', { name: '搜索流程、步骤和话术' }).first();
      await box.click();
      await page.keyboard.type('叫早');
      const dialog = page.locator('dialog.search-dialog');
      await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
      await expect.poll(() => dialog.locator('input[type="search"]').inputValue()).toBe('叫早');
      await expect.poll(() => dialog.locator('.search-results li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.close();
    }
  });

  it('the 404 page offers search and speaks of no left-hand 目录', async () => {
    const page = await open('no-such-page/');
    expect(await page.locator('main').textContent()).not.toContain('左侧');
    await page.locator('main input[type="search"]').click();
    await page.keyboard.type('押金');
    await expect.poll(() => page.locator('dialog.search-dialog input[type="search"]').inputValue()).toBe('押金');
    await page.close();
  });

  it('phone menu links are at least 44 px tall', async () => {
    const page = await open(paths.procedure(procedures[0]!.id));
    await page.locator('.nav-toggle').click();
    await page.locator('nav.sidebar').waitFor({ state: 'visible' });
    const heights = await page.locator('nav.sidebar a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(procedures.length);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    await page.close();
  });

  it('on a phone every procedure’s steps start within 1.5 screens, with jump links on the first screen', async () => {
    const page = await served.browser.newPage({ viewport: PHONE });
    for (const p of procedures) {
      await page.goto(served.site.url + paths.procedure(p.id), { waitUntil: 'load' });
      const at = await page.evaluate(() => ({
        steps: document.getElementById('steps-title')!.getBoundingClientRect().top + scrollY,
        jump: document.querySelector('.jump-links')!.getBoundingClientRect().bottom + scrollY,
      }));
      expect(at.steps / PHONE.height, p.id).toBeLessThanOrEqual(1.5);
      expect(at.jump, p.id).toBeLessThanOrEqual(PHONE.height);
    }
    // The jump link takes you to the steps; long notes open again.
    const long = procedures.find((p) => p.data.flags.length > 1)!;
    await page.goto(served.site.url + paths.procedure(long.id), { waitUntil: 'load' });
    // Folded from the first paint (a checkbox and its label, no script), opened by the label or by keyboard.
    const toggle = page.locator('.flags + .collapse-toggle');
    const state = page.locator('#open-flags');
    expect(await state.isChecked()).toBe(false);
    const height = () => page.locator('.flags').evaluate((el) => el.getBoundingClientRect().height);
    const collapsed = await height();
    await toggle.click();
    expect(await state.isChecked()).toBe(true);
    expect(await height()).toBeGreaterThan(collapsed);
    await state.focus();
    await page.keyboard.press('Space');
    expect(await height()).toBe(collapsed);
    await page.keyboard.press('Space');
    await page.locator('.jump-links a[href="#steps-title"]').click();
    // At the top of the screen, less the scroll margin the sticky header needs.
    await expect.poll(() => page.evaluate(() => document.getElementById('steps-title')!.getBoundingClientRect().top)).toBeLessThan(120);
    expect(await page.evaluate(() => document.getElementById('steps-title')!.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    await page.close();
  });

  it('a glossary term shows its definition in place, with the glossary link inside, by touch or keyboard', async () => {
    const page = await open(paths.procedure(procedures.find((p) => select(readPage(paths.procedure(p.id)), 'main button.term'))!.id));
    const term = page.locator('main button.term').first();
    const popover = page.locator(`[id="${await term.getAttribute('popovertarget')}"]`);
    const url = page.url();
    await term.click();
    expect(await popover.isVisible()).toBe(true);
    expect(page.url()).toBe(url);
    expect(await popover.locator('a[href*="/glossary/"]').count()).toBe(1);
    const box = await popover.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await page.keyboard.press('Escape');
    expect(await popover.isVisible()).toBe(false);
    await term.focus();
    await page.keyboard.press('Enter');
    expect(await popover.isVisible()).toBe(true);
    await page.close();
  });

  it('a quiz question that wraps stays inside its box on a phone', async () => {
    const quiz = quizzes.find((q) => q.quiz.length > 0)!;
    const page = await open(paths.quiz(quiz.id));
    const outside = await page.locator('.quiz-question').evaluateAll((items) =>
      items.filter((li) => {
        const box = li.querySelector('fieldset')!.getBoundingClientRect();
        const legend = li.querySelector('legend')!.getBoundingClientRect();
        return legend.top < box.top + 1 || legend.left < box.left;
      }).length,
    );
    expect(outside).toBe(0);
    // The 判断 tag is not followed by a question starting with 判断.
    const prompts = await page.locator('.quiz-question legend').allTextContents();
    for (const prompt of prompts) expect(prompt.replace(/\s+/g, '')).not.toMatch(/判断判断/);
    await page.close();
  });

  it('the 版本 choice lives in the address and on the device', async () => {
    const context = await served.browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const path = paths.procedure(BATH.id);
    const [first, second] = BATH.data.variants;
    await page.goto(served.site.url + path, { waitUntil: 'load' });
    await page.getByRole('radio', { name: second!.label }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('variant')).toBe(second!.id);
    await page.reload();
    expect(await page.getByRole('radio', { name: second!.label }).isChecked()).toBe(true);
    // Stored: the bare address opens on the last choice, and says so in the address.
    await page.goto(served.site.url + path, { waitUntil: 'load' });
    await expect.poll(() => page.getByRole('radio', { name: second!.label }).isChecked()).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('variant')).toBe(second!.id);
    // A shared link wins over what another reader stored.
    await page.goto(`${served.site.url}${path}?variant=${first!.id}`, { waitUntil: 'load' });
    await expect.poll(() => page.getByRole('radio', { name: first!.label }).isChecked()).toBe(true);
    const other = await served.browser.newContext({ viewport: DESKTOP });
    const fresh = await other.newPage();
    await fresh.goto(`${served.site.url}${path}?variant=${second!.id}`, { waitUntil: 'load' });
    await expect.poll(() => fresh.getByRole('radio', { name: second!.label }).isChecked()).toBe(true);
    await other.close();
    await context.close();
  });

  it('the trainer page opens 演示模式; inside it "/" does not open search, and in full screen Esc leaves full screen only', async () => {
    const page = await open(paths.trainer(), DESKTOP);
    // Records whether the browser grants full screen (the promise settles either way), so the test waits on that, not on a clock.
    await page.addInitScript(() => {
      const w = window as unknown as { fullscreenOutcome?: boolean };
      const request = Element.prototype.requestFullscreen;
      Element.prototype.requestFullscreen = function (this: Element, options?: FullscreenOptions) {
        const asked = request.call(this, options);
        asked.then(
          () => (w.fullscreenOutcome = true),
          () => (w.fullscreenOutcome = false),
        );
        return asked;
      };
    });
    const p = procedures.find((x) => x.data.steps.some((s) => s.kind === 'decision')) ?? procedures[0]!;
    await page.getByRole('link', { name: `演示模式:${p.data.title}` }).click();
    const walk = page.locator('dialog.walk-dialog');
    // The link loads the procedure page, whose script opens the walk: wait for that, however long the load takes.
    await page.waitForSelector('dialog.walk-dialog[open]');

    await page.keyboard.press('/');
    await page.keyboard.press('Control+k');
    expect(await page.locator('dialog.search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);

    await page.keyboard.press('f');
    await page.waitForFunction(() => (window as unknown as { fullscreenOutcome?: boolean }).fullscreenOutcome !== undefined);
    const granted = await page.evaluate(() => (window as unknown as { fullscreenOutcome: boolean }).fullscreenOutcome);
    expect(granted, 'headless Chromium grants full screen').toBe(true);
    expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.fullscreenElement === null);
    expect(await walk.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => walk.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    // Outside 演示模式, "/" opens search as before.
    await page.keyboard.press('/');
    await expect.poll(() => page.locator('dialog.search-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.close();
  });
});
