import { describe, expect, it } from 'vitest';
import { CHANGED_KEY, diffRevisions, dismissChanges, recordVisit, SEEN_KEY, type StorageLike } from './visits';

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const v1 = { 'spa/lounge': '1.0@2026-11-27', 'hotel/room-change': '1.0@2026-11-27' };
const v2 = { 'spa/lounge': '1.1@2026-12-01', 'hotel/room-change': '1.0@2026-11-27', 'hotel/new': '1.0@2026-12-01' };

describe('diffRevisions', () => {
  it('names added and changed procedures, not unchanged or removed ones', () => {
    expect(diffRevisions(v1, v2)).toEqual({ 'spa/lounge': 'changed', 'hotel/new': 'added' });
    expect(diffRevisions(v2, v1)).toEqual({ 'spa/lounge': 'changed' });
    expect(diffRevisions(v1, v1)).toEqual({});
  });
});

describe('recordVisit', () => {
  it('lists nothing on a first visit and remembers what was seen', () => {
    const local = memoryStorage();
    const session = memoryStorage();
    expect(recordVisit(local, session, v1)).toEqual({ changed: {}, reset: false });
    expect(JSON.parse(local.data.get(SEEN_KEY)!)).toEqual(v1);
  });

  it('lists what changed since the last visit, for the whole visit', () => {
    const local = memoryStorage({ [SEEN_KEY]: JSON.stringify(v1) });
    const session = memoryStorage();
    const expected = { 'spa/lounge': 'changed', 'hotel/new': 'added' };
    expect(recordVisit(local, session, v2).changed).toEqual(expected);
    // The next page of the same visit still lists them, though v2 is now "seen".
    expect(JSON.parse(local.data.get(SEEN_KEY)!)).toEqual(v2);
    expect(recordVisit(local, session, v2).changed).toEqual(expected);
    // A new visit (new session) starts from v2: nothing new.
    expect(recordVisit(local, memoryStorage(), v2).changed).toEqual({});
  });

  it('adds an update published during the visit to the list', () => {
    const local = memoryStorage();
    const session = memoryStorage();
    recordVisit(local, session, v1);
    expect(recordVisit(local, session, v2).changed).toEqual({ 'spa/lounge': 'changed', 'hotel/new': 'added' });
  });

  it('drops procedures no longer in the handbook', () => {
    const local = memoryStorage({ [SEEN_KEY]: JSON.stringify(v1) });
    const session = memoryStorage({ [CHANGED_KEY]: JSON.stringify({ gone: 'changed' }) });
    expect(recordVisit(local, session, v1).changed).toEqual({});
    expect(session.data.has(CHANGED_KEY)).toBe(false);
  });

  it.each([
    ['not JSON', '{oops'],
    ['an array', '["spa/lounge"]'],
    ['wrong value types', '{"spa/lounge": 3}'],
    ['null', 'null'],
  ])('resets stored revisions that are %s', (_name, raw) => {
    const local = memoryStorage({ [SEEN_KEY]: raw });
    const result = recordVisit(local, memoryStorage(), v1);
    expect(result).toEqual({ changed: {}, reset: true });
    expect(JSON.parse(local.data.get(SEEN_KEY)!)).toEqual(v1);
  });

  it('resets a corrupt list of this visit but still compares with the stored revisions', () => {
    const local = memoryStorage({ [SEEN_KEY]: JSON.stringify(v1) });
    const session = memoryStorage({ [CHANGED_KEY]: '{"spa/lounge":"maybe"}' });
    expect(recordVisit(local, session, v2)).toEqual({
      changed: { 'spa/lounge': 'changed', 'hotel/new': 'added' },
      reset: true,
    });
  });

  it('forgets the list once dismissed', () => {
    const local = memoryStorage({ [SEEN_KEY]: JSON.stringify(v1) });
    const session = memoryStorage();
    recordVisit(local, session, v2);
    dismissChanges(session);
    expect(recordVisit(local, session, v2).changed).toEqual({});
  });
});
