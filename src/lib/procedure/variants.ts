// Views of one procedure that pages, charts and interactive parts share.
import type { ProcedureData, Step, Variant } from './schema';

/** The steps as a variant sees them: only overridden fields change. */
export function stepsForVariant(procedure: Pick<ProcedureData, 'steps' | 'variants'>, variantId?: string): Step[] {
  const variant = procedure.variants.find((v) => v.id === variantId);
  if (!variant) return procedure.steps;
  const overrides = new Map(variant.overrides.map((o) => [o.step, o]));
  return procedure.steps.map((step) => {
    const override = overrides.get(step.id);
    if (!override) return step;
    const { step: _id, ...fields } = override;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    return { ...step, ...defined };
  });
}

/** Step ids whose text a variant changes (to mark them on the page). */
export function stepsChangedBy(variant: Variant): Set<string> {
  return new Set(variant.overrides.map((o) => o.step));
}
