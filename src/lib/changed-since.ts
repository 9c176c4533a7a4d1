// "Changed since your last visit", kept in the browser: localStorage holds the
// revisions of the handbook the reader last saw; what differs at the start of a
// visit is kept in sessionStorage, so it stays listed while the reader browses.
import { keepValid, type RecordType, type Store, type WriteResult } from './client/storage';

/** Procedure id → revision (see changelog.ts revisionOf). */
export type Revisions = Record<string, string>;
export type ChangeKind = 'added' | 'changed';
export type ChangedSince = Record<string, ChangeKind>;

/** The key of the seen revisions before keys were scoped to the deployment (read once). */
export const LEGACY_SEEN_KEY = 'sop:seen-revisions';

const isString = (v: unknown): v is string => typeof v === 'string';
const isKind = (v: unknown): v is ChangeKind => v === 'added' || v === 'changed';

/** In localStorage: the revisions of the handbook the reader last saw. */
export const seenRecord: RecordType<Revisions> = {
  name: 'seen-revisions',
  version: 1,
  empty: () => ({}),
  parse: (data) => keepValid(data, isString),
  legacy: { key: LEGACY_SEEN_KEY, parse: (data) => keepValid(data, isString) },
};

/** In sessionStorage: what changed at the start of this visit. */
export const changedRecord: RecordType<ChangedSince> = {
  name: 'changed-since-visit',
  version: 1,
  empty: () => ({}),
  parse: (data) => keepValid(data, isKind),
};

/** change-digest.json: procedure id → what its line in the list shows. In handbook order. */
export type ChangeDigest = Record<string, { title: string; href: string; latest?: string }>;

/** The lines of the list: the changed procedures the digest knows, in its order; a malformed entry is left out. */
export function changedLines(digest: unknown, changed: ChangedSince): { kind: ChangeKind; title: string; href: string; latest?: string }[] {
  if (typeof digest !== 'object' || digest === null || Array.isArray(digest)) return [];
  return Object.entries(digest as Record<string, unknown>).flatMap(([id, entry]) => {
    const kind = changed[id];
    if (!kind || typeof entry !== 'object' || entry === null) return [];
    const { title, href, latest } = entry as Record<string, unknown>;
    if (typeof title !== 'string' || typeof href !== 'string' || !href.startsWith('/')) return [];
    return [{ kind, title, href, ...(typeof latest === 'string' && { latest }) }];
  });
}

/** The badge beside a procedure that changed since the last visit. */
export const CHANGE_LABEL: Record<ChangeKind, string> = { added: '新增', changed: '有更新' };

/** Said, once, when the stored record could not be read and was reset. */
export const RESET_NOTICE = '本机保存的浏览记录已损坏,已重置。';

/** revisions.json as fetched: an object of revisions, or nothing to compare with. */
export function parseRevisions(data: unknown): Revisions | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return data as Revisions;
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
  /** Stored state was unreadable, wholly or in part, and has been reset. */
  reset: boolean;
  /** Whether this visit could be recorded. */
  saved: WriteResult;
}

/**
 * Called on every page load: adds what changed since the stored revisions to
 * this visit's list, then records `current` as seen. A first visit lists nothing.
 */
export function recordVisit(local: Store, session: Store, current: Revisions): VisitResult {
  const seen = local.read(seenRecord);
  const changed = session.read(changedRecord);
  const reset = [seen, changed].some((r) => r.status === 'reset' || r.status === 'partial');
  // Without a stored record (first visit, or one that was unusable) nothing counts as changed.
  const compare = seen.status === 'missing' || seen.status === 'reset' || seen.status === 'unavailable';
  const since = compare ? {} : diffRevisions(seen.value, current);
  // Entries dropped from a damaged record are unknown, not new: only changes to kept ones are claimed.
  if (seen.status === 'partial') for (const [id, kind] of Object.entries(since)) if (kind === 'added') delete since[id];
  const merged: ChangedSince = { ...changed.value, ...since };
  // Procedures that left the handbook are not listed.
  for (const id of Object.keys(merged)) if (!(id in current)) delete merged[id];

  const saved = local.write(seenRecord, current);
  session.write(changedRecord, merged);
  return { changed: merged, reset, saved };
}

/** The reader has read the list: it is not shown again in this visit. */
export function dismissChanges(session: Store): void {
  session.clear(changedRecord);
}
