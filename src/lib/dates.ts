// Dates as Chinese readers write them, the one place for it. Every date here is
// a calendar day (content dates, stored YYYY-MM-DD days, the visit planner's
// days), held as a UTC midnight, so the reader's time zone cannot shift it.
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** A calendar day: a Date at UTC midnight, or YYYY-MM-DD as progress stores it. */
export type CalendarDay = Date | string;

function utcDay(day: CalendarDay): Date {
  return typeof day === 'string' ? new Date(`${day}T00:00:00Z`) : day;
}

/** 2026年11月27日 */
export function formatDate(day: CalendarDay): string {
  const date = utcDay(day);
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** 2026年12月1日(星期二) */
export function formatDateWithWeekday(day: CalendarDay): string {
  return `${formatDate(day)}(星期${WEEKDAYS[utcDay(day).getUTCDay()]})`;
}
