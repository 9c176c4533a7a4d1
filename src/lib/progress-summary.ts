// Quiz results and how far a learner has come along a learning path, and the
// words the quiz and path pages say about them.
import type { Progress, QuizResult } from './progress';
import { FAILURE_TEXT, type WriteResult } from './client/storage';
import { formatDate } from './dates';

/** A quiz is passed at 80 % right or more, rounded up to whole questions. */
export const PASS_RATIO = 0.8;

/** The one pass rule, in words, for every page that states it (quiz, paths, trainer sheets). */
export const PASS_BASIS = '80%,按题数向上取整';
export const PASS_RULE = '答对 80%(按题数向上取整)即为通过';

/** Questions to get right to pass a quiz of `total`: 4 → 4, 5 → 4, 8 → 7. */
export function passMark(total: number): number {
  // The small tolerance keeps 0.8 × 5 = 4.000…01 from rounding up to 5.
  return Math.max(1, Math.ceil(total * PASS_RATIO - 1e-9));
}

export const isPassed = (result: QuizResult | undefined): boolean =>
  result !== undefined && result.total > 0 && result.score >= passMark(result.total);

/** Keeps the better result; on a tie, the newer one. */
export function recordQuiz(progress: Progress, code: string, result: QuizResult): Progress {
  const old = progress.quiz[code];
  const better = !old || result.score / result.total >= old.score / old.total;
  return better ? { ...progress, quiz: { ...progress.quiz, [code]: result } } : progress;
}

/** "7 / 8 题 · 已通过 · 2026年1月2日" */
export const resultText = (r: QuizResult): string =>
  `${r.score} / ${r.total} 题 · ${isPassed(r) ? '已通过' : '未通过'} · ${formatDate(r.date)}`;

/** The line at a quiz's end; it says the score was recorded only when the browser kept it. */
export function scoreText(result: QuizResult, needed: number, saved: WriteResult): string {
  const { score, total } = result;
  const stored = saved.ok ? '成绩已记入学习进度。' : `成绩未能记入学习进度:${FAILURE_TEXT[saved.reason]}。`;
  return isPassed(result)
    ? `得分 ${score} / ${total}:已通过!${stored}`
    : `得分 ${score} / ${total}:未通过(需要答对 ${needed} 题)。${saved.ok ? '' : stored}回到流程页看看答错的步骤,再试一次。`;
}

export interface PathItemRef {
  code: string;
  /** Drafts made only of template steps have no quiz; reading them is enough. */
  hasQuiz: boolean;
}

export interface ItemStatus {
  read?: string;
  walked?: string;
  quiz?: QuizResult;
  passed: boolean;
  /** Read or walked through, and the quiz passed when there is one. */
  done: boolean;
}

export function itemStatus(progress: Progress, item: PathItemRef): ItemStatus {
  const quiz = progress.quiz[item.code];
  const passed = isPassed(quiz);
  const read = progress.read[item.code];
  return {
    ...(read ? { read } : {}),
    ...(progress.walked[item.code] ? { walked: progress.walked[item.code] } : {}),
    ...(quiz ? { quiz } : {}),
    passed,
    done: (read !== undefined || progress.walked[item.code] !== undefined) && (passed || !item.hasQuiz),
  };
}

export interface PathSummary {
  total: number;
  read: number;
  walked: number;
  quizzes: number;
  passed: number;
  done: number;
  /** The first item not done yet, or -1 when the path is complete. */
  next: number;
}

export function summarizePath(progress: Progress, items: readonly PathItemRef[]): PathSummary {
  const statuses = items.map((item) => itemStatus(progress, item));
  const count = (test: (s: ItemStatus) => boolean) => statuses.filter(test).length;
  return {
    total: items.length,
    read: count((s) => s.read !== undefined),
    walked: count((s) => s.walked !== undefined),
    quizzes: items.filter((i) => i.hasQuiz).length,
    passed: count((s) => s.passed),
    done: count((s) => s.done),
    next: statuses.findIndex((s) => !s.done),
  };
}

/** "已完成 2 / 3 项(已读 3 · 已走查 1 · 测验通过 1 / 2)"; no quiz count on a path without quizzes. */
export function summaryText(s: PathSummary): string {
  const parts = [`已读 ${s.read}`, `已走查 ${s.walked}`];
  if (s.quizzes > 0) parts.push(`测验通过 ${s.passed} / ${s.quizzes}`);
  return `已完成 ${s.done} / ${s.total} 项(${parts.join(' · ')})`;
}

/** One item of a path: what was done and when, or 尚未开始. */
export function statusText(status: ItemStatus): string {
  const bits: string[] = [];
  if (status.read) bits.push(`✓ 已读(${formatDate(status.read)})`);
  if (status.walked) bits.push(`✓ 已走查(${formatDate(status.walked)})`);
  if (status.quiz) {
    const q = status.quiz;
    bits.push(`${isPassed(q) ? '✓ 测验已通过' : '测验未通过'} ${q.score} / ${q.total}(${formatDate(q.date)})`);
  }
  return bits.length > 0 ? bits.join(' · ') : '尚未开始';
}

/** Whether the learner has started at all (the home page shows progress only then). */
export function hasProgress(progress: Progress): boolean {
  return [progress.read, progress.walked, progress.quiz].some((r) => Object.keys(r).length > 0);
}

/** Whether anything on the path has been started. */
export function pathStarted(progress: Progress, items: readonly PathItemRef[]): boolean {
  return items.some(({ code }) => progress.read[code] || progress.walked[code] || progress.quiz[code]);
}
