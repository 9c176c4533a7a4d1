// "Changed since your last visit", kept in the browser: localStorage holds the
// revisions of the handbook the reader last saw; what differs at the start of a
// visit is kept in sessionStorage, so it stays listed while the reader browses.

/** Procedure id → revision (see changelog.ts revisionOf). */
export type Revisions = Record<string, string>;
export type ChangeKind = 'added' | 'changed';
export type ChangedSince = Record<string, ChangeKind>;

/** The part of the Storage API used here, so tests can pass a Map-backed fake. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SEEN_KEY = 'sop:seen-revisions';
export const CHANGED_KEY = 'sop:changed-since-visit';

const isRecordOf = <T extends string>(value: unknown, ok: (v: unknown) => v is T): value is Record<string, T> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every(ok);
const isString = (v: unknown): v is string => typeof v === 'string';
const isKind = (v: unknown): v is ChangeKind => v === 'added' || v === 'changed';

/** A stored record: missing → null, unreadable or of the wrong shape → 'corrupt'. */
function parse<T extends string>(raw: string | null, ok: (v: unknown) => v is T): Record<string, T> | null | 'corrupt' {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isRecordOf(value, ok) ? value : 'corrupt';
  } catch {
    return 'corrupt';
  }
}

/** Procedures new in `current` or whose revision differs from `seen`. */
export function diffRevisions(seen: Revisions, current: Revisions): ChangedSince {
  const changed: ChangedSince = {};
  for (const [id, revision] of Object.entries(current)) {
    if (!(id in seen)) changed[id] = 'added';
    else if (seen[id] !== revision) changed[id] = 'changed';
  }
  return changed;
}

export interface VisitResult {
  /** Changed since the last visit, for this visit (only ids still in the handbook). */
  changed: ChangedSince;
  /** Stored state was unreadable and has been reset. */
  reset: boolean;
}

/**
 * Called on every page load: adds what changed since the stored revisions to
 * this visit's list, then records `current` as seen. A first visit lists nothing.
 */
export function recordVisit(local: StorageLike, session: StorageLike, current: Revisions): VisitResult {
  let reset = false;
  const seen = parse(local.getItem(SEEN_KEY), isString);
  let changed = parse(session.getItem(CHANGED_KEY), isKind);
  if (seen === 'corrupt') reset = true;
  if (changed === 'corrupt') {
    reset = true;
    changed = null;
  }
  const merged: ChangedSince = { ...changed, ...(seen && seen !== 'corrupt' ? diffRevisions(seen, current) : {}) };
  // Procedures that left the handbook are not listed.
  for (const id of Object.keys(merged)) if (!(id in current)) delete merged[id];

  local.setItem(SEEN_KEY, JSON.stringify(current));
  if (Object.keys(merged).length > 0) session.setItem(CHANGED_KEY, JSON.stringify(merged));
  else session.removeItem(CHANGED_KEY);
  return { changed: merged, reset };
}

/** The reader has read the list: it is not shown again in this visit. */
export function dismissChanges(session: StorageLike): void {
  session.removeItem(CHANGED_KEY);
}
