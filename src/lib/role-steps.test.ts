import { describe, expect, it } from 'vitest';
import { stepsByRole } from './role-steps';
import { procedure } from '../../tests/helpers/fixtures';

describe('stepsByRole', () => {
  it('groups each role’s steps by procedure, in step order, with step numbers', () => {
    const a = procedure((p) => {
      p.roles = ['前台接待员', '行李生'];
      p.steps[3]!.role = '行李生';
    });
    const b = procedure((p) => {
      p.code = 'SOP-TEST-02';
      p.title = '第二个流程';
    });
    const result = stepsByRole([
      { id: 'x/a', data: a },
      { id: 'x/b', data: b },
    ]);
    expect(result.get('行李生')).toEqual([
      { procedureId: 'x/a', code: 'SOP-TEST-01', title: '测试流程', steps: [{ step: a.steps[3], number: 4 }] },
    ]);
    const frontDesk = result.get('前台接待员')!;
    expect(frontDesk.map((g) => [g.procedureId, g.steps.map((s) => s.step.id)])).toEqual([
      ['x/a', ['greet', 'ask-booking', 'register']],
      ['x/b', ['greet', 'ask-booking', 'register', 'lead-guest']],
    ]);
    // The end step has no role and is listed under none.
    expect([...result.values()].flat().some((g) => g.steps.some((s) => s.step.id === 'done'))).toBe(false);
  });
});
