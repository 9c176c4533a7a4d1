// Every step each role performs, grouped by procedure, for the role pages; with the role's
// standing duties in that procedure (standingRoles), which are not steps.
import type { ProcedureData, StandingRole, Step } from './procedure-schema';

export interface RoleProcedureSteps {
  procedureId: string;
  code: string;
  title: string;
  steps: { step: Step; number: number }[];
  duties: StandingRole[];
}

export function stepsByRole(
  procedures: readonly { id: string; data: ProcedureData }[],
): Map<string, RoleProcedureSteps[]> {
  const byRole = new Map<string, RoleProcedureSteps[]>();
  const groupFor = (role: string, id: string, data: ProcedureData): RoleProcedureSteps => {
    const groups = byRole.get(role) ?? [];
    let group = groups.find((g) => g.procedureId === id);
    if (!group) {
      group = { procedureId: id, code: data.code, title: data.title, steps: [], duties: [] };
      groups.push(group);
    }
    byRole.set(role, groups);
    return group;
  };
  for (const { id, data } of procedures) {
    data.steps.forEach((step, index) => {
      if (step.role) groupFor(step.role, id, data).steps.push({ step, number: index + 1 });
    });
    for (const duty of data.standingRoles?.roles ?? []) groupFor(duty.role, id, data).duties.push(duty);
  }
  return byRole;
}
