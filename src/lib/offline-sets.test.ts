import { describe, expect, it } from 'vitest';
import { createStore } from './client/storage';
import { memoryStorage } from '../../tests/helpers/memory-storage';
import { keptRowText, keptSetsRecord, summarizeKept, urlsToDrop, type KeptSets } from './offline-sets';


const sets: KeptSets = {
  '/categories/hotel/': { title: '酒店接待', what: '本类', urls: ['/procedures/hotel/a/', '/procedures/hotel/b/', '/quiz/hotel/a/'], savedAt: '2026-12-01T08:00:00.000Z' },
  '/paths/new-hire/': { title: '新员工入门', what: '本路径', urls: ['/procedures/hotel/a/', '/procedures/spa/c/'], savedAt: '2026-12-02T08:00:00.000Z' },
};

describe('the kept-sets record', () => {
  it('keeps the valid sets of a damaged record and says how many it dropped', () => {
    const storage = memoryStorage();
    const store = createStore(storage, '/');
    storage.setItem(
      store.key(keptSetsRecord),
      JSON.stringify({
        v: 1,
        data: {
          ...sets,
          'not-a-path': sets['/categories/hotel/'],
          '/categories/spa/': { title: 'SPA', what: '本类', urls: [], savedAt: '2026-12-01' },
          '/categories/x/': { title: 'X', what: '本类', urls: ['https://elsewhere.example/'], savedAt: '2026-12-01' },
          '/categories/y/': 'broken',
        },
      }),
    );
    const read = store.read(keptSetsRecord);
    expect(read.status).toBe('partial');
    expect(read.dropped).toBe(4);
    expect(Object.keys(read.value).sort()).toEqual(['/categories/hotel/', '/paths/new-hire/']);
    // Written back cleaned: the next read is clean.
    expect(store.read(keptSetsRecord).status).toBe('ok');
  });

  it('resets a record that is not JSON, or of another version', () => {
    for (const raw of ['{', JSON.stringify({ v: 2, data: sets }), JSON.stringify({ v: 1, data: [] })]) {
      const storage = memoryStorage();
      const store = createStore(storage, '/sop/');
      storage.setItem(store.key(keptSetsRecord), raw);
      expect(store.read(keptSetsRecord)).toMatchObject({ status: 'reset', value: {} });
    }
  });
});

describe('letting a set go', () => {
  it('deletes only the pages no other kept set needs', () => {
    expect(urlsToDrop(sets, '/categories/hotel/', sets['/categories/hotel/']!.urls)).toEqual(['/procedures/hotel/b/', '/quiz/hotel/a/']);
    expect(urlsToDrop(sets, '/paths/new-hire/', sets['/paths/new-hire/']!.urls)).toEqual(['/procedures/spa/c/']);
    expect(urlsToDrop({}, '/categories/hotel/', ['/x/'])).toEqual(['/x/']);
  });
});

describe('what the device holds, by set', () => {
  const cached = new Map([
    ['/procedures/hotel/a/', 1000],
    ['/procedures/hotel/b/', 2000],
    ['/procedures/spa/c/', 500],
    ['/procedures/spa/d/', 300],
    ['/', 100],
  ]);

  it('counts from the cache, newest set first, and the opened pages apart', () => {
    const summary = summarizeKept(sets, cached);
    expect(summary.sets).toEqual([
      { href: '/paths/new-hire/', title: '新员工入门', kept: 2, total: 2, bytes: 1500 },
      { href: '/categories/hotel/', title: '酒店接待', kept: 2, total: 3, bytes: 3000 },
    ]);
    expect(summary.opened).toEqual({ count: 2, bytes: 400 });
    // A page in two sets is counted once in the total.
    expect(summary.all).toEqual({ count: 5, bytes: 3900 });
  });

  it('claims only what is there', () => {
    const [path, hotel] = summarizeKept(sets, cached).sets;
    expect(keptRowText(path!)).toBe('2 个页面全部在本机,共 1 KB。');
    expect(keptRowText(hotel!)).toBe('3 个页面中有 2 个在本机(3 KB);其余的断网时打不开。');
    expect(keptRowText(summarizeKept(sets, new Map()).sets[0]!)).toBe('已不在本机(0/2 个页面),断网时打不开。');
  });
});
