import { describe, expect, it } from 'vitest';
import { assemble, expectedSections, mergeInOrder, printAllLabel, volumeProblem, type PrintAllPlan } from './handbook-print-all';

const plan: PrintAllPlan = {
  volumes: [
    { url: '/handbook/a/1/', part: 1, first: 1, count: 3 },
    { url: '/handbook/a/2/', part: 2, first: 4, count: 2 },
  ],
  terms: ['term-note-a', 'term-note-b', 'term-note-c', 'term-note-d'],
};

describe('assemble', () => {
  it('takes every procedure once, in handbook order, and merges the glossaries in glossary order', () => {
    expect(
      assemble(plan, [
        { sections: ['hb-1', 'hb-2', 'hb-3'], terms: ['term-note-c', 'term-note-d'] },
        { sections: ['hb-4', 'hb-5'], terms: ['term-note-a', 'term-note-c'] },
      ]),
    ).toEqual({ ok: true, sections: ['hb-1', 'hb-2', 'hb-3', 'hb-4', 'hb-5'], terms: ['term-note-a', 'term-note-c', 'term-note-d'] });
  });

  it('refuses a volume that lacks a procedure, holds one more, or holds them out of order', () => {
    for (const second of [['hb-4'], ['hb-4', 'hb-5', 'hb-6'], ['hb-5', 'hb-4'], []]) {
      const result = assemble(plan, [{ sections: ['hb-1', 'hb-2', 'hb-3'], terms: [] }, { sections: second, terms: [] }]);
      expect(result.ok, second.join()).toBe(false);
      if (!result.ok) expect(result.problem).toContain('第 2 册应收第 4–5 个流程');
    }
  });

  it('refuses fewer volumes than the list page names', () => {
    const result = assemble(plan, [{ sections: ['hb-1', 'hb-2', 'hb-3'], terms: [] }]);
    expect(result).toEqual({ ok: false, problem: '只载入了 1/2 册,所以没有打印。' });
  });

  it('refuses the same procedure in two volumes', () => {
    const overlapping: PrintAllPlan = { ...plan, volumes: [plan.volumes[0]!, { ...plan.volumes[1]!, first: 3 }] };
    const result = assemble(overlapping, [
      { sections: ['hb-1', 'hb-2', 'hb-3'], terms: [] },
      { sections: ['hb-3', 'hb-4'], terms: [] },
    ]);
    expect(result.ok).toBe(false);
  });
});

describe('the parts of a volume', () => {
  it('expects the volume numbers to run on from its first', () => {
    expect(expectedSections({ url: '', part: 3, first: 41, count: 3 })).toEqual(['hb-41', 'hb-42', 'hb-43']);
    expect(volumeProblem(plan.volumes[1]!, { sections: ['hb-4', 'hb-5'], terms: [] })).toBeUndefined();
  });

  it('keeps glossary entries the order does not know, after the known ones, once each', () => {
    expect(mergeInOrder(['x', 'y'], [['z', 'y'], ['y', 'x', 'w', 'z']])).toEqual(['x', 'y', 'z', 'w']);
  });

  it('names the volumes and procedures on the button', () => {
    expect(printAllLabel(3, 52)).toBe('一次打印全部 3 册(共 52 个流程)');
  });
});
