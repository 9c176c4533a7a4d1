import { describe, expect, it } from 'vitest';
import { addDays, calendarDay, isoDate, parseIsoDate, planVisit, relativeDays } from './visit-deadlines';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const plan = (visitDate: string, presidentAttends: boolean, today = '2026-01-01') => {
  const result = planVisit({ visitDate, presidentAttends, today: day(today) });
  if (!result.ok) throw new Error(result.error);
  return result.plan;
};
const dates = (p: ReturnType<typeof plan>) => Object.fromEntries(p.deadlines.map((d) => [d.id, isoDate(d.date)]));

describe('planVisit deadlines', () => {
  it('schedule table one week before, 总经办 two days before, when the 总裁 attends', () => {
    expect(dates(plan('2026-06-17', true))).toEqual({
      'schedule-table': '2026-06-10',
      'notify-gm-office': '2026-06-15',
      visit: '2026-06-17',
    });
  });

  it('no 总经办 deadline when the 总裁 does not attend', () => {
    expect(dates(plan('2026-06-17', false))).toEqual({ 'schedule-table': '2026-06-10', visit: '2026-06-17' });
  });

  it.each([
    // visit, schedule table (−7), 总经办 (−2)
    ['2026-03-01', '2026-02-22', '2026-02-27'], // across the end of a 28-day February
    ['2028-03-01', '2028-02-23', '2028-02-28'], // leap year: 29 February exists
    ['2028-03-02', '2028-02-24', '2028-02-29'],
    ['2026-05-01', '2026-04-24', '2026-04-29'], // across a 30-day month
    ['2026-08-02', '2026-07-26', '2026-07-31'], // across a 31-day month
    ['2027-01-01', '2026-12-25', '2026-12-30'], // across the year end
    ['2027-01-05', '2026-12-29', '2027-01-03'],
    ['2026-03-30', '2026-03-23', '2026-03-28'], // European DST change on 29 March does not shift days
    ['2026-11-03', '2026-10-27', '2026-11-01'], // US DST change on 1 November
  ])('visit %s → table %s, 总经办 %s', (visit, table, office) => {
    expect(dates(plan(visit, true, '2025-06-01'))).toEqual({ 'schedule-table': table, 'notify-gm-office': office, visit });
  });

  it('lists the deadlines in date order with whom and which rule', () => {
    const p = plan('2026-06-17', true);
    expect(p.deadlines.map((d) => d.id)).toEqual(['schedule-table', 'notify-gm-office', 'visit']);
    expect(p.deadlines[0]).toMatchObject({ to: '总经理、副总经理、部门负责人', what: '呈送客户接待安排表(一式三份)' });
    expect(p.deadlines[1]).toMatchObject({ to: '总经办' });
  });
});

describe('planVisit relative to today', () => {
  it('no warnings when everything is ahead', () => {
    const p = plan('2026-06-17', true, '2026-06-01');
    expect(p.warnings).toEqual([]);
    expect(p.deadlines.map((d) => [d.status, d.daysFromToday])).toEqual([
      ['upcoming', 9],
      ['upcoming', 14],
      ['upcoming', 16],
    ]);
  });

  it('warns plainly when the schedule table date has passed but the visit has not', () => {
    const p = plan('2026-06-17', true, '2026-06-12');
    expect(p.deadlines[0]).toMatchObject({ status: 'passed', daysFromToday: -2 });
    expect(p.deadlines[1]).toMatchObject({ status: 'upcoming', daysFromToday: 3 });
    expect(p.warnings).toEqual([
      '“呈送客户接待安排表(一式三份)”的日期 2026年6月10日(星期三)已经过去 2 天:已来不及按规定提前,请立即办理并说明情况。',
    ]);
  });

  it('says so when a deadline is today', () => {
    const p = plan('2026-06-17', true, '2026-06-15');
    expect(p.deadlines[1]).toMatchObject({ status: 'today', daysFromToday: 0 });
    expect(p.warnings).toContain('“通知总经办:总裁参加,以便确认”今天就要完成。');
  });

  it('warns when the visit date itself is already past', () => {
    const p = plan('2025-12-30', true, '2026-01-02');
    expect(p.deadlines.every((d) => d.status === 'passed')).toBe(true);
    // One clear message, and no "hurry" advice for deadlines of a visit that is over.
    expect(p.warnings).toEqual(['来访日期 2025年12月30日(星期二)已经过去 3 天,请检查日期是否填对。']);
  });

  it('counts days across a year end from today', () => {
    const p = plan('2027-01-03', false, '2026-12-30');
    expect(p.deadlines.map((d) => d.daysFromToday)).toEqual([-3, 4]);
  });

  it('ignores a time of day left on today', () => {
    const p = planVisit({ visitDate: '2026-06-17', presidentAttends: false, today: new Date('2026-06-10T23:59:00Z') });
    expect(p.ok && p.plan.deadlines[0]!.status).toBe('today');
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['', '请选择来访日期。'],
    ['2026/06/17', '日期格式应为 年-月-日,例如 2026-12-01。'],
    ['17-06-2026', '日期格式应为 年-月-日,例如 2026-12-01。'],
    ['2026-02-29', '2026年2月没有29日,请重新选择。'],
    ['2026-04-31', '2026年4月没有31日,请重新选择。'],
    ['2026-13-01', '2026年13月没有1日,请重新选择。'],
    ['1900-01-01', '年份应在 2000 到 2100 之间,请检查。'],
  ])('rejects %j', (raw, error) => {
    expect(parseIsoDate(raw)).toEqual({ ok: false, error });
    expect(planVisit({ visitDate: raw, presidentAttends: true, today: day('2026-01-01') })).toEqual({ ok: false, error });
  });

  it('accepts 29 February in a leap year', () => {
    const parsed = parseIsoDate('2028-02-29');
    expect(parsed.ok && isoDate(parsed.date)).toBe('2028-02-29');
  });
});

describe('helpers', () => {
  it('calendarDay takes the local calendar date, whatever the hour', () => {
    const late = new Date(2026, 11, 31, 23, 30); // local 31 December, 23:30
    expect(isoDate(calendarDay(late))).toBe('2026-12-31');
    expect(isoDate(addDays(calendarDay(late), 1))).toBe('2027-01-01');
  });

  it('relativeDays', () => {
    expect([relativeDays(0), relativeDays(3), relativeDays(-2)]).toEqual(['今天', '3 天后', '已过 2 天']);
  });
});
