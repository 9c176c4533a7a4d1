import { describe, expect, it } from 'vitest';
import {
  CHANGE_LABEL,
  changedLines,
  changedRecord,
  diffRevisions,
  dismissChanges,
  LEGACY_SEEN_KEY,
  parseRevisions,
  recordVisit,
  seenRecord,
} from './changed-since';
import { createStore, scopedKey } from './client/storage';
import { memoryStorage } from '../../tests/helpers/memory-storage';

const SEEN_KEY = scopedKey('/', seenRecord.name);
const CHANGED_KEY = scopedKey('/', changedRecord.name);
const record = (data: unknown) => JSON.stringify({ v: 1, data });
const seenOf = (storage: ReturnType<typeof memoryStorage>) => JSON.parse(storage.data.get(SEEN_KEY)!).data;
const stores = (local = memoryStorage(), session = memoryStorage()) => ({
  local,
  session,
  l: createStore(local, '/'),
  s: createStore(session, '/'),
});

const v1 = { 'spa/lounge': '1.0@2026-11-27', 'hotel/room-change': '1.0@2026-11-27' };
const v2 = { 'spa/lounge': '1.1@2026-12-01', 'hotel/room-change': '1.0@2026-11-27', 'hotel/new': '1.0@2026-12-01' };

describe('stored records', () => {
  it('keep the names readers already have in their browsers', () => {
    expect(seenRecord.name).toBe('seen-revisions');
    expect(changedRecord.name).toBe('changed-since-visit');
    expect(LEGACY_SEEN_KEY).toBe('sop:seen-revisions');
  });
});

describe('parseRevisions', () => {
  it('takes an object of revisions and nothing else', () => {
    expect(parseRevisions(v1)).toEqual(v1);
    expect(parseRevisions({})).toEqual({});
    for (const bad of [null, [], ['1.0'], '1.0', 3, undefined]) expect(parseRevisions(bad)).toBeUndefined();
  });
});

describe('CHANGE_LABEL', () => {
  it('tells a new procedure from an updated one', () => {
    expect(CHANGE_LABEL).toEqual({ added: '新增', changed: '有更新' });
  });
});

describe('diffRevisions', () => {
  it('names added and changed procedures, not unchanged or removed ones', () => {
    expect(diffRevisions(v1, v2)).toEqual({ 'spa/lounge': 'changed', 'hotel/new': 'added' });
    expect(diffRevisions(v2, v1)).toEqual({ 'spa/lounge': 'changed' });
    expect(diffRevisions(v1, v1)).toEqual({});
  });
});

describe('recordVisit', () => {
  const OK = { ok: true };
  it('lists nothing on a first visit and remembers what was seen', () => {
    const { local, l, s } = stores();
    expect(recordVisit(l, s, v1)).toEqual({ changed: {}, reset: false, saved: OK });
    expect(seenOf(local)).toEqual(v1);
  });

  it('lists what changed since the last visit, for the whole visit', () => {
    const { local, l, s } = stores(memoryStorage({ [SEEN_KEY]: record(v1) }));
    const expected = { 'spa/lounge': 'changed', 'hotel/new': 'added' };
    expect(recordVisit(l, s, v2).changed).toEqual(expected);
    // The next page of the same visit still lists them, though v2 is now "seen".
    expect(seenOf(local)).toEqual(v2);
    expect(recordVisit(l, s, v2).changed).toEqual(expected);
    // A new visit (new session) starts from v2: nothing new.
    expect(recordVisit(l, createStore(memoryStorage(), '/'), v2).changed).toEqual({});
  });

  it('adds an update published during the visit to the list', () => {
    const { l, s } = stores();
    recordVisit(l, s, v1);
    expect(recordVisit(l, s, v2).changed).toEqual({ 'spa/lounge': 'changed', 'hotel/new': 'added' });
  });

  it('drops procedures no longer in the handbook', () => {
    const { session, l, s } = stores(
      memoryStorage({ [SEEN_KEY]: record(v1) }),
      memoryStorage({ [CHANGED_KEY]: record({ gone: 'changed' }) }),
    );
    expect(recordVisit(l, s, v1).changed).toEqual({});
    expect(JSON.parse(session.data.get(CHANGED_KEY)!).data).toEqual({});
  });

  it('takes over what a build before scoped keys had seen', () => {
    const { local, l, s } = stores(memoryStorage({ [LEGACY_SEEN_KEY]: JSON.stringify(v1) }));
    expect(recordVisit(l, s, v2)).toEqual({ changed: { 'spa/lounge': 'changed', 'hotel/new': 'added' }, reset: false, saved: OK });
    expect(seenOf(local)).toEqual(v2);
  });

  it.each([
    ['not JSON', '{oops'],
    ['an array', record(['spa/lounge'])],
    ['null', 'null'],
    ['an old unscoped record that is not JSON', undefined],
  ])('resets stored revisions that are %s', (_name, raw) => {
    const local = memoryStorage(raw === undefined ? { [LEGACY_SEEN_KEY]: '{oops' } : { [SEEN_KEY]: raw });
    const { l, s } = stores(local);
    expect(recordVisit(l, s, v1)).toEqual({ changed: {}, reset: true, saved: OK });
    expect(seenOf(local)).toEqual(v1);
  });

  it('keeps the valid revisions when one entry is bad, and claims nothing about the bad one', () => {
    const { l, s } = stores(memoryStorage({ [SEEN_KEY]: record({ 'spa/lounge': '1.0@2026-11-27', 'hotel/room-change': 3 }) }));
    expect(recordVisit(l, s, v2)).toEqual({ changed: { 'spa/lounge': 'changed' }, reset: true, saved: OK });
  });

  it('resets a corrupt entry of this visit but still compares with the stored revisions', () => {
    const { l, s } = stores(
      memoryStorage({ [SEEN_KEY]: record(v1) }),
      memoryStorage({ [CHANGED_KEY]: record({ 'spa/lounge': 'maybe' }) }),
    );
    expect(recordVisit(l, s, v2)).toEqual({
      changed: { 'spa/lounge': 'changed', 'hotel/new': 'added' },
      reset: true,
      saved: OK,
    });
  });

  it('says when the visit could not be recorded because storage is full', () => {
    const { l, s } = stores(memoryStorage({}, 10));
    expect(recordVisit(l, s, v1).saved).toEqual({ ok: false, reason: 'full' });
  });

  it('forgets the list once dismissed', () => {
    const { l, s } = stores(memoryStorage({ [SEEN_KEY]: record(v1) }));
    recordVisit(l, s, v2);
    dismissChanges(s);
    expect(recordVisit(l, s, v2).changed).toEqual({});
  });
});

describe('changedLines', () => {
  const digest = {
    'hotel/a': { title: '换房程序', href: '/procedures/hotel/a/', latest: '1.1 版 · 2026-11-02:新增话术' },
    'hotel/b': { title: '团队入住', href: '/procedures/hotel/b/' },
    'hotel/c': { title: '叫早', href: '/procedures/hotel/c/' },
    'spa/x': { title: 42, href: '/procedures/spa/x/' },
    'spa/y': { title: '外链', href: 'https://elsewhere.example/' },
  };

  it('lists the changed procedures in the digest order, each with its kind and latest change', () => {
    expect(changedLines(digest, { 'hotel/c': 'added', 'hotel/a': 'changed' })).toEqual([
      { kind: 'changed', title: '换房程序', href: '/procedures/hotel/a/', latest: '1.1 版 · 2026-11-02:新增话术' },
      { kind: 'added', title: '叫早', href: '/procedures/hotel/c/' },
    ]);
  });

  it('leaves out malformed entries and ids the digest does not know, and takes nothing from a broken digest', () => {
    expect(changedLines(digest, { 'spa/x': 'changed', 'spa/y': 'added', 'gone/z': 'changed' })).toEqual([]);
    for (const broken of [null, [], 'x', 3]) expect(changedLines(broken, { 'hotel/a': 'changed' })).toEqual([]);
  });
});
