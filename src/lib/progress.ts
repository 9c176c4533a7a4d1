// A learner's progress, kept in the browser (localStorage) and keyed by
// procedure code: when a procedure was read and walked through, and the best
// quiz result. Procedure pages ship this file, so it holds only what they
// need; quiz results and path summaries live in progress-summary.ts.
import { isPlainObject, keepValid, type Parsed, type RecordType, type Store, type WriteResult } from './client/storage';

/** Key of the record before keys were scoped to the deployment (read once, see client/storage.ts). */
export const LEGACY_PROGRESS_KEY = 'sop-progress';

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

export const emptyProgress = (): Progress => ({ v: 1, read: {}, walked: {}, quiz: {} });

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (d: unknown): d is string => typeof d === 'string' && DAY.test(d);
const isResult = (r: unknown): r is QuizResult => {
  const q = r as QuizResult;
  return isPlainObject(r) && Number.isInteger(q.score) && q.score >= 0 && q.score <= q.total && q.total > 0 && isDay(q.date);
};

/**
 * Stored progress, entry by entry: a bad date or score drops that entry only,
 * a section of the wrong shape drops that section (counted as one entry).
 * Undefined when the whole value is unusable.
 */
export function parseProgress(data: unknown): Parsed<Progress> | undefined {
  if (!isPlainObject(data)) return undefined;
  let dropped = 0;
  const section = <T>(value: unknown, ok: (entry: unknown) => entry is T): Record<string, T> => {
    const kept = keepValid(value, ok);
    if (value !== undefined) dropped += kept ? kept.dropped : 1;
    return kept?.value ?? {};
  };
  return {
    value: { v: 1, read: section(data.read, isDay), walked: section(data.walked, isDay), quiz: section(data.quiz, isResult) },
    dropped,
  };
}

export const progressRecord: RecordType<Progress> = {
  name: 'progress',
  version: 1,
  empty: emptyProgress,
  parse: parseProgress,
  legacy: { key: LEGACY_PROGRESS_KEY, parse: parseProgress },
};

export interface LoadedProgress {
  progress: Progress;
  /** Nothing in the stored record was usable: it was reset. */
  corrupt: boolean;
  /** Entries dropped from an otherwise usable record. */
  dropped: number;
}

/** Reads progress; bad entries are removed, and the caller tells the learner. */
export function loadProgress(store: Store): LoadedProgress {
  const { value, status, dropped } = store.read(progressRecord);
  return { progress: value, corrupt: status === 'reset', dropped };
}

/** Stores progress, and says whether the browser kept it. */
export function saveProgress(store: Store, progress: Progress): WriteResult {
  return store.write(progressRecord, progress);
}

export function resetProgress(store: Store): WriteResult {
  return store.clear(progressRecord);
}

/** Today as a local calendar day. */
export function today(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Marks a procedure read or walked through on `date` (the latest day is kept). */
export function markDone(progress: Progress, what: 'read' | 'walked', code: string, date: string): Progress {
  return { ...progress, [what]: { ...progress[what], [code]: date } };
}
