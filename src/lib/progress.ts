// A learner's progress, kept in the browser (localStorage) and keyed by
// procedure code: when a procedure was read and walked through, and the best
// quiz result. Procedure pages ship this file, so it holds only what they
// need; quiz results and path summaries live in progress-summary.ts.

export const PROGRESS_KEY = 'sop-progress';

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
const isRecord = (x: unknown): x is Record<string, any> => typeof x === 'object' && x !== null;
const isDay = (d: unknown) => typeof d === 'string' && DAY.test(d);
const isDays = (x: unknown) => isRecord(x) && Object.values(x).every(isDay);
const isResult = (r: unknown) =>
  isRecord(r) && Number.isInteger(r.score) && r.score >= 0 && r.score <= r.total && r.total > 0 && isDay(r.date);

/** Stored text → progress (null: nothing stored yet); undefined when corrupt. */
export function parseProgress(raw: string | null): Progress | undefined {
  if (raw === null) return emptyProgress();
  try {
    const data: unknown = JSON.parse(raw);
    if (
      isRecord(data) &&
      data.v === 1 &&
      isDays(data.read) &&
      isDays(data.walked) &&
      isRecord(data.quiz) &&
      Object.values(data.quiz).every(isResult)
    ) {
      return data as Progress;
    }
  } catch {
    // not JSON: corrupt
  }
  return undefined;
}

/** Reads progress; corrupt data is removed, and the caller tells the learner. */
export function loadProgress(storage: StorageLike | undefined): { progress: Progress; corrupt: boolean } {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    // Storage switched off: start empty, nothing to reset.
  }
  const progress = parseProgress(raw);
  if (!progress) resetProgress(storage);
  return { progress: progress ?? emptyProgress(), corrupt: !progress };
}

/** Stores progress; a browser that refuses (private mode, full) simply keeps none. */
export function saveProgress(storage: StorageLike | undefined, progress: Progress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // nothing we can do; the page keeps working
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
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Marks a procedure read or walked through on `date` (the latest day is kept). */
export function markDone(progress: Progress, what: 'read' | 'walked', code: string, date: string): Progress {
  return { ...progress, [what]: { ...progress[what], [code]: date } };
}
