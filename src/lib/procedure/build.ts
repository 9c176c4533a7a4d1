// One procedure, derived once from its validated frontmatter: what every
// consumer needs (pages, the handbook, charts, 演示模式, quizzes, search,
// print, tests), so none of them works it out again in its own way.
import type { ProcedureData, Step } from './schema';
import { numberSteps } from './numbering';
import { fieldsChangedByVariants, stepsForVariant, type OverridableField, type VariantSteps } from './variants';
import { chartSourcesOf, procedureCharts, type ProcedureChart } from './charts';
import { walkData, type WalkData } from './walk';
import { isDraft } from './status';

export interface Procedure {
  data: ProcedureData;
  /** The procedure's own wording. */
  base: VariantSteps;
  /** One per variant, in order; empty when the procedure has none. */
  variants: VariantSteps[];
  /** Step id → the fields some variant changes. */
  changed: Map<string, Set<OverridableField>>;
  /** One chart, or one per variant when variants change step titles. */
  charts: ProcedureChart[];
  /** Every Mermaid source the procedure's pages draw. */
  chartSources: string[];
  /** What 演示模式 embeds. */
  walk: WalkData;
  draft: boolean;
}

const numbered = (id: string, label: string, steps: Step[]): VariantSteps => ({ id, label, steps, numbers: numberSteps(steps) });

export function buildProcedure(data: ProcedureData): Procedure {
  const base = numbered('', '', data.steps);
  const variants = data.variants.map((v) => numbered(v.id, v.label, stepsForVariant(data, v.id)));
  const charts = procedureCharts(base, variants);
  return {
    data,
    base,
    variants,
    changed: fieldsChangedByVariants(data),
    charts,
    chartSources: chartSourcesOf(charts),
    walk: walkData(data, variants.length > 0 ? variants : [base]),
    draft: isDraft(data),
  };
}
