// What each variant of a procedure changes, in words, for the printed
// handbook (which shows every variant rather than a switch).
import type { Procedure } from './build';
import type { StepNumber } from './numbering';
import { overriddenFields, type OverridableField } from './variants';

export interface VariantChange {
  /** The changed step, numbered and titled as the procedure words it. */
  step: StepNumber;
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

const FIELD_NAMES: Record<OverridableField, string> = { title: '标题', detail: '说明', say: '话术', cautions: '注意' };

export function variantDifferences({ data, base }: Pick<Procedure, 'data' | 'base'>): VariantDifference[] {
  return data.variants.map((variant) => ({
    id: variant.id,
    label: variant.label,
    changes: variant.overrides
      .filter((o) => base.numbers.has(o.step))
      .sort((a, b) => base.numbers.get(a.step)!.number - base.numbers.get(b.step)!.number)
      .flatMap((override) =>
        overriddenFields(override).map((field) => {
          const value = override[field]!;
          return { step: base.numbers.get(override.step)!, field: FIELD_NAMES[field], value: typeof value === 'string' ? [value] : value };
        }),
      ),
  }));
}
