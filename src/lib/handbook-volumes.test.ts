import { describe, expect, it } from 'vitest';
import { planVolumes } from './handbook-volumes';

const corpus = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([category, n]) => Array.from({ length: n }, (_, i) => ({ id: `${category}-${i + 1}`, category, steps: 10 })));
const plan = (counts: Record<string, number>, size: number) =>
  planVolumes(corpus(counts), ['a', 'b', 'c'], (p) => p.category, (p) => p.steps, { size });

describe('planVolumes', () => {
  it('keeps one page for a handbook that fits one volume, and one per category with procedures', () => {
    const volumes = plan({ a: 2, c: 1 }, 3);
    expect(volumes.whole).toBe(true);
    expect(volumes.categories.map((c) => [c.categoryId, c.whole, c.path, c.volumes.map((v) => v.path)])).toEqual([
      ['a', true, 'handbook/a/', ['handbook/a/']],
      ['c', true, 'handbook/c/', ['handbook/c/']],
    ]);
  });

  it('cuts a large category into numbered volumes whose numbers run on', () => {
    const volumes = plan({ a: 7, b: 3 }, 3);
    expect(volumes.whole).toBe(false);
    const [a, b] = volumes.categories;
    expect(a!.whole).toBe(false);
    expect(a!.volumes.map((v) => [v.path, v.part, v.parts, v.first, v.procedures.map((p) => p.id)])).toEqual([
      ['handbook/a/1/', 1, 3, 1, ['a-1', 'a-2', 'a-3']],
      ['handbook/a/2/', 2, 3, 4, ['a-4', 'a-5', 'a-6']],
      ['handbook/a/3/', 3, 3, 7, ['a-7']],
    ]);
    expect(b!.whole).toBe(true);
    expect(b!.volumes.map((v) => v.procedures.length)).toEqual([3]);
  });

  it('never puts more than the volume size on a page, and loses no procedure, at any size', () => {
    for (const total of [1, 19, 20, 21, 299, 1000]) {
      const volumes = plan({ a: Math.ceil(total / 2), b: Math.floor(total / 2) }, 20);
      const all = volumes.categories.flatMap((c) => c.volumes.flatMap((v) => v.procedures.map((p) => p.id)));
      expect(all).toEqual(corpus({ a: Math.ceil(total / 2), b: Math.floor(total / 2) }).map((p) => p.id));
      for (const c of volumes.categories) for (const v of c.volumes) expect(v.procedures.length).toBeLessThanOrEqual(20);
      expect(volumes.whole).toBe(total <= 20);
    }
  });

  it('also cuts by steps, so a volume of long procedures stays small; a very long one stands alone', () => {
    const items = [
      { id: 'a1', category: 'a', steps: 30 },
      { id: 'a2', category: 'a', steps: 30 },
      { id: 'a3', category: 'a', steps: 50 },
      { id: 'a4', category: 'a', steps: 120 },
      { id: 'a5', category: 'a', steps: 5 },
    ];
    const volumes = planVolumes(items, ['a'], (p) => p.category, (p) => p.steps, { size: 20, steps: 60 });
    expect(volumes.categories[0]!.volumes.map((v) => [v.first, v.procedures.map((p) => p.id)])).toEqual([
      [1, ['a1', 'a2']],
      [3, ['a3']],
      [4, ['a4']],
      [5, ['a5']],
    ]);
    expect(volumes.whole).toBe(false);
  });
});
