// Interactive checklists in Chromium: ticking, keeping ticks across reloads,
// clearing, conditional items, content edits, bad storage and printing.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, VIEWPORTS, servedInBrowser } from '../helpers/browser';
import { loadProcedures } from '../helpers/procedures';
import { checklistSpec, legacyStorageKey, serializeState, storageKey as recordName } from '../../src/lib/checklist-state';
import { scopedKey } from '../../src/lib/client/storage';
import { fillStorage } from '../helpers/fill-storage';

/** Where the site at / keeps a checklist, and a stored value as it writes it. */
const storageKey = (code: string, checklistId: string) => scopedKey('/', recordName(code, checklistId));
const record = (state: string) => JSON.stringify({ v: 1, data: JSON.parse(state) });

const procedures = loadProcedures();
const withChecklists = procedures.filter((p) => p.data.checklists.length > 0);
const find = (procedureId: string, checklistId: string) => {
  const procedure = procedures.find((p) => p.id === procedureId)!;
  return { procedure, checklist: procedure.data.checklists.find((c) => c.id === checklistId)! };
};

// The checklists the content brief asks for; each must exist and work.
const REQUIRED = [
  ['corporate/sales-visit-reception', 'meeting-room-setup'],
  ['corporate/sales-visit-reception', 'pre-visit-arrangements'],
  ['corporate/external-reception-rules', 'pre-visit-confirmation'],
  ['property/sales-preparation', 'sales-kit-folder'],
  ['property/sales-preparation', 'sales-kit-support'],
  ['spa/restaurant', 'pre-shift-checks'],
  ['spa/guest-rooms', 'checkout-inspection'],
  ['hotel/group-check-in', 'group-check-in'],
] as const;

const SALES = 'corporate/sales-visit-reception';
const ARRANGEMENTS = '#checklist-pre-visit-arrangements';

describe.skipIf(!hasChromium)('checklists in Chromium', () => {
  const served = servedInBrowser();

  /** A fresh context (empty localStorage) and a page that records script errors. */
  async function open(path: string, setup?: (context: BrowserContext) => Promise<unknown>) {
    const context = await served.browser.newContext({ viewport: VIEWPORTS.desktop });
    await setup?.(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${served.site.url}procedures/${path}/`);
    await page.waitForFunction(() => customElements.get('sop-checklist') !== undefined);
    return { page, context, errors };
  }

  const box = (page: Page, checklistId: string, itemId: string) => page.locator(`#check-${checklistId}-${itemId}`);
  const progressText = (page: Page, checklistId: string) =>
    page.locator(`#checklist-${checklistId} [data-progress]`).textContent();

  it('every checklist the brief lists is on its page', () => {
    for (const [procedureId, checklistId] of REQUIRED) {
      expect(find(procedureId, checklistId).checklist, `${procedureId} ${checklistId}`).toBeDefined();
    }
  });

  it.each(withChecklists.map((p) => [p.id, p] as const))('%s: tick, reload, still ticked, clear with confirmation', async (_id, p) => {
    const { page, context, errors } = await open(p.id);
    for (const checklist of p.data.checklists) {
      const first = checklist.items.find((i) => !i.when)!;
      const last = [...checklist.items].reverse().find((i) => !i.when)!;
      // Choices (需要…: items others depend on) are not work, and never counted.
      const choices = new Set(checklist.items.filter((i) => !i.when && checklist.items.some((j) => j.when === i.id)).map((i) => i.id));
      const unconditional = checklist.items.filter((i) => !i.when && !choices.has(i.id)).length;
      expect(await progressText(page, checklist.id)).toBe(`已完成 0 / ${unconditional} 项`);
      await box(page, checklist.id, first.id).check();
      await box(page, checklist.id, last.id).check();
      const ticked = new Set([first.id, last.id]);
      // Ticking an item reveals the items that depend on it.
      const revealed = checklist.items.filter((i) => i.when && ticked.has(i.when)).length;
      const done = [...ticked].filter((id) => !choices.has(id)).length;
      expect(await progressText(page, checklist.id)).toBe(`已完成 ${done} / ${unconditional + revealed} 项`);
    }
    await page.reload();
    await page.waitForFunction(() => customElements.get('sop-checklist') !== undefined);
    for (const checklist of p.data.checklists) {
      const first = checklist.items.find((i) => !i.when)!;
      expect(await box(page, checklist.id, first.id).isChecked(), `${checklist.id} kept after reload`).toBe(true);
      const stored = await page.evaluate((key) => localStorage.getItem(key), storageKey(p.data.code, checklist.id));
      expect(stored).not.toBeNull();
      // Only ids and hashes are stored, never item text.
      expect(stored).not.toContain(first.text);

      const section = page.locator(`#checklist-${checklist.id}`);
      await section.locator('[data-clear]').click();
      expect(await section.locator('[data-confirm]').isVisible()).toBe(true);
      expect(await box(page, checklist.id, first.id).isChecked(), 'nothing cleared before confirming').toBe(true);
      await section.locator('[data-confirm-yes]').click();
      expect(await box(page, checklist.id, first.id).isChecked()).toBe(false);
      expect(await progressText(page, checklist.id)).toMatch(/^已完成 0 \/ \d+ 项$/);
    }
    await page.reload();
    for (const checklist of p.data.checklists) {
      const first = checklist.items.find((i) => !i.when)!;
      expect(await box(page, checklist.id, first.id).isChecked(), `${checklist.id} stays cleared`).toBe(false);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cancelling the clear (button or Escape) keeps the ticks; ticking works from the keyboard', async () => {
    const { page, context } = await open(SALES);
    await box(page, 'meeting-room-setup', 'water').focus();
    await page.keyboard.press('Space');
    expect(await box(page, 'meeting-room-setup', 'water').isChecked()).toBe(true);
    const section = page.locator('#checklist-meeting-room-setup');
    await section.locator('[data-clear]').click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await page.keyboard.press('Enter');
    expect(await section.locator('[data-confirm]').isVisible()).toBe(false);
    expect(await box(page, 'meeting-room-setup', 'water').isChecked()).toBe(true);
    await section.locator('[data-clear]').click();
    await page.keyboard.press('Escape');
    expect(await section.locator('[data-confirm]').isVisible()).toBe(false);
    expect(await box(page, 'meeting-room-setup', 'water').isChecked()).toBe(true);
    await context.close();
  });

  it('conditional items appear and disappear with the item they depend on', async () => {
    const { page, context } = await open(SALES);
    const prepareGift = page.locator(`${ARRANGEMENTS} li[data-item="prepare-gift"]`);
    expect(await prepareGift.isVisible()).toBe(false);
    // The four 需要… items are choices: only the two tasks count.
    expect(await progressText(page, 'pre-visit-arrangements')).toBe('已完成 0 / 2 项');

    await box(page, 'pre-visit-arrangements', 'need-gift').check();
    expect(await prepareGift.isVisible()).toBe(true);
    expect(await progressText(page, 'pre-visit-arrangements')).toBe('已完成 0 / 3 项');
    await box(page, 'pre-visit-arrangements', 'prepare-gift').check();
    expect(await progressText(page, 'pre-visit-arrangements')).toBe('已完成 1 / 3 项');

    // Kept across a reload, condition and all.
    await page.reload();
    expect(await prepareGift.isVisible()).toBe(true);
    expect(await box(page, 'pre-visit-arrangements', 'prepare-gift').isChecked()).toBe(true);

    // Unticking the condition hides the item, which no longer counts, but keeps its tick.
    await box(page, 'pre-visit-arrangements', 'need-gift').uncheck();
    expect(await prepareGift.isVisible()).toBe(false);
    expect(await progressText(page, 'pre-visit-arrangements')).toBe('已完成 0 / 2 项');
    await page.reload();
    await box(page, 'pre-visit-arrangements', 'need-gift').check();
    expect(await prepareGift.isVisible()).toBe(true);
    expect(await box(page, 'pre-visit-arrangements', 'prepare-gift').isChecked()).toBe(true);

    // A visit that needs no table cards, fruit, gifts or meals is complete with the two tasks.
    await box(page, 'pre-visit-arrangements', 'need-gift').uncheck();
    await box(page, 'pre-visit-arrangements', 'visitor-info').check();
    await box(page, 'pre-visit-arrangements', 'asked-manager').check();
    expect(await progressText(page, 'pre-visit-arrangements')).toBe('已完成 2 / 2 项');
    expect(await page.locator('#checklist-pre-visit-arrangements [data-progress]').getAttribute('class')).toContain('complete');

    // The other conditions are independent.
    expect(await page.locator(`${ARRANGEMENTS} li[data-item="book-restaurant"]`).isVisible()).toBe(false);
    await context.close();
  });

  it('the 1.3.3 and 1.4.4 conditional items of the pre-visit confirmation work too', async () => {
    const { page, context } = await open('corporate/external-reception-rules');
    const notify = page.locator('#checklist-pre-visit-confirmation li[data-item="notify-gm-office"]');
    expect(await notify.isVisible()).toBe(false);
    await box(page, 'pre-visit-confirmation', 'president-attends').check();
    expect(await notify.isVisible()).toBe(true);
    await context.close();
  });

  it('after a content edit, ticks of removed and reworded items are dropped and new items start unticked', async () => {
    const { procedure, checklist } = find(SALES, 'meeting-room-setup');
    const [a, b, c] = checklist.items;
    // The list as an older version had it: one item that no longer exists, one worded differently, one missing.
    const older = checklistSpec([
      { id: a!.id, text: a!.text },
      { id: b!.id, text: `${b!.text}(旧措辞)` },
      { id: 'removed-item', text: '已删除的条目' },
    ]);
    const key = storageKey(procedure.data.code, checklist.id);
    const value = record(serializeState(older, new Set([a!.id, b!.id, 'removed-item'])));
    const { page, context, errors } = await open(SALES, (ctx) =>
      ctx.addInitScript(([k, v]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(k!, v!);
          sessionStorage.setItem('seeded', '1');
        }
      }, [key, value]),
    );
    const section = page.locator('#checklist-meeting-room-setup');
    expect(await section.locator('[data-notice]').textContent()).toContain('内容已更新');
    expect(await box(page, checklist.id, a!.id).isChecked()).toBe(true);
    expect(await box(page, checklist.id, b!.id).isChecked()).toBe(false);
    expect(await box(page, checklist.id, c!.id).isChecked()).toBe(false);
    expect(await progressText(page, checklist.id)).toBe(`已完成 1 / ${checklist.items.length} 项`);
    // The cleaned state is saved, so the notice shows once.
    await page.reload();
    expect(await section.locator('[data-notice]').isVisible()).toBe(false);
    expect(await box(page, checklist.id, a!.id).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    ['corrupt JSON', '{"format":1,"version":'],
    ['a foreign value', '"hello from another app"'],
    ['a value of the wrong shape', record(JSON.stringify({ format: 1, version: 'x', checked: 'all' }))],
  ])('%s in storage resets that checklist with a notice, never a broken page', async (_name, raw) => {
    const { procedure, checklist } = find(SALES, 'meeting-room-setup');
    const key = storageKey(procedure.data.code, checklist.id);
    const otherKey = storageKey(procedure.data.code, 'pre-visit-arrangements');
    const { page, context, errors } = await open(SALES, (ctx) =>
      ctx.addInitScript(([k, v, other, good]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(k!, v!);
          localStorage.setItem(other!, good!);
          sessionStorage.setItem('seeded', '1');
        }
      }, [key, raw, otherKey, record(serializeState(checklistSpec(find(SALES, 'pre-visit-arrangements').checklist.items), new Set(['visitor-info'])))]),
    );
    const notice = page.locator('#checklist-meeting-room-setup [data-notice]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('已清空重来');
    expect(await page.locator('#checklist-meeting-room-setup input:checked').count()).toBe(0);
    // The other checklist on the page is untouched.
    expect(await box(page, 'pre-visit-arrangements', 'visitor-info').isChecked()).toBe(true);
    expect(await page.locator('#checklist-pre-visit-arrangements [data-notice]').isVisible()).toBe(false);
    // The list still works, and the bad value is gone.
    expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key))!).data.checked).toEqual({});
    await box(page, checklist.id, 'water').check();
    expect(await progressText(page, checklist.id)).toBe(`已完成 1 / ${checklist.items.length} 项`);
    await notice.locator('button').click();
    expect(await notice.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('still works, with a notice, where the browser refuses storage', async () => {
    const { page, context, errors } = await open(SALES, (ctx) =>
      ctx.addInitScript(() => {
        const refuse = () => {
          throw new DOMException('denied', 'SecurityError');
        };
        Object.defineProperty(window, 'localStorage', { get: refuse });
      }),
    );
    const notice = await page.locator('#checklist-meeting-room-setup [data-notice]').textContent();
    expect(notice).toContain('此浏览器不允许网页保存数据');
    expect(notice).not.toContain('已满');
    await box(page, 'meeting-room-setup', 'water').check();
    expect(await progressText(page, 'meeting-room-setup')).toMatch(/^已完成 1 \//);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with storage full, a tick says it was not saved, and that storage is full', async () => {
    const { page, context, errors } = await open(SALES);
    await fillStorage(page);
    await box(page, 'meeting-room-setup', 'water').check();
    const notice = page.locator('#checklist-meeting-room-setup [data-notice]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('存储空间已满,勾选未能保存');
    expect(await notice.textContent()).not.toContain('不允许');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the ticks a reader made before keys were scoped to the deployment', async () => {
    const { procedure, checklist } = find(SALES, 'meeting-room-setup');
    const old = serializeState(checklistSpec(checklist.items), new Set(['water']));
    const { page, context, errors } = await open(SALES, (ctx) =>
      ctx.addInitScript(([k, v]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(k!, v!);
          sessionStorage.setItem('seeded', '1');
        }
      }, [legacyStorageKey(procedure.data.code, checklist.id), old]),
    );
    expect(await box(page, checklist.id, 'water').isChecked()).toBe(true);
    expect(await page.locator('#checklist-meeting-room-setup [data-notice]').isVisible()).toBe(false);
    const stored = await page.evaluate((k) => localStorage.getItem(k), storageKey(procedure.data.code, checklist.id));
    expect(JSON.parse(stored!).data.checked).toHaveProperty('water');
    // Unticked and reloaded: the old key does not bring the tick back.
    await box(page, checklist.id, 'water').uncheck();
    await page.reload();
    expect(await box(page, checklist.id, 'water').isChecked()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints empty boxes with every item by default, or the ticks when chosen', async () => {
    const { page, context } = await open(SALES);
    await box(page, 'pre-visit-arrangements', 'need-gift').check();
    await box(page, 'pre-visit-arrangements', 'visitor-info').check();
    const section = page.locator(ARRANGEMENTS);
    const tickMark = (itemId: string) =>
      box(page, 'pre-visit-arrangements', itemId).evaluate((el) => getComputedStyle(el, '::before').content);

    await page.emulateMedia({ media: 'print' });
    expect(await section.locator('[data-tools]').isVisible()).toBe(false);
    expect(await section.locator('[data-progress]').isVisible()).toBe(false);
    // A blank form: conditional items included, no ticks drawn.
    expect(await section.locator('li[data-item="book-restaurant"]').isVisible()).toBe(true);
    expect(await tickMark('visitor-info')).toBe('none');

    await page.emulateMedia({ media: 'screen' });
    await section.locator('[data-print-ticked]').check();
    await page.emulateMedia({ media: 'print' });
    expect(await tickMark('visitor-info')).toBe('"✓"');
    expect(await tickMark('asked-manager')).toBe('none');
    // Printing what was done: items whose condition is unticked stay out.
    expect(await section.locator('li[data-item="book-restaurant"]').isVisible()).toBe(false);
    expect(await section.locator('li[data-item="prepare-gift"]').isVisible()).toBe(true);
    await context.close();
  });
});
