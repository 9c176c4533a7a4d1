// Variants: a variant changes only the fields of the steps where the source differs.
import type { ProcedureData, Step, StepOverride } from './schema';
import type { StepNumber } from './numbering';

/** The steps as one variant words them, numbered. */
export interface VariantSteps {
  /** "" for the procedure's own wording. */
  id: string;
  label: string;
  steps: Step[];
  numbers: Map<string, StepNumber>;
}


export const OVERRIDABLE_FIELDS = ['title', 'detail', 'say', 'cautions'] as const;
export type OverridableField = (typeof OVERRIDABLE_FIELDS)[number];

/** The fields an override sets, in schema order. */
export function overriddenFields(override: StepOverride): OverridableField[] {
  return OVERRIDABLE_FIELDS.filter((field) => override[field] !== undefined);
}

/** The steps as a variant sees them: only overridden fields change. */
export function stepsForVariant(procedure: Pick<ProcedureData, 'steps' | 'variants'>, variantId?: string): Step[] {
  const variant = procedure.variants.find((v) => v.id === variantId);
  if (!variant) return procedure.steps;
  const overrides = new Map(variant.overrides.map((o) => [o.step, o]));
  return procedure.steps.map((step) => {
    const override = overrides.get(step.id);
    if (!override) return step;
    return { ...step, ...Object.fromEntries(overriddenFields(override).map((field) => [field, override[field]])) };
  });
}

/** Step id → the fields that some variant changes. */
export function fieldsChangedByVariants(procedure: Pick<ProcedureData, 'variants'>): Map<string, Set<OverridableField>> {
  const changed = new Map<string, Set<OverridableField>>();
  for (const variant of procedure.variants) {
    for (const override of variant.overrides) {
      const fields = changed.get(override.step) ?? new Set<OverridableField>();
      for (const field of overriddenFields(override)) fields.add(field);
      changed.set(override.step, fields);
    }
  }
  return changed;
}
