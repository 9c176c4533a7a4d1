import { describe, expect, it } from 'vitest';
import { formatIssues, validateCorpus, validateProcedure } from './validate';
import { createRoleIndex } from '../roles';
import { procedure } from '../../../tests/helpers/fixtures';
import type { Step } from './schema';

const roles = createRoleIndex([
  { id: 'front-desk', name: '前台接待员', aliases: ['接待员'], description: '前台' },
  { id: 'bellboy', name: '行李生', aliases: [], description: '行李' },
]);
const context = { roles, categories: new Set(['corporate', 'hotel']) };

const step = (s: Partial<Step> & Pick<Step, 'id' | 'kind'>): Step => ({
  title: s.id,
  say: [],
  cautions: [],
  branches: [],
  ...s,
});

describe('validateProcedure', () => {
  it('passes the valid fixture', () => {
    expect(validateProcedure(procedure(), context)).toEqual([]);
  });

  it('reports a duplicate id', () => {
    const data = procedure((p) => {
      p.steps.push({ id: 'done', kind: 'end', title: '另一个结束' });
    });
    expect(validateProcedure(data)).toEqual([
      { step: 'done', message: '步骤 id 重复(第 5 个和第 6 个步骤)。修正:给其中一个换一个唯一的 id。' },
    ]);
  });

  it('reports an unknown next target and suggests the nearest id', () => {
    const data = procedure((p) => {
      p.steps[2]!.next = 'lead-gust';
    });
    expect(validateProcedure(data)).toEqual([
      {
        step: 'register',
        message: 'next 指向不存在的步骤 "lead-gust"。修正:改成一个已有的步骤 id,是不是 "lead-guest"?',
      },
    ]);
  });

  it('reports an unknown branch target and lists ids when nothing is close', () => {
    const data = procedure((p) => {
      p.steps[1]!.branches![1] = { label: '否', to: 'zzzzzzzzzzzz' };
    });
    expect(validateProcedure(data)).toEqual([
      {
        step: 'ask-booking',
        message:
          '分支 "否" 指向不存在的步骤 "zzzzzzzzzzzz"。修正:改成一个已有的步骤 id,已有的步骤:greet、ask-booking、register、lead-guest、done。',
      },
    ]);
  });

  it('reports an unreachable step', () => {
    const data = procedure((p) => {
      p.steps.splice(3, 0, { id: 'orphan', kind: 'task', title: '孤立步骤', next: 'done' });
    });
    expect(validateProcedure(data)).toEqual([
      { step: 'orphan', message: '从开始步骤走不到这个步骤。修正:让某个步骤的 next 或分支指向它,或者删掉它。' },
    ]);
  });

  it('reports steps from which no end can be reached', () => {
    const data = procedure((p) => {
      p.steps[3]!.next = 'register';
    });
    const issues = validateProcedure(data);
    const message = '从这个步骤出发永远到不了结束步骤(死路或死循环)。修正:让这条路最终指向一个 kind: end 的步骤。';
    expect(issues).toContainEqual({ step: 'register', message });
    expect(issues).toContainEqual({ step: 'lead-guest', message });
    expect(issues).toContainEqual({ step: 'done', message: '从开始步骤走不到这个步骤。修正:让某个步骤的 next 或分支指向它,或者删掉它。' });
  });

  it('reports a decision with one branch', () => {
    const data = procedure((p) => {
      p.steps[1]!.branches = [{ label: '是', to: 'register' }];
    });
    expect(validateProcedure(data)).toContainEqual({
      step: 'ask-booking',
      message:
        '判断步骤只有 1 个分支。修正:判断至少要有两个带标签的分支(例如 是 / 否);只有一条出路就改为 kind: task 并用 next。',
    });
  });

  it('reports an unlabelled branch', () => {
    const data = procedure((p) => {
      p.steps[1]!.branches![0]!.label = ' ';
    });
    expect(validateProcedure(data)).toEqual([
      { step: 'ask-booking', message: '第 1 个分支(→ "lead-guest")没有标签。修正:给它写上 label,例如 是 / 否。' },
    ]);
  });

  it('reports no start and two starts', () => {
    const none = procedure((p) => {
      p.steps[0]!.kind = 'task';
    });
    expect(validateProcedure(none)).toEqual([{ message: '没有开始步骤。修正:把流程的第一个步骤设为 kind: start。' }]);
    const two = procedure((p) => {
      p.steps[2]!.kind = 'start';
    });
    expect(validateProcedure(two)).toEqual([
      {
        step: 'register',
        message: '有 2 个开始步骤(greet、register)。修正:只保留一个 kind: start,其余改为 task。',
      },
    ]);
  });

  it('reports a task without next and an end with next', () => {
    // A task without next goes on to the following step; the last step has none to go to.
    const lastTask = procedure((p) => {
      const [register] = p.steps.splice(2, 1);
      delete register!.next;
      p.steps.push(register!);
    });
    expect(validateProcedure(lastTask)).toContainEqual({
      step: 'register',
      message: '缺少 next。修正:写明下一步的 id,或把它改为 kind: end。',
    });
    expect(validateProcedure(procedure((p) => void (p.steps[4]!.next = 'greet')))).toContainEqual({
      step: 'done',
      message: '结束步骤不能有 next 或 branches。修正:删去它们,或把 kind 改为 task。',
    });
  });

  it('reports a role alias with the canonical name, and an unknown role', () => {
    const alias = procedure((p) => {
      p.roles = ['前台接待员', '接待员'];
      p.steps[2]!.role = '接待员';
    });
    expect(validateProcedure(alias, context)).toEqual([
      { message: 'roles 中的角色 "接待员" 是 "前台接待员" 的别名。修正:写成 "前台接待员"。' },
      { step: 'register', message: '角色 "接待员" 是 "前台接待员" 的别名。修正:写成 "前台接待员"。' },
    ]);
    const unknown = procedure((p) => {
      p.steps[2]!.role = '行李员';
    });
    expect(validateProcedure(unknown, context)).toEqual([
      // One message with the right name: "add it to roles" would have the author add the typo.
      { step: 'register', message: '角色 "行李员" 拼写有误。修正:改成 "行李生"。' },
    ]);
    const far = procedure((p) => {
      p.steps[2]!.role = '宇航员甲乙丙';
    });
    const [only, ...rest] = validateProcedure(far, context);
    expect(rest).toEqual([]);
    expect(only!.message).toContain('不在 content/roles.yaml 中。修正:改成 roles.yaml 里已有的角色');
  });

  it('reports an unknown category, checklist and variant step', () => {
    const data = procedure((p) => {
      p.category = 'hotell';
      p.steps[3]!.checklist = 'room-setup';
      p.checklists = [{ id: 'room-set-up', title: '布置', items: [{ id: 'a', text: '甲', when: 'b' }, { id: 'b', text: '乙' }] }];
      p.variants = [
        { id: 'male', label: '男宾部', overrides: [] },
        { id: 'female', label: '女宾部', overrides: [{ step: 'farewell', say: ['女士走好'] }] },
      ];
    });
    expect(validateProcedure(data, context)).toEqual([
      { message: '分类 "hotell" 不存在。修正:改成 content/categories.yaml 里的 id,是不是 "hotel"?' },
      {
        message:
          '检查表 "room-set-up" 的条目 "a" 的 when 指向 "b",它不是前面的条目。修正:when 只能指向同一检查表里排在前面的条目 id。',
      },
      { step: 'lead-guest', message: 'checklist 指向不存在的检查表 "room-setup"。修正:是不是 "room-set-up"?' },
      { message: '版本 "女宾部" 改写了不存在的步骤 "farewell"。修正:改成已有的步骤 id。' },
    ]);
  });

  it('checks standing roles like step roles: canonical, listed, once each', () => {
    const ok = procedure((p) => {
      p.roles = ['前台接待员', '行李生'];
      p.standingRoles = { title: '分工', roles: [{ role: '行李生', ref: '1', duty: '运送行李' }] };
    });
    expect(validateProcedure(ok, context)).toEqual([]);
    const bad = procedure((p) => {
      p.standingRoles = {
        title: '分工',
        roles: [
          { role: '接待员', duty: '甲' },
          { role: '行李生', duty: '乙' },
          { role: '行李生', duty: '丙' },
        ],
      };
    });
    expect(validateProcedure(bad, context)).toEqual([
      { message: 'standingRoles 中的角色 "接待员" 是 "前台接待员" 的别名。修正:写成 "前台接待员"。' },
      { message: 'standingRoles 中的角色 "接待员" 没有列在 roles 里。修正:把它加进 roles。' },
      { message: 'standingRoles 中的角色 "行李生" 没有列在 roles 里。修正:把它加进 roles。' },
      { message: 'standingRoles 中的角色 "行李生" 没有列在 roles 里。修正:把它加进 roles。' },
      { message: 'standingRoles 中的角色 "行李生" 写了两次。修正:把它的职责合成一条。' },
    ]);
  });

  it('works on bare steps too', () => {
    expect(
      validateProcedure({
        ...procedure(),
        steps: [step({ id: 'a', kind: 'start', next: 'b' }), step({ id: 'b', kind: 'end' })],
      }),
    ).toEqual([]);
  });
});

describe('formatIssues and validateCorpus', () => {
  it('names the file and each step', () => {
    expect(
      formatIssues('content/procedures/x.mdx', [{ step: 'greet', message: '缺少 next。' }, { message: '没有结束步骤。' }]),
    ).toBe('content/procedures/x.mdx: 2 处问题\n  - 步骤 "greet": 缺少 next。\n  - 没有结束步骤。');
  });

  it('reports a code used twice', () => {
    expect(
      validateCorpus([
        { file: 'a.mdx', data: { code: 'SOP-A-01' } },
        { file: 'b.mdx', data: { code: 'SOP-A-01' } },
      ]),
    ).toEqual(['b.mdx: 编号 SOP-A-01 已被 a.mdx 使用。修正:每个流程用一个唯一的编号。']);
  });
});

describe('owner fields', () => {
  it('expects a change-log entry for a resolved note, and one review cycle field', () => {
    const data = procedure((p) => {
      p.flags = [{ text: '待定', step: 'register', resolved: { date: '2027-01-05', by: '王敏', decision: '照旧' } }];
      p.changelog = [{ version: '1.0', date: '2026-11-27', changes: '首版。' }];
      p.reviewEveryMonths = 12;
      p.nextReview = '2027-06-01';
    });
    const messages = validateProcedure(data).map((i) => `${i.step ?? ''}|${i.message}`);
    expect(messages.some((m) => m.startsWith('register|标注“待定”已于 2027-01-05 确认'))).toBe(true);
    expect(messages.some((m) => m.startsWith('|同时写了 reviewEveryMonths 和 nextReview'))).toBe(true);
  });
});
