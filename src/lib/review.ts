// Review cycle: when a procedure is next due for review, and whether that day
// has passed. "Today" comes from SOP_TODAY when set, so builds and tests can
// pin it.
import type { ProcedureData } from './procedure/schema';

export type ReviewState = 'none' | 'ok' | 'soon' | 'overdue';

export interface ReviewStatus {
  /** The next review date, when the procedure has a cycle. */
  next?: Date;
  state: ReviewState;
  /** Whole days from today to `next` (negative once overdue). */
  days?: number;
}

/** Days ahead at which a coming review is listed on the desk. */
export const SOON_DAYS = 30;
const DAY_MS = 86_400_000;

/** `months` calendar months after `date` (UTC); the 31st becomes the month's last day. */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay)));
}

export function nextReviewDate(
  data: Pick<ProcedureData, 'reviewed' | 'reviewEveryMonths' | 'nextReview'>,
): Date | undefined {
  if (data.nextReview) return data.nextReview;
  if (data.reviewEveryMonths) return addMonths(data.reviewed, data.reviewEveryMonths);
  return undefined;
}

/** Due once the review date has passed; "soon" within SOON_DAYS of it. */
export function reviewStatus(
  data: Pick<ProcedureData, 'reviewed' | 'reviewEveryMonths' | 'nextReview'>,
  today: Date,
): ReviewStatus {
  const next = nextReviewDate(data);
  if (!next) return { state: 'none' };
  const days = Math.round((next.getTime() - startOfDay(today).getTime()) / DAY_MS);
  return { next, days, state: days < 0 ? 'overdue' : days <= SOON_DAYS ? 'soon' : 'ok' };
}

function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** SOP_TODAY=YYYY-MM-DD pins the day; otherwise the clock's (UTC) day. */
export function today(env: Record<string, string | undefined> = process.env, now = new Date()): Date {
  const pinned = env.SOP_TODAY?.trim();
  if (!pinned) return startOfDay(now);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(pinned);
  const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== pinned) {
    throw new Error(`SOP_TODAY="${pinned}" 不是有效日期。修正:写成 YYYY-MM-DD,例如 2027-01-31,或不设置它。`);
  }
  return date;
}

/** Content checks for the cycle fields. */
export function reviewIssues(data: Pick<ProcedureData, 'reviewed' | 'reviewEveryMonths' | 'nextReview'>): string[] {
  const issues: string[] = [];
  if (data.nextReview && data.reviewEveryMonths) {
    issues.push('同时写了 reviewEveryMonths 和 nextReview。修正:只保留一个(周期用 reviewEveryMonths,指定日期用 nextReview)。');
  }
  if (data.nextReview && data.nextReview.getTime() <= data.reviewed.getTime()) {
    issues.push('nextReview 不晚于 reviewed。修正:下次复核日期应在审核日期之后。');
  }
  return issues;
}
