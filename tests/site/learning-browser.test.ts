// Learning in Chromium: taking a quiz with feedback, progress that survives a
// reload and shows on the path and home pages, a reset, and corrupt storage.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, VIEWPORTS, servedInBrowser } from '../helpers/browser';
import { contentPaths, contentProcedures } from '../helpers/quizzes';
import { scopedKey } from '../../src/lib/client/storage';
import { isDraft } from '../../src/lib/procedure/status';
import { fillStorage } from '../helpers/fill-storage';

const KEY = scopedKey('/', 'progress');
/** A stored progress record as the site writes it. */
const record = (progress: unknown) => JSON.stringify({ v: 1, data: progress });
const procedures = contentProcedures();
const lobby = procedures.find((p) => p.id === 'spa/lobby-shoe-bar')!;
const spaPath = contentPaths().find((p) => p.items.some((i) => i.code === lobby.data.code))!;
const shown = (spoken: boolean, text: string) => (spoken ? `“${text}”` : text);

describe.skipIf(!hasChromium)('learning in Chromium', () => {
  const served = servedInBrowser();

  /** A fresh page (own storage); page errors are collected. */
  async function open(path: string, viewport: (typeof VIEWPORTS)[keyof typeof VIEWPORTS] = VIEWPORTS.desktop) {
    const page = await served.browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.site.url + path);
    return { page, errors };
  }

  const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);
  /** The progress inside the stored record. */
  const storedProgress = async (page: Page) => JSON.parse((await stored(page)) ?? 'null')?.data;

  it('takes a quiz: the generated questions, feedback with a link to the step, a score that is stored', async () => {
    const { page, errors } = await open(`quiz/${lobby.id}/`, VIEWPORTS.phone);
    const items = page.locator('.quiz-question');
    expect(await items.count()).toBe(lobby.quiz.length);

    for (const [i, q] of lobby.quiz.entries()) {
      const item = items.nth(i);
      expect(await item.locator('legend').textContent()).toContain(q.prompt);
      expect(await item.locator('.quiz-option span').allTextContents()).toEqual(q.options.map((o) => shown(q.spoken, o)));
      // The first answer wrong, the rest right (from the generator, not from the page).
      const pick = i === 0 ? (q.answer + 1) % q.options.length : q.answer;
      if (i === 1) {
        // By keyboard: arrows move through the options, Tab reaches the button.
        await item.locator('input').first().focus();
        await page.keyboard.press('Space');
        for (let k = 0; k < pick; k++) await page.keyboard.press('ArrowDown');
        expect(await item.locator(`input[value="${pick}"]`).isChecked()).toBe(true);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
      } else {
        await item.locator('.quiz-option').nth(pick).click();
        await item.locator('.quiz-check').click();
      }
      const verdict = item.locator('.quiz-verdict');
      if (i === 0) {
        expect(await verdict.textContent()).toBe(`✗ 不对。正确答案是:${shown(q.spoken, q.options[q.answer]!)}`);
        expect(await item.locator('.quiz-option.is-wrong span').textContent()).toBe(shown(q.spoken, q.options[pick]!));
      } else {
        expect(await verdict.textContent()).toBe('✓ 回答正确。');
      }
      expect(await item.locator('.quiz-option.is-right span').textContent()).toBe(shown(q.spoken, q.options[q.answer]!));
      expect(await item.locator('.quiz-why').isVisible()).toBe(true);
      expect(await item.locator('.quiz-why').textContent()).toContain(q.explanation);
      expect(await item.locator('.quiz-why a').getAttribute('href')).toBe(`/procedures/${lobby.id}/#${q.anchor}`);
      expect(await item.locator('input:not(:disabled)').count()).toBe(0);
    }

    const total = lobby.quiz.length;
    const score = page.locator('.quiz-score');
    expect(await score.isVisible()).toBe(true);
    expect(await score.textContent()).toContain(`得分 ${total - 1} / ${total}:已通过`);
    expect(await score.textContent()).toContain('成绩已记入学习进度');
    const saved = await storedProgress(page);
    expect(saved.quiz[lobby.data.code]).toMatchObject({ score: total - 1, total });

    // The "why" link lands on the step.
    await page.locator('.quiz-why a').first().click();
    await page.waitForURL(`**/procedures/${lobby.id}/#${lobby.quiz[0]!.anchor}`);
    expect(await page.locator(`#${lobby.quiz[0]!.anchor}`).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reshuffles for another try, with every answer open again', async () => {
    const { page } = await open(`quiz/${lobby.id}/`);
    for (const item of await page.locator('.quiz-question').all()) {
      await item.locator('input').first().check();
      await item.locator('.quiz-check').click();
    }
    const before = await page.locator('.quiz-question').evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-id')}:${[...el.querySelectorAll('input')].map((i) => i.value).join('')}`),
    );
    await page.locator('.quiz-retry').click();
    const after = await page.locator('.quiz-question').evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-id')}:${[...el.querySelectorAll('input')].map((i) => i.value).join('')}`),
    );
    expect([...after].sort()).not.toEqual([...before].sort()); // options moved
    expect(after.map((a) => a.split(':')[0]).sort()).toEqual(before.map((b) => b.split(':')[0]).sort()); // same questions
    expect(await page.locator('input:disabled').count()).toBe(0);
    expect(await page.locator('input:checked').count()).toBe(0);
    expect(await page.locator('.quiz-why:visible').count()).toBe(0);
    expect(await page.locator('.quiz-result').isVisible()).toBe(false);
    await page.close();
  });

  it('records reading and walking through, and the path and home pages show it after a reload', async () => {
    const { page, errors } = await open(`procedures/${lobby.id}/`);
    expect(await stored(page)).toBeNull();
    await page.locator('.learning-box').scrollIntoViewIfNeeded();
    await page.waitForFunction((key) => localStorage.getItem(key)?.includes('"read"'), KEY);
    // The walkthrough (another feature) announces the end of a walk like this.
    await page.evaluate((code) => {
      document.dispatchEvent(new CustomEvent('sop:walkthrough-complete', { detail: { code } }));
    }, lobby.data.code);
    const saved = await storedProgress(page);
    expect(Object.keys(saved.read)).toEqual([lobby.data.code]);
    expect(Object.keys(saved.walked)).toEqual([lobby.data.code]);

    await page.goto(`${served.site.url}paths/${spaPath.id}/`);
    const item = page.locator(`.path-item[data-code="${lobby.data.code}"]`);
    expect(await item.locator('.path-status').textContent()).toMatch(/✓ 已读\(\d{4}年\d+月\d+日\) · ✓ 已走查/);
    expect(await page.locator('.path-summary-line').textContent()).toContain(`已读 1`);
    await page.reload();
    expect(await item.locator('.path-status').textContent()).toContain('✓ 已读');

    // The home page greets the returning learner with the started path.
    await page.goto(served.site.url);
    const panel = page.locator('sop-home-progress');
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.locator('sop-path-progress:visible').count()).toBe(1);
    expect(await panel.locator('sop-path-progress:visible .path-next a').textContent()).toBe(lobby.data.title); // quiz not passed yet
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the home page plain for a first visit', async () => {
    const { page } = await open('');
    expect(await page.locator('sop-home-progress').isVisible()).toBe(false);
    await page.close();
  });

  it('resets progress on request', async () => {
    const { page } = await open(`paths/${spaPath.id}/`);
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [KEY, record({ v: 1, read: { [lobby.data.code]: '2026-11-27' }, walked: {}, quiz: {} })],
    );
    await page.reload();
    const status = page.locator(`.path-item[data-code="${lobby.data.code}"] .path-status`);
    expect(await status.textContent()).toContain('已读');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('[data-progress-reset]').click();
    expect(await status.textContent()).toBe('尚未开始');
    expect(await page.locator('[data-reset-status]').textContent()).toBe('学习进度已清除。');
    expect(await storedProgress(page)).toEqual({ v: 1, read: {}, walked: {}, quiz: {} });
    await page.close();
  });

  it.each(['{not json', JSON.stringify({ v: 99, data: {} }), record('everything')])(
    'resets corrupt stored progress (%s) with a notice, never a broken page',
    async (corrupt) => {
      const { page, errors } = await open(`paths/${spaPath.id}/`);
      await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, corrupt]);
      await page.reload();
      const notice = page.locator('.progress-notice');
      expect(await notice.count()).toBe(1);
      expect(await notice.textContent()).toBe('学习进度记录已损坏,已重置。');
      expect(await storedProgress(page)).toEqual({ v: 1, read: {}, walked: {}, quiz: {} });
      expect(await page.locator('.path-status').first().textContent()).toBe('尚未开始');
      // The next visit is clean again: no notice.
      await page.reload();
      expect(await page.locator('.progress-notice').count()).toBe(0);

      // A procedure page resets it on arrival, before the reader scrolls to the end, and still records the reading.
      await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, corrupt]);
      await page.goto(`${served.site.url}procedures/${lobby.id}/`);
      expect(await page.locator('.learning-box').isVisible()).toBe(true);
      expect(await page.locator('.learning-box').evaluate((el) => el.getBoundingClientRect().top > innerHeight)).toBe(true);
      expect(await page.locator('.progress-notice').count()).toBe(1);
      await page.locator('.learning-box').scrollIntoViewIfNeeded();
      // Wait for the reading to be recorded (the corrupt value may itself contain "read").
      await page.waitForFunction(
        ([key, code]) => {
          try {
            return typeof JSON.parse(localStorage.getItem(key!) ?? 'null')?.data?.read?.[code!] === 'string';
          } catch {
            return false;
          }
        },
        [KEY, lobby.data.code],
      );
      expect(await page.locator('.progress-notice').count()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('one bad entry drops only that entry: the rest of the progress stays, with a notice', async () => {
    const [a, b, c] = spaPath.items;
    const progress = {
      v: 1,
      read: { [a!.code]: '2026-11-20', [b!.code]: '2026-11-21', [c!.code]: '2026-11-22' },
      walked: { [a!.code]: '2026-11-21' },
      quiz: { [a!.code]: { score: 8, total: 8, date: '2026-11-21' }, [b!.code]: { score: 5, total: 8, date: '2026/11/21' } },
    };
    const { page, errors } = await open(`paths/${spaPath.id}/`);
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, record(progress)]);
    await page.reload();
    expect(await page.locator('.progress-notice').textContent()).toBe('学习进度中有 1 条记录已损坏,已删除;其余已保留。');
    expect(await page.locator(`.path-item[data-code="${c!.code}"] .path-status`).textContent()).toContain('✓ 已读');
    expect(await page.locator(`.path-item[data-code="${a!.code}"] .path-status`).textContent()).toContain('测验已通过');
    expect(await storedProgress(page)).toEqual({ ...progress, quiz: { [a!.code]: progress.quiz[a!.code] } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with storage full, a finished quiz says its score was not saved, and why', async () => {
    const { page, errors } = await open(`quiz/${lobby.id}/`);
    await fillStorage(page);
    for (const [i, q] of lobby.quiz.entries()) {
      const item = page.locator('.quiz-question').nth(i);
      await item.locator('.quiz-option').nth(q.answer).click();
      await item.locator('.quiz-check').click();
    }
    const score = page.locator('.quiz-score');
    expect(await score.textContent()).toContain('已通过');
    expect(await score.textContent()).not.toContain('成绩已记入学习进度');
    expect(await score.textContent()).toContain('成绩未能记入学习进度:存储空间已满。');
    expect(await page.locator('.progress-notice').textContent()).toBe('存储空间已满,学习进度未能保存。');
    expect(await storedProgress(page)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('where the browser refuses storage, a finished quiz says so, not "full"', async () => {
    const context = await served.browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get: () => {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    await page.goto(`${served.site.url}quiz/${lobby.id}/`);
    for (const [i, q] of lobby.quiz.entries()) {
      const item = page.locator('.quiz-question').nth(i);
      await item.locator('.quiz-option').nth(q.answer).click();
      await item.locator('.quiz-check').click();
    }
    const text = await page.locator('.quiz-score').textContent();
    expect(text).toContain('成绩未能记入学习进度:此浏览器不允许网页保存数据');
    expect(text).not.toContain('已满');
    await context.close();
  });

  it('fits the learning pages on a phone', async () => {
    const page = await served.browser.newPage({ viewport: VIEWPORTS.phone });
    for (const path of ['paths/', `paths/${spaPath.id}/`, `quiz/${lobby.id}/`, `trainer/paths/${spaPath.id}/`, 'trainer/']) {
      await page.goto(served.site.url + path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), path).toBe(true);
    }
    await page.close();
  });

  it('a draft made of template steps offers no quiz, and its page says why', async () => {
    const draft = procedures.find((p) => isDraft(p.data) && p.quiz.length === 0)!;
    const { page } = await open(`procedures/${draft.id}/`);
    await expect.poll(() => page.locator('.learning-box').textContent()).toContain('暂不出自测题');
    expect(await page.locator('.learning-box a.learning-quiz-link').count()).toBe(0);
    await page.close();
  });
});
