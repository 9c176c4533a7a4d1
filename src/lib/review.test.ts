import { describe, expect, it } from 'vitest';
import { addMonths, nextReviewDate, reviewIssues, reviewStatus, today } from './review';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (date: Date | undefined) => date?.toISOString().slice(0, 10);

describe('review dates', () => {
  it('adds calendar months, keeping the last day of a short month', () => {
    expect(iso(addMonths(d('2026-01-31'), 1))).toBe('2026-02-28');
    expect(iso(addMonths(d('2026-11-27'), 12))).toBe('2027-11-27');
    expect(iso(addMonths(d('2026-08-15'), 6))).toBe('2027-02-15');
  });

  it('takes nextReview, else reviewed + the interval, else none', () => {
    expect(iso(nextReviewDate({ reviewed: d('2026-01-01'), nextReview: d('2026-03-01') }))).toBe('2026-03-01');
    expect(iso(nextReviewDate({ reviewed: d('2026-01-01'), reviewEveryMonths: 6 }))).toBe('2026-07-01');
    expect(nextReviewDate({ reviewed: d('2026-01-01') })).toBeUndefined();
  });

  it('is overdue only once the date has passed, and soon within 30 days', () => {
    const data = { reviewed: d('2026-01-01'), nextReview: d('2026-06-30') };
    expect(reviewStatus(data, d('2026-07-01'))).toMatchObject({ state: 'overdue', days: -1 });
    expect(reviewStatus(data, d('2026-06-30'))).toMatchObject({ state: 'soon', days: 0 });
    expect(reviewStatus(data, d('2026-05-31'))).toMatchObject({ state: 'soon', days: 30 });
    expect(reviewStatus(data, d('2026-05-30'))).toMatchObject({ state: 'ok', days: 31 });
    expect(reviewStatus({ reviewed: d('2026-01-01') }, d('2030-01-01'))).toEqual({ state: 'none' });
  });

  it('reads "today" from SOP_TODAY, and says how to fix a bad one', () => {
    expect(iso(today({ SOP_TODAY: '2027-02-03' }))).toBe('2027-02-03');
    expect(iso(today({}, new Date('2026-12-01T23:59:00Z')))).toBe('2026-12-01');
    expect(() => today({ SOP_TODAY: '2027-02-30' })).toThrow(/SOP_TODAY="2027-02-30" 不是有效日期。修正/);
  });

  it('rejects both cycle fields at once and a review date before the last review', () => {
    expect(reviewIssues({ reviewed: d('2026-01-01'), reviewEveryMonths: 6, nextReview: d('2026-05-01') })).toHaveLength(1);
    expect(reviewIssues({ reviewed: d('2026-01-01'), nextReview: d('2025-05-01') })[0]).toMatch(/^nextReview 不晚于 reviewed/);
    expect(reviewIssues({ reviewed: d('2026-01-01'), reviewEveryMonths: 12 })).toEqual([]);
  });
});
