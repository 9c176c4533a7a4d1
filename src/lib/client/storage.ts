// Browser storage for everything the site keeps for a reader (checklist ticks,
// learning progress, visit bookkeeping), in one place so that every widget
// tells the same truth about it:
// - records are versioned ({ v, data }) and validated on read, entry by entry:
//   a bad entry is dropped, the valid ones are kept, and the caller learns that
//   something was reset;
// - keys are scoped to the deployment's base path, so two copies of the
//   handbook on one origin (/ and /sop/) never overwrite each other;
// - a write says whether it succeeded, and why not: storage full is not the
//   same as storage not allowed;
// - keys of builds before scoping are read once, when the scoped record does
//   not exist yet, so nothing a reader had is lost.
// No DOM here beyond an optional window lookup, so all of it is unit-tested.

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { readonly length?: number };

/** Why storage could not be used. */
export type StorageFailure = 'full' | 'blocked';

export type WriteResult = { ok: true } | { ok: false; reason: StorageFailure };

/** What the reader is told, completed by what was not saved ("…,勾选未能保存。"). */
export const FAILURE_TEXT: Record<StorageFailure, string> = {
  full: '存储空间已满',
  blocked: '此浏览器不允许网页保存数据(可能是无痕模式或已关闭网站数据)',
};

/** A quota error, across engines (Chromium/WebKit name and code 22, old Firefox 1014). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/**
 * What a reader is told about a record named `what` (学习进度, 勾选, 浏览记录 …):
 * the same words for every widget. Empty when there is nothing to say.
 */
export function readNotice(result: Pick<ReadResult<unknown>, 'status' | 'dropped'>, what: string): string {
  if (result.status === 'reset') return `${what}记录已损坏,已重置。`;
  return result.dropped > 0 ? `${what}中有 ${result.dropped} 条记录已损坏,已删除;其余已保留。` : '';
}

export function writeNotice(result: WriteResult, what: string): string {
  return result.ok ? '' : `${FAILURE_TEXT[result.reason]},${what}未能保存。`;
}

export function failureOf(error: unknown): StorageFailure {
  return isQuotaError(error) ? 'full' : 'blocked';
}

/** "/" and "/sop/" (with or without slashes) → "sop:/:progress", "sop:/sop/:progress". */
export function scopedKey(base: string, name: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return `sop:/${trimmed ? `${trimmed}/` : ''}:${name}`;
}

/** Result of validating stored data: the usable value and how many entries were dropped. */
export interface Parsed<T> {
  value: T;
  dropped: number;
}

export interface RecordType<T> {
  /** Name inside the deployment's scope, e.g. "progress". */
  name: string;
  /** Bumped when the shape of `data` changes; a record of another version is reset. */
  version: number;
  /** The value when nothing is stored. */
  empty(): T;
  /** Validates stored data entry by entry; undefined when nothing in it is usable. */
  parse(data: unknown): Parsed<T> | undefined;
  /** What is stored for a value (default: the value itself). */
  toData?(value: T): unknown;
  /** The unscoped key and format an earlier build used, read once. */
  legacy?: { key: string; parse(data: unknown): Parsed<T> | undefined };
}

/**
 * ok: read as stored (or nothing stored); migrated: taken over from an earlier
 * build's key; partial: some entries were dropped; reset: nothing was usable;
 * unavailable: storage cannot be used at all (see `failure`).
 */
export type ReadStatus = 'ok' | 'missing' | 'migrated' | 'partial' | 'reset' | 'unavailable';

export interface ReadResult<T> {
  value: T;
  status: ReadStatus;
  dropped: number;
  failure?: StorageFailure;
}

export interface Store {
  /** The storage key of a record, for `storage` events from other tabs. */
  key(type: Pick<RecordType<unknown>, 'name'>): string;
  /** Reads and validates; a partial or corrupt record is written back cleaned, so it is reported once. */
  read<T>(type: RecordType<T>): ReadResult<T>;
  write<T>(type: RecordType<T>, value: T): WriteResult;
  /** Clears a record. Writes an empty record rather than removing it, so an old unscoped key is not read again. */
  clear<T>(type: RecordType<T>): WriteResult;
}

export const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Entry-by-entry validation of a map: keeps good entries, counts bad ones; undefined when not a map at all. */
export function keepValid<T>(
  value: unknown,
  ok: (entry: unknown, key: string) => entry is T,
): Parsed<Record<string, T>> | undefined {
  if (!isPlainObject(value)) return undefined;
  const kept: Record<string, T> = {};
  let dropped = 0;
  for (const [key, entry] of Object.entries(value)) {
    if (ok(entry, key)) kept[key] = entry;
    else dropped++;
  }
  return { value: kept, dropped };
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

/**
 * A store over `storage` (undefined, or a getter that throws, when the browser
 * refuses storage), scoped to `base`.
 */
export function createStore(storage: StorageLike | undefined | (() => StorageLike | undefined), base: string): Store {
  let failure: StorageFailure | undefined;
  let backend: StorageLike | undefined;
  try {
    backend = typeof storage === 'function' ? storage() : storage;
    if (!backend) failure = 'blocked';
  } catch (error) {
    failure = failureOf(error);
  }
  const key = (type: Pick<RecordType<unknown>, 'name'>) => scopedKey(base, type.name);

  const setRaw = (k: string, text: string): WriteResult => {
    if (!backend) return { ok: false, reason: failure ?? 'blocked' };
    try {
      backend.setItem(k, text);
      return { ok: true };
    } catch (error) {
      // Old Safari's private mode has a quota of 0: "full" while nothing is stored means "not allowed".
      const reason = failureOf(error) === 'full' && backend.length === 0 ? 'blocked' : failureOf(error);
      return { ok: false, reason };
    }
  };
  const getRaw = (k: string): { ok: true; raw: string | null } | { ok: false; reason: StorageFailure } => {
    if (!backend) return { ok: false, reason: failure ?? 'blocked' };
    try {
      return { ok: true, raw: backend.getItem(k) };
    } catch (error) {
      return { ok: false, reason: failureOf(error) };
    }
  };

  function write<T>(type: RecordType<T>, value: T): WriteResult {
    return setRaw(key(type), JSON.stringify({ v: type.version, data: type.toData ? type.toData(value) : value }));
  }

  function read<T>(type: RecordType<T>): ReadResult<T> {
    const got = getRaw(key(type));
    if (!got.ok) return { value: type.empty(), status: 'unavailable', dropped: 0, failure: got.reason };
    if (got.raw === null) return readLegacy(type);
    const json = parseJson(got.raw);
    const envelope = json.ok && isPlainObject(json.value) && json.value.v === type.version ? json.value : undefined;
    const parsed = envelope ? type.parse(envelope.data) : undefined;
    if (!parsed) {
      write(type, type.empty());
      return { value: type.empty(), status: 'reset', dropped: 0 };
    }
    if (parsed.dropped > 0) {
      write(type, parsed.value);
      return { value: parsed.value, status: 'partial', dropped: parsed.dropped };
    }
    return { value: parsed.value, status: 'ok', dropped: 0 };
  }

  function readLegacy<T>(type: RecordType<T>): ReadResult<T> {
    const legacy = type.legacy;
    const got = legacy ? getRaw(legacy.key) : undefined;
    if (!legacy || !got?.ok || got.raw === null) return { value: type.empty(), status: 'missing', dropped: 0 };
    const json = parseJson(got.raw);
    const parsed = json.ok ? legacy.parse(json.value) : undefined;
    // Stored under the scoped key from now on; the old key is left for other copies on this origin.
    write(type, parsed?.value ?? type.empty());
    if (!parsed) return { value: type.empty(), status: 'reset', dropped: 0 };
    return { value: parsed.value, status: parsed.dropped > 0 ? 'partial' : 'migrated', dropped: parsed.dropped };
  }

  return { key, read, write, clear: (type) => write(type, type.empty()) };
}

/** localStorage or sessionStorage of this page, scoped to the deployment's base path. */
export function browserStore(kind: 'local' | 'session', base: string): Store {
  return createStore(() => (kind === 'local' ? window.localStorage : window.sessionStorage), base);
}
