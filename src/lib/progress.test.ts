import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  LEGACY_PROGRESS_KEY,
  loadProgress,
  markDone,
  parseProgress,
  resetProgress,
  saveProgress,
  today,
} from './progress';
import {
  hasProgress,
  isPassed,
  passMark,
  PASS_RULE,
  itemStatus,
  pathStarted,
  recordQuiz,
  resultText,
  scoreText,
  statusText,
  summarizePath,
  summaryText,
} from './progress-summary';
import { createStore, scopedKey } from './client/storage';
import { memoryStorage } from '../../tests/helpers/memory-storage';

const KEY = scopedKey('/', 'progress');
const stored = (data: unknown) => JSON.stringify({ v: 1, data });

describe('stored progress', () => {
  it('starts empty and round-trips through storage', () => {
    const store = createStore(memoryStorage(), '/');
    expect(loadProgress(store)).toEqual({ progress: emptyProgress(), corrupt: false, dropped: 0 });
    let progress = markDone(emptyProgress(), 'read', 'SOP-CORP-04', '2026-11-27');
    progress = markDone(progress, 'walked', 'SOP-CORP-04', '2026-11-28');
    progress = recordQuiz(progress, 'SOP-CORP-04', { score: 7, total: 8, date: '2026-11-28' });
    expect(saveProgress(store, progress)).toEqual({ ok: true });
    expect(loadProgress(store)).toEqual({ progress, corrupt: false, dropped: 0 });
  });

  it('keeps what is valid when one entry is bad: 3 read, 1 walked, 2 quizzes, one quiz date in another format', () => {
    const good = {
      v: 1,
      read: { A: '2026-11-20', B: '2026-11-21', C: '2026-11-22' },
      walked: { A: '2026-11-21' },
      quiz: { A: { score: 8, total: 8, date: '2026-11-21' }, B: { score: 5, total: 8, date: '2026/11/21' } },
    };
    const storage = memoryStorage({ [KEY]: stored(good) });
    const { progress, corrupt, dropped } = loadProgress(createStore(storage, '/'));
    expect(corrupt).toBe(false);
    expect(dropped).toBe(1);
    expect(progress).toEqual({ ...good, quiz: { A: good.quiz.A } });
    // The cleaned record is stored, so the learner is told once.
    expect(loadProgress(createStore(storage, '/'))).toEqual({ progress, corrupt: false, dropped: 0 });
  });

  it.each([
    ['a bad date', { v: 1, read: { 'SOP-A-01': 'yesterday', B: '2026-01-01' }, walked: {}, quiz: {} }, 1],
    ['a score above the total', { v: 1, read: {}, walked: {}, quiz: { X: { score: 9, total: 8, date: '2026-01-01' } } }, 1],
    ['a date that is no string', { v: 1, read: { A: ['2026-01-01'] }, walked: {}, quiz: {} }, 1],
    ['a quiz without questions', { v: 1, read: {}, walked: {}, quiz: { A: { score: 0, total: 0, date: '2026-01-01' } } }, 1],
    ['a section of the wrong shape', { v: 1, read: 'everything', walked: { A: '2026-01-01' }, quiz: {} }, 1],
  ])('drops only the bad entry for %s', (_name, data, dropped) => {
    const result = loadProgress(createStore(memoryStorage({ [KEY]: stored(data) }), '/'));
    expect(result.corrupt).toBe(false);
    expect(result.dropped).toBe(dropped);
  });

  it.each([
    ['not JSON', '{oops'],
    ['a list', '[]'],
    ['an unknown record version', JSON.stringify({ v: 2, data: { v: 1, read: {}, walked: {}, quiz: {} } })],
    ['not an object', stored('progress')],
  ])('treats %s as corrupt, and resets it', (_name, raw) => {
    const storage = memoryStorage({ [KEY]: raw, other: 'kept' });
    expect(loadProgress(createStore(storage, '/'))).toEqual({ progress: emptyProgress(), corrupt: true, dropped: 0 });
    expect(loadProgress(createStore(storage, '/')).corrupt).toBe(false);
    expect(storage.data.get('other')).toBe('kept');
  });

  it('takes over the progress of a build before scoped keys, so the learner loses nothing', () => {
    const old = { v: 1, read: { A: '2026-11-20' }, walked: {}, quiz: { A: { score: 7, total: 8, date: '2026-11-20' } } };
    const storage = memoryStorage({ [LEGACY_PROGRESS_KEY]: JSON.stringify(old) });
    expect(loadProgress(createStore(storage, '/sop/')).progress).toEqual(old);
    expect(JSON.parse(storage.data.get(scopedKey('/sop/', 'progress'))!)).toEqual({ v: 1, data: old });
    // Cleared progress stays cleared: the old key is not read again.
    resetProgress(createStore(storage, '/sop/'));
    expect(loadProgress(createStore(storage, '/sop/')).progress).toEqual(emptyProgress());
  });

  it('says a save failed, and whether storage was full or not allowed', () => {
    const full = createStore(memoryStorage({}, 20), '/');
    expect(saveProgress(full, markDone(emptyProgress(), 'read', 'SOP-CORP-04', '2026-11-27'))).toEqual({ ok: false, reason: 'full' });
    const refused = createStore(() => {
      throw new DOMException('denied', 'SecurityError');
    }, '/');
    expect(loadProgress(refused)).toEqual({ progress: emptyProgress(), corrupt: false, dropped: 0 });
    expect(saveProgress(refused, emptyProgress())).toEqual({ ok: false, reason: 'blocked' });
    expect(resetProgress(refused)).toEqual({ ok: false, reason: 'blocked' });
  });

  it('parses garbage as unusable', () => {
    expect(parseProgress(null)).toBeUndefined();
    expect(parseProgress({ read: {} })).toEqual({ value: emptyProgress(), dropped: 0 });
  });

  it('keeps the best quiz result, and the newer one on a tie', () => {
    let p = recordQuiz(emptyProgress(), 'A', { score: 5, total: 8, date: '2026-01-01' });
    p = recordQuiz(p, 'A', { score: 8, total: 8, date: '2026-01-02' });
    p = recordQuiz(p, 'A', { score: 6, total: 8, date: '2026-01-03' });
    expect(p.quiz.A).toEqual({ score: 8, total: 8, date: '2026-01-02' });
    p = recordQuiz(p, 'A', { score: 8, total: 8, date: '2026-01-04' });
    expect(p.quiz.A!.date).toBe('2026-01-04');
  });

  it('has one pass mark: 80 % of the questions, rounded up, and isPassed agrees with it', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 10].map(passMark)).toEqual([1, 2, 3, 4, 4, 5, 6, 7, 8]);
    for (let total = 1; total <= 20; total++) {
      expect(isPassed({ score: passMark(total), total, date: '2026-01-01' }), `${total}`).toBe(true);
      expect(isPassed({ score: passMark(total) - 1, total, date: '2026-01-01' }), `${total}`).toBe(false);
    }
    expect(PASS_RULE).toContain('80%');
  });

  it('passes a quiz at 80 %', () => {
    expect(isPassed({ score: 7, total: 8, date: '2026-01-01' })).toBe(true);
    expect(isPassed({ score: 4, total: 5, date: '2026-01-01' })).toBe(true);
    expect(isPassed({ score: 6, total: 8, date: '2026-01-01' })).toBe(false);
    expect(isPassed(undefined)).toBe(false);
  });

  it('writes days as local calendar days', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('path summaries', () => {
  const items = [
    { code: 'A', hasQuiz: true },
    { code: 'B', hasQuiz: true },
    { code: 'DRAFT', hasQuiz: false },
  ];

  it('counts read, walked and passed, and finds the next item', () => {
    let p = emptyProgress();
    expect(hasProgress(p)).toBe(false);
    expect(pathStarted(p, items)).toBe(false);
    expect(summarizePath(p, items)).toEqual({ total: 3, read: 0, walked: 0, quizzes: 2, passed: 0, done: 0, next: 0 });

    p = markDone(p, 'read', 'A', '2026-01-01');
    p = recordQuiz(p, 'A', { score: 8, total: 8, date: '2026-01-01' });
    p = markDone(p, 'read', 'B', '2026-01-01');
    p = recordQuiz(p, 'B', { score: 3, total: 8, date: '2026-01-01' });
    p = markDone(p, 'walked', 'B', '2026-01-01');
    p = markDone(p, 'read', 'DRAFT', '2026-01-01');
    expect(hasProgress(p)).toBe(true);
    expect(pathStarted(p, items)).toBe(true);
    expect(summarizePath(p, items)).toEqual({ total: 3, read: 3, walked: 1, quizzes: 2, passed: 1, done: 2, next: 1 });
    expect(itemStatus(p, items[1]!)).toMatchObject({ read: '2026-01-01', walked: '2026-01-01', passed: false, done: false });
    expect(itemStatus(p, items[2]!).done).toBe(true);

    p = recordQuiz(p, 'B', { score: 7, total: 8, date: '2026-01-02' });
    expect(summarizePath(p, items).next).toBe(-1);
  });

  it('does not count a passed quiz as done without reading or walking through', () => {
    const p = recordQuiz(emptyProgress(), 'A', { score: 8, total: 8, date: '2026-01-01' });
    expect(itemStatus(p, items[0]!)).toMatchObject({ passed: true, done: false });
    expect(itemStatus(markDone(p, 'walked', 'A', '2026-01-02'), items[0]!).done).toBe(true);
  });
});

describe('what the quiz and path pages say', () => {
  const passed = { score: 7, total: 8, date: '2026-01-02' };
  const failed = { score: 3, total: 8, date: '2026-01-01' };

  it('states a result with its date', () => {
    expect(resultText(passed)).toBe('7 / 8 题 · 已通过 · 2026年1月2日');
    expect(resultText(failed)).toBe('3 / 8 题 · 未通过 · 2026年1月1日');
  });

  it('says a score was recorded only when the browser kept it', () => {
    expect(scoreText(passed, 7, { ok: true })).toBe('得分 7 / 8:已通过!成绩已记入学习进度。');
    expect(scoreText(passed, 7, { ok: false, reason: 'full' })).toBe('得分 7 / 8:已通过!成绩未能记入学习进度:存储空间已满。');
    expect(scoreText(failed, 7, { ok: true })).toBe('得分 3 / 8:未通过(需要答对 7 题)。回到流程页看看答错的步骤,再试一次。');
    const blocked = scoreText(failed, 7, { ok: false, reason: 'blocked' });
    expect(blocked).toContain('成绩未能记入学习进度:此浏览器不允许');
    expect(blocked).not.toContain('成绩已记入');
  });

  it('sums up a path, counting quizzes only where there are any', () => {
    const s = { total: 3, read: 3, walked: 1, quizzes: 2, passed: 1, done: 2, next: 1 };
    expect(summaryText(s)).toBe('已完成 2 / 3 项(已读 3 · 已走查 1 · 测验通过 1 / 2)');
    expect(summaryText({ ...s, quizzes: 0, passed: 0 })).toBe('已完成 2 / 3 项(已读 3 · 已走查 1)');
  });

  it('lists what was done on an item and when, or that it is not started', () => {
    const item = { code: 'A', hasQuiz: true };
    let p = emptyProgress();
    expect(statusText(itemStatus(p, item))).toBe('尚未开始');
    p = markDone(p, 'read', 'A', '2026-01-01');
    p = recordQuiz(p, 'A', failed);
    expect(statusText(itemStatus(p, item))).toBe('✓ 已读(2026年1月1日) · 测验未通过 3 / 8(2026年1月1日)');
    p = markDone(p, 'walked', 'A', '2026-01-02');
    p = recordQuiz(p, 'A', passed);
    expect(statusText(itemStatus(p, item))).toBe(
      '✓ 已读(2026年1月1日) · ✓ 已走查(2026年1月2日) · ✓ 测验已通过 7 / 8(2026年1月2日)',
    );
  });
});
