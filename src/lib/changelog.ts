// Change logs: the latest entry of a procedure, its revision (what a returning
// reader's browser compares), and the handbook-wide list, newest first.
import type { ProcedureData } from './procedure/schema';

export type Change = ProcedureData['changelog'][number];

// One collator: localeCompare with options builds a new one on every call,
// which cost half a minute in a 1000-procedure build.
const versionOrder = new Intl.Collator('en', { numeric: true });
const byNewest = (a: Change, b: Change) => b.date.getTime() - a.date.getTime() || versionOrder.compare(b.version, a.version);

/** A procedure's change log, newest entry first, whatever order the file lists it in. */
export function sortedChanges(data: Pick<ProcedureData, 'changelog'>): Change[] {
  return [...data.changelog].sort(byNewest);
}

export function latestChange(data: Pick<ProcedureData, 'changelog'>): Change | undefined {
  return sortedChanges(data)[0];
}

/** Short key of a procedure's latest change: differs exactly when a new entry was published. */
export function revisionOf(data: Pick<ProcedureData, 'changelog' | 'version'>): string {
  const latest = latestChange(data);
  return latest ? `${latest.version}@${latest.date.toISOString().slice(0, 10)}` : data.version;
}

export interface HandbookChange<P> {
  procedure: P;
  change: Change;
}

/**
 * Every entry of every procedure, newest first; on the same day, in handbook
 * order (the order of `procedures`). `limit` keeps the most recent ones.
 */
export function recentChanges<P extends { data: Pick<ProcedureData, 'changelog'> }>(
  procedures: readonly P[],
  limit = Infinity,
): HandbookChange<P>[] {
  return procedures
    .flatMap((procedure, order) => procedure.data.changelog.map((change) => ({ procedure, change, order })))
    .sort((a, b) => byNewest(a.change, b.change) || a.order - b.order)
    .slice(0, limit)
    .map(({ procedure, change }) => ({ procedure, change }));
}

/** Entries grouped by calendar day (UTC, as content dates are days), keeping the order. */
export function groupByDay<T extends { change: Change }>(items: readonly T[]): { day: string; items: T[] }[] {
  const groups: { day: string; items: T[] }[] = [];
  for (const item of items) {
    const day = item.change.date.toISOString().slice(0, 10);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}
