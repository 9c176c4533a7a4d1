// Procedures past their review date, listed as a warning when the build ends
// (a reminder, never a failure). Pages and the integration are bundled
// separately by Astro, so the list is handed over on globalThis.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { addBuildNote } from './build-notes';
import { formatDate } from '../lib/dates';
import type { ReviewStatus } from '../lib/review';

export interface ReviewedProcedure {
  file: string;
  code: string;
  title: string;
  review: ReviewStatus;
}

const KEY = Symbol.for('sop-handbook.reviews');
const holder = globalThis as unknown as { [KEY]?: ReviewedProcedure[] };

export function reportReviews(procedures: readonly ReviewedProcedure[]): void {
  holder[KEY] = procedures.filter((p) => p.review.state === 'overdue');
}

/** The warning's lines, or none when nothing is overdue. */
export function overdueLines(overdue: readonly ReviewedProcedure[]): string[] {
  if (overdue.length === 0) return [];
  return [
    `待复核:${overdue.length} 个流程已过复核日期(不影响构建,请安排复核后更新 reviewed):`,
    ...overdue.map(
      (p) => `  - ${p.code} ${p.title}(${p.file}):应于 ${formatDate(p.review.next!)} 复核,已过 ${-p.review.days!} 天`,
    ),
  ];
}

export function reviewReminder(): AstroIntegration {
  return {
    name: 'sop-review-reminder',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const lines = overdueLines(holder[KEY] ?? []);
        delete holder[KEY];
        if (lines.length === 0) return;
        logger.warn(lines[0]!);
        // Said in full among the build's closing notes, after Astro's summary, before the chart summary.
        addBuildNote(fileURLToPath(dir), { level: 'warn', text: lines.join('\n') });
      },
    },
  };
}
