// Deadlines before a visit, from 公司对外接待管理规定: the reception schedule
// table goes to the managers one week before (1.3.1); if the 总裁 attends,
// 总经办 is told two days before (1.3.3). Dates are calendar days held as
// UTC midnights, so month ends, leap days and daylight saving cannot shift them.
import { formatDateWithWeekday } from './dates';

const DAY = 86_400_000;

export type ParsedDate = { ok: true; date: Date } | { ok: false; error: string };

/** A date as <input type="date"> gives it: YYYY-MM-DD, and a real calendar day. */
export function parseIsoDate(raw: string): ParsedDate {
  const text = raw.trim();
  if (text === '') return { ok: false, error: '请选择来访日期。' };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { ok: false, error: '日期格式应为 年-月-日,例如 2026-12-01。' };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, error: `${year}年${month}月没有${day}日,请重新选择。` };
  }
  if (year < 2000 || year > 2100) return { ok: false, error: '年份应在 2000 到 2100 之间,请检查。' };
  return { ok: true, date };
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY);
}

/** Today in the reader's own time zone, as a calendar day. */
export function calendarDay(now: Date): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export type DeadlineStatus = 'passed' | 'today' | 'upcoming';

export interface Deadline {
  id: 'schedule-table' | 'notify-gm-office' | 'visit';
  date: Date;
  /** Whole days from today; negative when past. */
  daysFromToday: number;
  status: DeadlineStatus;
  what: string;
  to: string;
  rule: string;
}

export interface VisitPlan {
  visit: Date;
  today: Date;
  /** In date order, the visit itself last. */
  deadlines: Deadline[];
  warnings: string[];
}

export interface PlanInput {
  visitDate: string;
  presidentAttends: boolean;
  /** A calendar day as calendarDay() gives it. */
  today: Date;
}

export const SCHEDULE_DAYS_BEFORE = 7;
export const GM_OFFICE_DAYS_BEFORE = 2;

function status(days: number): DeadlineStatus {
  return days < 0 ? 'passed' : days === 0 ? 'today' : 'upcoming';
}

export function planVisit(input: PlanInput): { ok: true; plan: VisitPlan } | { ok: false; error: string } {
  const parsed = parseIsoDate(input.visitDate);
  if (!parsed.ok) return parsed;
  const visit = parsed.date;
  // input.today is a calendar day (see calendarDay); drop any time of day left on it.
  const today = new Date(Date.UTC(input.today.getUTCFullYear(), input.today.getUTCMonth(), input.today.getUTCDate()));
  const entry = (id: Deadline['id'], date: Date, what: string, to: string, rule: string): Deadline => {
    const daysFromToday = Math.round((date.getTime() - today.getTime()) / DAY);
    return { id, date, daysFromToday, status: status(daysFromToday), what, to, rule };
  };

  const deadlines: Deadline[] = [
    entry(
      'schedule-table',
      addDays(visit, -SCHEDULE_DAYS_BEFORE),
      '呈送客户接待安排表(一式三份)',
      '总经理、副总经理、部门负责人',
      '1.3.1 于客户到访前一星期呈送',
    ),
  ];
  if (input.presidentAttends) {
    deadlines.push(
      entry('notify-gm-office', addDays(visit, -GM_OFFICE_DAYS_BEFORE), '通知总经办:总裁参加,以便确认', '总经办', '1.3.3 如需要总裁参加,必须提前2天通知总经办'),
    );
  }
  deadlines.push(entry('visit', visit, '客户来访', '', '1.1.1 确认的来访日期'));

  const warnings: string[] = [];
  const visitEntry = deadlines[deadlines.length - 1]!;
  if (visitEntry.status === 'passed') {
    // One message: advice to hurry a deadline before a visit that is over would contradict it.
    warnings.push(`来访日期 ${formatDateWithWeekday(visit)}已经过去 ${-visitEntry.daysFromToday} 天,请检查日期是否填对。`);
    return { ok: true, plan: { visit, today, deadlines, warnings } };
  }
  if (visitEntry.status === 'today') {
    warnings.push('来访就在今天。');
  }
  for (const d of deadlines) {
    if (d.id === 'visit') continue;
    if (d.status === 'passed') {
      warnings.push(`“${d.what}”的日期 ${formatDateWithWeekday(d.date)}已经过去 ${-d.daysFromToday} 天:已来不及按规定提前,请立即办理并说明情况。`);
    } else if (d.status === 'today') {
      warnings.push(`“${d.what}”今天就要完成。`);
    }
  }
  return { ok: true, plan: { visit, today, deadlines, warnings } };
}

/** "3 天后", "今天", "已过 2 天" */
export function relativeDays(days: number): string {
  if (days === 0) return '今天';
  return days > 0 ? `${days} 天后` : `已过 ${-days} 天`;
}
