// Every procedure that names each role: the steps it performs there, the
// steps that mention it, and its standing duties (standingRoles), which are
// not steps; for the role pages and the /roles/ counts.
import type { ProcedureData, StandingRole, Step } from './procedure/schema';

export interface NumberedStep {
  step: Step;
  number: number;
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
  procedures: readonly { id: string; data: ProcedureData }[],
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
  for (const { id, data } of procedures) {
    for (const role of data.roles) groupOf(role, id, data);
    data.steps.forEach((step, index) => {
      if (step.role) groupOf(step.role, id, data).steps.push({ step, number: index + 1 });
    });
    for (const role of data.roles) {
      const group = groupOf(role, id, data);
      data.steps.forEach((step, index) => {
        if (step.role !== role && stepText(step).includes(role)) group.mentions.push({ step, number: index + 1 });
      });
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
