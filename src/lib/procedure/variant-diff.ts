// What each variant of a procedure changes, in words, for the printed
// handbook (which shows every variant rather than a switch).
import type { ProcedureData } from './schema';

export interface VariantChange {
  stepNumber: number;
  stepTitle: string;
  /** 标题 / 说明 / 话术 / 注意 */
  field: string;
  /** The variant's text; lines for 话术 and 注意. */
  value: string[];
}

export interface VariantDifference {
  id: string;
  label: string;
  changes: VariantChange[];
}

const FIELDS = [
  ['title', '标题'],
  ['detail', '说明'],
  ['say', '话术'],
  ['cautions', '注意'],
] as const;

export function variantDifferences(data: Pick<ProcedureData, 'steps' | 'variants'>): VariantDifference[] {
  const index = new Map(data.steps.map((s, i) => [s.id, i]));
  return data.variants.map((variant) => ({
    id: variant.id,
    label: variant.label,
    changes: variant.overrides
      .filter((o) => index.has(o.step))
      .sort((a, b) => index.get(a.step)! - index.get(b.step)!)
      .flatMap((override) => {
        const i = index.get(override.step)!;
        return FIELDS.flatMap(([key, field]) => {
          const value = override[key];
          if (value === undefined) return [];
          return [{ stepNumber: i + 1, stepTitle: data.steps[i]!.title, field, value: typeof value === 'string' ? [value] : value }];
        });
      }),
  }));
}
