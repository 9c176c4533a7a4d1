// Every step each role performs, grouped by procedure, for the role pages.
import type { ProcedureData, Step } from './procedure-schema';

export interface RoleProcedureSteps {
  procedureId: string;
  code: string;
  title: string;
  steps: { step: Step; number: number }[];
}

export function stepsByRole(
  procedures: readonly { id: string; data: ProcedureData }[],
): Map<string, RoleProcedureSteps[]> {
  const byRole = new Map<string, RoleProcedureSteps[]>();
  for (const { id, data } of procedures) {
    data.steps.forEach((step, index) => {
      if (!step.role) return;
      const groups = byRole.get(step.role) ?? [];
      let group = groups.find((g) => g.procedureId === id);
      if (!group) {
        group = { procedureId: id, code: data.code, title: data.title, steps: [] };
        groups.push(group);
      }
      group.steps.push({ step, number: index + 1 });
      byRole.set(step.role, groups);
    });
  }
  return byRole;
}
