import { describe, expect, it } from 'vitest';
import {
  createStore,
  FAILURE_TEXT,
  isQuotaError,
  keepValid,
  readNotice,
  scopedKey,
  writeNotice,
  type RecordType,
  type StorageLike,
} from './storage';
import { memoryStorage } from '../../../tests/helpers/memory-storage';

const isNumber = (v: unknown): v is number => typeof v === 'number';
const counts: RecordType<Record<string, number>> = {
  name: 'counts',
  version: 2,
  empty: () => ({}),
  parse: (data) => keepValid(data, isNumber),
  legacy: { key: 'old-counts', parse: (data) => keepValid(data, isNumber) },
};

describe('scoped keys', () => {
  it('gives each deployment base path its own key, however the base is written', () => {
    expect(scopedKey('/', 'progress')).toBe('sop:/:progress');
    expect(scopedKey('/sop/', 'progress')).toBe('sop:/sop/:progress');
    expect(scopedKey('/sop', 'progress')).toBe('sop:/sop/:progress');
    expect(scopedKey('', 'progress')).toBe('sop:/:progress');
    expect(scopedKey('/a/b/', 'x')).not.toBe(scopedKey('/a/', 'x'));
  });

  it('two deployments on one origin never see each other’s records', () => {
    const storage = memoryStorage();
    const root = createStore(storage, '/');
    const sub = createStore(storage, '/sop/');
    expect(root.write(counts, { a: 1 })).toEqual({ ok: true });
    expect(sub.write(counts, { b: 2 })).toEqual({ ok: true });
    expect(root.read(counts).value).toEqual({ a: 1 });
    expect(sub.read(counts).value).toEqual({ b: 2 });
  });
});

describe('reading records', () => {
  it('reads nothing stored as empty, and round-trips a versioned record', () => {
    const storage = memoryStorage();
    const store = createStore(storage, '/');
    expect(store.read(counts)).toEqual({ value: {}, status: 'missing', dropped: 0 });
    store.write(counts, { a: 1, b: 2 });
    expect(JSON.parse(storage.data.get('sop:/:counts')!)).toEqual({ v: 2, data: { a: 1, b: 2 } });
    expect(store.read(counts)).toEqual({ value: { a: 1, b: 2 }, status: 'ok', dropped: 0 });
  });

  it('drops only the bad entries, keeps the rest, reports it and stores the cleaned record', () => {
    const storage = memoryStorage({ 'sop:/:counts': JSON.stringify({ v: 2, data: { a: 1, bad: 'x', b: 2 } }) });
    const store = createStore(storage, '/');
    expect(store.read(counts)).toEqual({ value: { a: 1, b: 2 }, status: 'partial', dropped: 1 });
    // Reported once: the next read is clean.
    expect(store.read(counts)).toEqual({ value: { a: 1, b: 2 }, status: 'ok', dropped: 0 });
  });

  it.each([
    ['not JSON', '{oops'],
    ['another version', JSON.stringify({ v: 1, data: { a: 1 } })],
    ['no envelope', JSON.stringify({ a: 1 })],
    ['data of the wrong shape', JSON.stringify({ v: 2, data: [1, 2] })],
  ])('resets a record that is %s, and says so once', (_name, raw) => {
    const storage = memoryStorage({ 'sop:/:counts': raw, other: 'kept' });
    const store = createStore(storage, '/');
    expect(store.read(counts)).toEqual({ value: {}, status: 'reset', dropped: 0 });
    expect(store.read(counts).status).toBe('ok');
    expect(storage.data.get('other')).toBe('kept');
  });

  it('takes over the unscoped key of an earlier build once, entry by entry, and leaves it for other copies', () => {
    const storage = memoryStorage({ 'old-counts': JSON.stringify({ a: 1, bad: null }) });
    const store = createStore(storage, '/sop/');
    expect(store.read(counts)).toEqual({ value: { a: 1 }, status: 'partial', dropped: 1 });
    expect(store.read(counts)).toEqual({ value: { a: 1 }, status: 'ok', dropped: 0 });
    // Another copy on the same origin migrates its own copy.
    expect(createStore(storage, '/').read(counts).value).toEqual({ a: 1 });
    expect(storage.data.has('old-counts')).toBe(true);
  });

  it('does not bring back a migrated record after it was cleared', () => {
    const storage = memoryStorage({ 'old-counts': JSON.stringify({ a: 1 }) });
    const store = createStore(storage, '/');
    expect(store.read(counts).status).toBe('migrated');
    expect(store.clear(counts)).toEqual({ ok: true });
    expect(store.read(counts)).toEqual({ value: {}, status: 'ok', dropped: 0 });
  });

  it('resets an unreadable earlier record, with a report', () => {
    const storage = memoryStorage({ 'old-counts': '{oops' });
    expect(createStore(storage, '/').read(counts).status).toBe('reset');
  });
});

describe('writing records', () => {
  it('says when storage is full, and keeps what was there', () => {
    const storage = memoryStorage({}, 60);
    const store = createStore(storage, '/');
    expect(store.write(counts, { a: 1 })).toEqual({ ok: true });
    expect(store.write(counts, Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i])))).toEqual({
      ok: false,
      reason: 'full',
    });
    expect(store.read(counts).value).toEqual({ a: 1 });
  });

  it('says when the browser does not allow storage at all, apart from full', () => {
    const refused = createStore(() => {
      throw new DOMException('denied', 'SecurityError');
    }, '/');
    expect(refused.write(counts, { a: 1 })).toEqual({ ok: false, reason: 'blocked' });
    expect(refused.read(counts)).toEqual({ value: {}, status: 'unavailable', dropped: 0, failure: 'blocked' });
    expect(createStore(undefined, '/').write(counts, {})).toEqual({ ok: false, reason: 'blocked' });
    const throwing: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {},
    };
    expect(createStore(throwing, '/').write(counts, {})).toEqual({ ok: false, reason: 'blocked' });
    expect(FAILURE_TEXT.full).toBe('存储空间已满');
    expect(FAILURE_TEXT.blocked).not.toContain('已满');
  });

  it('calls a quota of 0 (old Safari private mode) "not allowed", not "full"', () => {
    const zero = Object.assign(memoryStorage({}, 0), { length: 0 });
    expect(createStore(zero, '/').write(counts, { a: 1 })).toEqual({ ok: false, reason: 'blocked' });
  });

  it('recognises quota errors of every engine', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 })).toBe(true);
    expect(isQuotaError({ code: 22 })).toBe(true);
    expect(isQuotaError(new DOMException('x', 'SecurityError'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});

describe('what the reader is told', () => {
  it('says a record was reset, or how many entries were dropped, or nothing', () => {
    expect(readNotice({ status: 'reset', dropped: 0 }, '学习进度')).toBe('学习进度记录已损坏,已重置。');
    expect(readNotice({ status: 'partial', dropped: 2 }, '学习进度')).toBe('学习进度中有 2 条记录已损坏,已删除;其余已保留。');
    expect(readNotice({ status: 'ok', dropped: 0 }, '学习进度')).toBe('');
    expect(readNotice({ status: 'unavailable', dropped: 0 }, '学习进度')).toBe('');
  });

  it('says why a write failed, full apart from not allowed, and nothing when it succeeded', () => {
    expect(writeNotice({ ok: false, reason: 'full' }, '学习进度')).toBe('存储空间已满,学习进度未能保存。');
    expect(writeNotice({ ok: false, reason: 'blocked' }, '学习进度')).toContain('不允许');
    expect(writeNotice({ ok: true }, '学习进度')).toBe('');
  });
});
