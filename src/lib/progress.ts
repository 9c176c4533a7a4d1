// A learner's progress, kept in the browser (localStorage) and keyed by
// procedure code: when a procedure was read and walked through, and the best
// quiz result. Procedure pages ship this file, so it stays small; summaries
// for paths live in progress-summary.ts.

export const PROGRESS_KEY = 'sop-progress';
/** A quiz is passed at 80 % right or more. */
export const PASS_RATIO = 0.8;

export interface QuizResult {
  score: number;
  total: number;
  /** Local calendar day, YYYY-MM-DD. */
  date: string;
}

export interface Progress {
  v: 1;
  read: Record<string, string>;
  walked: Record<string, string>;
  quiz: Record<string, QuizResult>;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const emptyProgress = (): Progress => ({ v: 1, read: {}, walked: {}, quiz: {} });

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isDays = (x: unknown) => isRecord(x) && Object.values(x).every((d) => typeof d === 'string' && DAY.test(d));
const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
const isResult = (r: unknown) =>
  isRecord(r) && isCount(r.score) && isCount(r.total) && r.total > 0 && r.score <= r.total && typeof r.date === 'string' && DAY.test(r.date);

/** Stored text → progress; anything unexpected counts as corrupt. */
export function parseProgress(raw: string | null): { progress: Progress; corrupt: boolean } {
  if (raw === null) return { progress: emptyProgress(), corrupt: false };
  try {
    const data: unknown = JSON.parse(raw);
    if (isRecord(data) && data.v === 1 && isDays(data.read) && isDays(data.walked) && isRecord(data.quiz)) {
      if (Object.values(data.quiz).every(isResult)) return { progress: data as unknown as Progress, corrupt: false };
    }
  } catch {
    // not JSON: corrupt
  }
  return { progress: emptyProgress(), corrupt: true };
}

/** Reads progress; corrupt data is removed, and the caller tells the learner. */
export function loadProgress(storage: StorageLike | undefined): { progress: Progress; corrupt: boolean } {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    // Storage switched off: start empty, nothing to reset.
  }
  const result = parseProgress(raw);
  if (result.corrupt) resetProgress(storage);
  return result;
}

/** False when the browser refuses to store (private mode, full). */
export function saveProgress(storage: StorageLike | undefined, progress: Progress): boolean {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function resetProgress(storage: StorageLike | undefined): void {
  try {
    storage?.removeItem(PROGRESS_KEY);
  } catch {
    // nothing stored, nothing to reset
  }
}

/** Today as a local calendar day. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Marks a procedure read or walked through on `date` (the latest day is kept). */
export function markDone(progress: Progress, what: 'read' | 'walked', code: string, date: string): Progress {
  return { ...progress, [what]: { ...progress[what], [code]: date } };
}

export const isPassed = (result: QuizResult | undefined): boolean =>
  result !== undefined && result.score / result.total >= PASS_RATIO;

/** Keeps the better result; on a tie, the newer one. */
export function recordQuiz(progress: Progress, code: string, result: QuizResult): Progress {
  const old = progress.quiz[code];
  const better = !old || result.score / result.total >= old.score / old.total;
  return better ? { ...progress, quiz: { ...progress.quiz, [code]: result } } : progress;
}

/** 2026-11-27 → 2026年11月27日 */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
