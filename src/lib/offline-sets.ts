// The sets a reader kept for offline use (a category, a learning path), listed
// together on one page (本机离线内容). The record only says which sets were
// asked for; what is on the device always comes from the cache, so the list
// never claims a page the cache lacks.
import { isPlainObject, keepValid, type RecordType } from './client/storage';
import { formatBytes } from './offline-keep';

export interface KeptSet {
  /** The set's name as its page heads it (a category's or a path's). */
  title: string;
  /** 本类, 本路径: how the set's box names it. */
  what: string;
  /** The pages kept, with the base path. */
  urls: string[];
  /** When it was kept (ISO date). */
  savedAt: string;
}

/** The set's own page (category or learning path, with the base path) → what was kept from it. */
export type KeptSets = Record<string, KeptSet>;

const isKeptSet = (entry: unknown): entry is KeptSet =>
  isPlainObject(entry) &&
  typeof entry.title === 'string' &&
  typeof entry.what === 'string' &&
  typeof entry.savedAt === 'string' &&
  Array.isArray(entry.urls) &&
  entry.urls.length > 0 &&
  entry.urls.every((url) => typeof url === 'string' && url.startsWith('/'));

export const keptSetsRecord: RecordType<KeptSets> = {
  name: 'offline-sets',
  version: 1,
  empty: () => ({}),
  parse: (data) => keepValid(data, (entry, key): entry is KeptSet => key.startsWith('/') && isKeptSet(entry)),
};

/** The pages to delete when the set at `href` is let go: those no other kept set still needs. */
export function urlsToDrop(sets: KeptSets, href: string, urls: readonly string[]): string[] {
  const needed = new Set(
    Object.entries(sets)
      .filter(([other]) => other !== href)
      .flatMap(([, set]) => set.urls),
  );
  return urls.filter((url) => !needed.has(url));
}

export interface KeptRow {
  href: string;
  title: string;
  kept: number;
  total: number;
  bytes: number;
}

export interface KeptSummary {
  sets: KeptRow[];
  /** Pages in the cache that belong to no kept set: those the reader opened. */
  opened: { count: number; bytes: number };
  /** Every page in the cache once, whatever set it is in. */
  all: { count: number; bytes: number };
}

/** What the cache holds (page path → bytes), grouped by the kept sets, newest first. */
export function summarizeKept(sets: KeptSets, cached: ReadonlyMap<string, number>): KeptSummary {
  const rows = Object.entries(sets)
    .sort(([, a], [, b]) => b.savedAt.localeCompare(a.savedAt))
    .map(([href, set]) => {
      const present = set.urls.filter((url) => cached.has(url));
      return { href, title: set.title, kept: present.length, total: set.urls.length, bytes: present.reduce((n, url) => n + cached.get(url)!, 0) };
    });
  const inSets = new Set(Object.values(sets).flatMap((set) => set.urls));
  let openedCount = 0;
  let openedBytes = 0;
  let allBytes = 0;
  for (const [url, bytes] of cached) {
    allBytes += bytes;
    if (!inSets.has(url)) {
      openedCount++;
      openedBytes += bytes;
    }
  }
  return { sets: rows, opened: { count: openedCount, bytes: openedBytes }, all: { count: cached.size, bytes: allBytes } };
}

/** One kept set's line: only what the cache holds is claimed. */
export function keptRowText(row: KeptRow): string {
  if (row.kept === 0) return `已不在本机(0/${row.total} 个页面),断网时打不开。`;
  if (row.kept >= row.total) return `${row.total} 个页面全部在本机,共 ${formatBytes(row.bytes)}。`;
  return `${row.total} 个页面中有 ${row.kept} 个在本机(${formatBytes(row.bytes)});其余的断网时打不开。`;
}
