import { describe, expect, it } from 'vitest';
import { groupByDay, latestChange, recentChanges, revisionOf, sortedChanges } from './changelog';

const change = (version: string, date: string, changes = `v${version}`) => ({ version, date: new Date(date), changes });

describe('a procedure change log', () => {
  it('finds the newest entry whatever the file order, by date then version', () => {
    const data = {
      version: '1.2',
      changelog: [change('1.0', '2026-01-05'), change('1.2', '2026-03-01'), change('1.1', '2026-03-01')],
    };
    expect(latestChange(data)?.version).toBe('1.2');
    expect(sortedChanges(data).map((c) => c.version)).toEqual(['1.2', '1.1', '1.0']);
  });

  it('compares versions as numbers: 1.10 is newer than 1.9', () => {
    const data = { changelog: [change('1.9', '2026-03-01'), change('1.10', '2026-03-01')] };
    expect(latestChange(data)?.version).toBe('1.10');
  });

  it('has a revision that changes exactly when a new entry is added', () => {
    const before = { version: '1.0', changelog: [change('1.0', '2026-11-27')] };
    const after = { version: '1.1', changelog: [...before.changelog, change('1.1', '2026-12-01')] };
    expect(revisionOf(before)).toBe('1.0@2026-11-27');
    expect(revisionOf({ ...before })).toBe(revisionOf(before));
    expect(revisionOf(after)).toBe('1.1@2026-12-01');
  });

  it('falls back to the version when there is no change log', () => {
    expect(revisionOf({ version: '2.0', changelog: [] })).toBe('2.0');
    expect(latestChange({ changelog: [] })).toBeUndefined();
  });
});

describe('the handbook change list', () => {
  const procedures = [
    { id: 'a', data: { changelog: [change('1.0', '2026-01-01'), change('1.1', '2026-02-01')] } },
    { id: 'b', data: { changelog: [change('1.0', '2026-02-01')] } },
    { id: 'c', data: { changelog: [change('1.0', '2026-03-01')] } },
  ];

  it('lists every entry newest first, same-day entries in handbook order', () => {
    const list = recentChanges(procedures).map((e) => `${e.procedure.id}${e.change.version}`);
    expect(list).toEqual(['c1.0', 'a1.1', 'b1.0', 'a1.0']);
  });

  it('keeps only the most recent entries when limited', () => {
    expect(recentChanges(procedures, 2).map((e) => e.procedure.id)).toEqual(['c', 'a']);
  });

  it('groups by day in order', () => {
    const groups = groupByDay(recentChanges(procedures));
    expect(groups.map((g) => [g.day, g.items.length])).toEqual([
      ['2026-03-01', 1],
      ['2026-02-01', 2],
      ['2026-01-01', 1],
    ]);
  });
});
