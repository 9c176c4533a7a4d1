import { describe, expect, it } from 'vitest';
import { formatDate, formatDateWithWeekday } from './dates';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('formatDate', () => {
  it('writes a calendar day as a Chinese date, without leading zeros', () => {
    expect(formatDate(day('2026-11-27'))).toBe('2026年11月27日');
    expect(formatDate(day('2026-01-05'))).toBe('2026年1月5日');
  });

  it('takes a stored YYYY-MM-DD day as it takes a Date', () => {
    expect(formatDate('2026-01-05')).toBe('2026年1月5日');
    expect(formatDate('2028-02-29')).toBe('2028年2月29日');
    expect(formatDate('2026-12-31')).toBe(formatDate(day('2026-12-31')));
  });

  it('reads the day in UTC, so a time zone ahead or behind cannot shift it', () => {
    expect(formatDate(new Date(Date.UTC(2026, 11, 31)))).toBe('2026年12月31日');
    expect(formatDate(new Date(Date.UTC(2027, 0, 1)))).toBe('2027年1月1日');
  });
});

describe('formatDateWithWeekday', () => {
  it('adds the weekday', () => {
    expect(formatDateWithWeekday(day('2026-12-01'))).toBe('2026年12月1日(星期二)');
    expect(formatDateWithWeekday(day('2027-01-03'))).toBe('2027年1月3日(星期日)');
    expect(formatDateWithWeekday('2026-12-05')).toBe('2026年12月5日(星期六)');
  });
});
