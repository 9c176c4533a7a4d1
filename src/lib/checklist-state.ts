// Ticked state of one checklist, as kept in localStorage. Only item ids and
// content hashes are stored: nothing a user types, nothing personal.
//
// The page carries, from build time, each item's id, a hash of its text and
// its condition (`when`), plus a version hash of the whole list. A stored
// value keeps a tick only while the item it was given to still exists with
// the same wording; anything unreadable resets the list with a notice.
import type { RecordType } from './client/storage';

/** Bumped only if the stored JSON shape changes. */
export const STORAGE_FORMAT = 1;

export interface ItemSpec {
  id: string;
  /** Hash of the item's id and text: a reworded item is a new item. */
  hash: string;
  /** Shown only while this earlier item is ticked. */
  when?: string;
}

export interface ChecklistSpec {
  version: string;
  items: ItemSpec[];
}

export interface StoredState {
  format: number;
  version: string;
  /** id → hash of the item as it was when ticked. */
  checked: Record<string, string>;
}

/** none: nothing to say; updated: the list changed and old ticks were dropped; reset: the stored value was unusable. */
export type LoadNotice = 'none' | 'updated' | 'reset';

export interface LoadResult {
  checked: Set<string>;
  notice: LoadNotice;
}

/** FNV-1a, 32 bit: a change detector for short texts, not a security hash. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Build time: the spec the page carries for a checklist's items. */
export function checklistSpec(items: readonly { id: string; text: string; when?: string | undefined }[]): ChecklistSpec {
  const specs = items.map((item) => ({
    id: item.id,
    hash: hashText(`${item.id}\u0000${item.text}`),
    ...(item.when ? { when: item.when } : {}),
  }));
  return { version: hashText(specs.map((s) => s.hash).join('|')), items: specs };
}

/** Name of a checklist's record in the deployment's scope (see client/storage.ts). */
export function storageKey(procedureCode: string, checklistId: string): string {
  return `checklist:${procedureCode}:${checklistId}`;
}

/** The unscoped key builds before scoping used; read once. */
export function legacyStorageKey(procedureCode: string, checklistId: string): string {
  return `sop-checklist:${procedureCode}:${checklistId}`;
}

/** A checklist's stored record, checked against the list the page shows. */
export function checklistRecord(name: string, legacyKey: string, spec: ChecklistSpec): RecordType<LoadResult> {
  const parse = (data: unknown) => {
    const loaded = loadStored(data, spec);
    return loaded.notice === 'reset' ? undefined : { value: loaded, dropped: 0 };
  };
  return {
    name,
    version: 1,
    empty: () => ({ checked: new Set(), notice: 'none' }),
    parse,
    toData: (value) => stateOf(spec, value.checked),
    legacy: { key: legacyKey, parse },
  };
}

function isRecordOfStrings(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

function parseStored(value: unknown): StoredState | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { format, version, checked } = value as Record<string, unknown>;
  if (format !== STORAGE_FORMAT || typeof version !== 'string' || !isRecordOfStrings(checked)) return undefined;
  return { format, version, checked };
}

/** Items whose conditions all hold: an item shows while the item it depends on shows and is ticked. */
export function visibleIds(spec: ChecklistSpec, checked: ReadonlySet<string>): Set<string> {
  const visible = new Set<string>();
  // `when` always names an earlier item (the content check enforces it), so one pass settles chains.
  for (const item of spec.items) {
    if (item.when === undefined || (visible.has(item.when) && checked.has(item.when))) visible.add(item.id);
  }
  return visible;
}

/**
 * The choices of a list ("需要礼品"): items other items depend on that hang on
 * nothing themselves. Ticking one says what this visit needs; it is not work
 * done, so it never counts towards progress.
 */
export function conditionIds(spec: ChecklistSpec): Set<string> {
  const dependedOn = new Set(spec.items.map((i) => i.when).filter((id): id is string => id !== undefined));
  return new Set(spec.items.filter((i) => i.when === undefined && dependedOn.has(i.id)).map((i) => i.id));
}

/**
 * Drops ticks of items the list does not have. A hidden item keeps its tick
 * (its condition was unticked, perhaps by mistake): ticking the condition
 * again shows it as it was.
 */
export function normalize(spec: ChecklistSpec, checked: ReadonlySet<string>): Set<string> {
  return new Set(spec.items.map((i) => i.id).filter((id) => checked.has(id)));
}

/** Reads a stored value (or null when there is none) against the list the page shows. */
export function loadState(raw: string | null, spec: ChecklistSpec): LoadResult {
  if (raw === null) return { checked: new Set(), notice: 'none' };
  try {
    return loadStored(JSON.parse(raw), spec);
  } catch {
    return { checked: new Set(), notice: 'reset' };
  }
}

/** Reads a stored (parsed) value against the list the page shows. */
export function loadStored(value: unknown, spec: ChecklistSpec): LoadResult {
  const stored = parseStored(value);
  if (!stored) return { checked: new Set(), notice: 'reset' };
  const current = new Map(spec.items.map((i) => [i.id, i.hash]));
  const entries = Object.entries(stored.checked);
  const kept = entries.filter(([id, hash]) => current.get(id) === hash).map(([id]) => id);
  if (stored.version === spec.version) {
    // Same content, yet ids or hashes it does not have: not ours, or tampered with.
    if (kept.length !== entries.length) return { checked: new Set(), notice: 'reset' };
    return { checked: normalize(spec, new Set(kept)), notice: 'none' };
  }
  return { checked: normalize(spec, new Set(kept)), notice: kept.length < entries.length ? 'updated' : 'none' };
}

export function stateOf(spec: ChecklistSpec, checked: ReadonlySet<string>): StoredState {
  return {
    format: STORAGE_FORMAT,
    version: spec.version,
    checked: Object.fromEntries(spec.items.filter((i) => checked.has(i.id)).map((i) => [i.id, i.hash])),
  };
}

export function serializeState(spec: ChecklistSpec, checked: ReadonlySet<string>): string {
  return JSON.stringify(stateOf(spec, checked));
}

/**
 * Ticks or unticks one item. Unticking a condition hides the items that depend
 * on it but keeps their ticks (a hidden item never counts); a hidden item cannot be ticked.
 */
export function toggleItem(spec: ChecklistSpec, checked: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(checked);
  if (on) {
    if (visibleIds(spec, checked).has(id)) next.add(id);
  } else {
    next.delete(id);
  }
  return normalize(spec, next);
}

/** Done out of the items that apply: shown, and not a choice. */
export function progress(spec: ChecklistSpec, checked: ReadonlySet<string>): { done: number; total: number } {
  const conditions = conditionIds(spec);
  const tasks = [...visibleIds(spec, checked)].filter((id) => !conditions.has(id));
  return { done: tasks.filter((id) => checked.has(id)).length, total: tasks.length };
}
