import { describe, expect, it } from 'vitest';
import { diffSteps, isEmptyDiff, touchedSteps } from './step-diff';
import { procedure } from '../../tests/helpers/fixtures';

const before = procedure().steps;

describe('diffSteps', () => {
  it('finds nothing between equal versions', () => {
    expect(isEmptyDiff(diffSteps(before, procedure().steps))).toBe(true);
  });

  it('names added and removed steps', () => {
    const after = procedure((p) => {
      p.steps.splice(2, 1); // register
      p.steps.splice(2, 0, { id: 'check-id', kind: 'task', title: '查验证件', next: 'lead-guest' });
      p.steps[1]!.branches![1]!.to = 'check-id';
    }).steps;
    const diff = diffSteps(before, after);
    expect(diff.added).toEqual([{ id: 'check-id', title: '查验证件' }]);
    expect(diff.removed).toEqual([{ id: 'register', title: '登记来访' }]);
    expect(diff.moved).toEqual([]);
    expect(diff.changed).toEqual([{ id: 'ask-booking', title: '是否有预约?', fields: ['flow'] }]);
  });

  it('calls only the step that left its place moved, not every step after it', () => {
    const after = procedure((p) => {
      const [register] = p.steps.splice(2, 1);
      p.steps.splice(4, 0, register!); // after done
    }).steps;
    expect(diffSteps(before, after).moved.map((s) => s.id)).toEqual(['register']);
  });

  it('names changed titles, 话术, cautions and branches', () => {
    const after = procedure((p) => {
      p.steps[0]!.title = '客人到达前台';
      p.steps[2]!.say = ['请您登记一下。'];
      p.steps[3]!.cautions = ['走在客人左前方。'];
      p.steps[1]!.branches![0]!.label = '有预约';
    }).steps;
    const diff = diffSteps(before, after);
    expect(diff.changed).toEqual([
      { id: 'greet', title: '客人到达前台', fields: ['title'], oldTitle: '客人到达' },
      { id: 'ask-booking', title: '是否有预约?', fields: ['flow'] },
      { id: 'register', title: '登记来访', fields: ['say'] },
      { id: 'lead-guest', title: '引领客人', fields: ['cautions'] },
    ]);
    expect([...touchedSteps(diff)]).toEqual(['greet', 'ask-booking', 'register', 'lead-guest']);
  });
});
