import { describe, expect, it } from 'vitest';
import { roleSummary, stepsByRole } from './role-steps';
import { buildProcedure } from './procedure/build';
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
      { id: 'x/a', model: buildProcedure(a) },
      { id: 'x/b', model: buildProcedure(b) },
    ]);
    expect(result.get('行李生')).toEqual([
      { procedureId: 'x/a', code: 'SOP-TEST-01', title: '测试流程', steps: [{ step: a.steps[3], number: { number: 4, title: a.steps[3]!.title } }], listed: true, mentions: [], duties: [] },
    ]);
    const frontDesk = result.get('前台接待员')!;
    expect(frontDesk.map((g) => [g.procedureId, g.steps.map((s) => s.step.id)])).toEqual([
      ['x/a', ['greet', 'ask-booking', 'register']],
      ['x/b', ['greet', 'ask-booking', 'register', 'lead-guest']],
    ]);
    // The end step has no role and is listed under none.
    expect([...result.values()].flat().some((g) => g.steps.some((s) => s.step.id === 'done'))).toBe(false);
  });

  it('lists a role’s standing duties in a procedure, also where it has no step there', () => {
    const a = procedure((p) => {
      p.roles = ['前台接待员', '行李生'];
      p.standingRoles = {
        title: '分工',
        roles: [
          { role: '行李生', ref: '1.1', duty: '运送行李' },
          { role: '前台接待员', duty: '统一受理' },
        ],
      };
    });
    const result = stepsByRole([{ id: 'x/a', model: buildProcedure(a) }]);
    expect(result.get('行李生')).toEqual([
      { procedureId: 'x/a', code: 'SOP-TEST-01', title: '测试流程', steps: [], listed: true, mentions: [], duties: [{ role: '行李生', ref: '1.1', duty: '运送行李' }] },
    ]);
    const frontDesk = result.get('前台接待员')!;
    expect(frontDesk).toHaveLength(1);
    expect(frontDesk[0]!.steps.map((s) => s.step.id)).toEqual(['greet', 'ask-booking', 'register', 'lead-guest']);
    expect(frontDesk[0]!.duties).toEqual([{ role: '前台接待员', duty: '统一受理' }]);
  });

  it('lists a procedure that names a role without giving it a step, with the steps that mention it', () => {
    const a = procedure((p) => {
      p.roles = ['前台接待员', '保洁阿姨', '行李生'];
      p.steps[2]!.detail = '登记后通知保洁阿姨打扫卫生。';
    });
    const result = stepsByRole([{ id: 'x/a', model: buildProcedure(a) }]);
    const cleaner = result.get('保洁阿姨')!;
    expect(cleaner).toHaveLength(1);
    expect(cleaner[0]).toMatchObject({ procedureId: 'x/a', listed: true, steps: [] });
    expect(cleaner[0]!.mentions.map((m) => [m.step.id, m.number.number])).toEqual([[a.steps[2]!.id, 3]]);
    // Named, no step, no mention: still listed, so the page can say so.
    expect(result.get('行李生')).toEqual([
      { procedureId: 'x/a', code: 'SOP-TEST-01', title: '测试流程', steps: [], listed: true, mentions: [], duties: [] },
    ]);
    // A role's own steps are not repeated as mentions.
    expect(result.get('前台接待员')![0]!.mentions).toEqual([]);
  });

  it('counts procedures and performed steps for /roles/', () => {
    const a = procedure((p) => {
      p.roles = ['前台接待员', '行李生'];
    });
    const result = stepsByRole([{ id: 'x/a', model: buildProcedure(a) }]);
    expect(roleSummary(result.get('行李生')!)).toBe('1 个流程 · 无指派步骤');
    expect(roleSummary(result.get('前台接待员')!)).toBe(`1 个流程 · ${result.get('前台接待员')![0]!.steps.length} 步`);
    expect(roleSummary([])).toBe('未列入任何流程');
  });
});
