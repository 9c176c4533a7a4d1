// Quiz results and how far a learner has come along a learning path.
import type { Progress, QuizResult } from './progress';

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

/** Whether the learner has started at all (the home page shows progress only then). */
export function hasProgress(progress: Progress): boolean {
  return [progress.read, progress.walked, progress.quiz].some((r) => Object.keys(r).length > 0);
}

/** Whether anything on the path has been started. */
export function pathStarted(progress: Progress, items: readonly PathItemRef[]): boolean {
  return items.some(({ code }) => progress.read[code] || progress.walked[code] || progress.quiz[code]);
}
