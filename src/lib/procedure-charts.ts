// The flowcharts of a procedure page: one, or one per variant when variants
// change step titles. Shared by the page and by the build's chart prefetch, so
// Chromium renders exactly the charts the pages will ask for.
import { toMermaid } from './flowchart';
import { stepsForVariant } from './procedure-model';
import type { ProcedureData } from './procedure-schema';

export interface ProcedureChart {
  variant?: string;
  /** The variant's label, empty for the single chart. */
  label: string;
  source: string;
}

export function procedureCharts(data: Pick<ProcedureData, 'steps' | 'variants'>): ProcedureChart[] {
  const perVariant = data.variants.map((v) => ({ variant: v, steps: stepsForVariant(data, v.id) }));
  const titlesDiffer = perVariant.some(({ steps }) => steps.some((s, i) => s.title !== data.steps[i]!.title));
  return titlesDiffer
    ? perVariant.map(({ variant, steps }) => ({ variant: variant.id, label: variant.label, source: toMermaid(steps) }))
    : [{ label: '', source: toMermaid(data.steps) }];
}
