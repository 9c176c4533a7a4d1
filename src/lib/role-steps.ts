// Every procedure that names each role: the steps it performs there, the
// steps that mention it, and its standing duties (standingRoles), which are
// not steps; for the role pages and the /roles/ counts.
import type { ProcedureData, StandingRole, Step } from './procedure/schema';
import type { Procedure } from './procedure/build';
import type { StepNumber } from './procedure/numbering';

export interface NumberedStep {
  step: Step;
  number: StepNumber;
}

export interface RoleProcedureSteps {
  procedureId: string;
  code: string;
  title: string;
  /** Steps assigned to the role (step.role). */
  steps: NumberedStep[];
  /** The procedure lists the role among its roles. */
  listed: boolean;
  /**
   * Steps assigned to others whose text names the role (通知保洁阿姨打扫卫生):
   * only for a procedure that lists the role, so a listed role with no step of
   * its own still shows where it comes in.
   */
  mentions: NumberedStep[];
  /** Standing responsibilities in this procedure, beside the flow. */
  duties: StandingRole[];
}

const stepText = (step: Step) => [step.title, step.detail ?? '', ...step.say, ...step.cautions].join('\n');

export function stepsByRole(
  procedures: readonly { id: string; model: Pick<Procedure, 'data' | 'base'> }[],
): Map<string, RoleProcedureSteps[]> {
  const byRole = new Map<string, RoleProcedureSteps[]>();
  const groupOf = (role: string, id: string, data: ProcedureData): RoleProcedureSteps => {
    const groups = byRole.get(role) ?? [];
    let group = groups.find((g) => g.procedureId === id);
    if (!group) {
      group = { procedureId: id, code: data.code, title: data.title, steps: [], listed: data.roles.includes(role), mentions: [], duties: [] };
      groups.push(group);
      byRole.set(role, groups);
    }
    return group;
  };
  for (const { id, model } of procedures) {
    const { data, base } = model;
    const numbered = (step: Step): NumberedStep => ({ step, number: base.numbers.get(step.id)! });
    for (const role of data.roles) groupOf(role, id, data);
    for (const step of data.steps) if (step.role) groupOf(step.role, id, data).steps.push(numbered(step));
    for (const role of data.roles) {
      const group = groupOf(role, id, data);
      for (const step of data.steps) if (step.role !== role && stepText(step).includes(role)) group.mentions.push(numbered(step));
    }
    for (const duty of data.standingRoles?.roles ?? []) groupOf(duty.role, id, data).duties.push(duty);
  }
  return byRole;
}

/** What /roles/ says of a role: how many procedures name it and how many steps it performs. */
export function roleSummary(groups: readonly RoleProcedureSteps[]): string {
  if (groups.length === 0) return '未列入任何流程';
  const steps = groups.reduce((n, g) => n + g.steps.length, 0);
  return `${groups.length} 个流程 · ${steps > 0 ? `${steps} 步` : '无指派步骤'}`;
}
