import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  loadProgress,
  markDone,
  parseProgress,
  PROGRESS_KEY,
  resetProgress,
  saveProgress,
  today,
  type StorageLike,
} from './progress';
import {
  formatDay,
  hasProgress,
  isPassed,
  passMark,
  PASS_RULE,
  itemStatus,
  pathStarted,
  recordQuiz,
  summarizePath,
} from './progress-summary';

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
  };
}

const broken: StorageLike = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('stored progress', () => {
  it('starts empty and round-trips through storage', () => {
    const storage = memoryStorage();
    expect(loadProgress(storage)).toEqual({ progress: emptyProgress(), corrupt: false });
    let progress = markDone(emptyProgress(), 'read', 'SOP-CORP-04', '2026-11-27');
    progress = markDone(progress, 'walked', 'SOP-CORP-04', '2026-11-28');
    progress = recordQuiz(progress, 'SOP-CORP-04', { score: 7, total: 8, date: '2026-11-28' });
    saveProgress(storage, progress);
    expect(loadProgress(storage)).toEqual({ progress, corrupt: false });
  });

  it.each([
    ['not JSON', '{oops'],
    ['a list', '[]'],
    ['an unknown version', JSON.stringify({ v: 2, read: {}, walked: {}, quiz: {} })],
    ['a bad date', JSON.stringify({ v: 1, read: { 'SOP-A-01': 'yesterday' }, walked: {}, quiz: {} })],
    ['a score above the total', JSON.stringify({ v: 1, read: {}, walked: {}, quiz: { X: { score: 9, total: 8, date: '2026-01-01' } } })],
    ['a missing field', JSON.stringify({ v: 1, read: {}, quiz: {} })],
    ['a date that is no string', JSON.stringify({ v: 1, read: { A: ['2026-01-01'] }, walked: {}, quiz: {} })],
    ['a quiz without questions', JSON.stringify({ v: 1, read: {}, walked: {}, quiz: { A: { score: 0, total: 0, date: '2026-01-01' } } })],
  ])('treats %s as corrupt, and removes it', (_name, raw) => {
    const storage = memoryStorage({ [PROGRESS_KEY]: raw, other: 'kept' });
    expect(loadProgress(storage)).toEqual({ progress: emptyProgress(), corrupt: true });
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
    expect(storage.data.get('other')).toBe('kept');
  });

  it('survives a browser that refuses storage, without calling it corrupt', () => {
    expect(loadProgress(broken)).toEqual({ progress: emptyProgress(), corrupt: false });
    expect(() => saveProgress(broken, emptyProgress())).not.toThrow();
    expect(() => resetProgress(broken)).not.toThrow();
    expect(loadProgress(undefined).corrupt).toBe(false);
  });

  it('parses null as a first visit and garbage as corrupt', () => {
    expect(parseProgress(null)).toEqual(emptyProgress());
    expect(parseProgress('null')).toBeUndefined();
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

  it('writes days as local calendar days and as Chinese dates', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(formatDay('2026-01-05')).toBe('2026年1月5日');
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
