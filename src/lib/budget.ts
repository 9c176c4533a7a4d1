// Meal budget caps for a visit, from the reception-level figures in
// content/reception-levels.yaml. The caps are set for `baseGuests` guests;
// each guest above that adds the surcharge. The source does not say whether
// the surcharge is per meal or per visit: this reads it per meal, and the
// calculator says so on the page.

export interface MealRules {
  lunchCap: number;
  dinnerCap: number;
  baseGuests: number;
  surchargePerGuest: number;
}

export interface CountField {
  label: string;
  unit: string;
  min: number;
  max: number;
}

export const FIELDS = {
  guests: { label: '客户人数', unit: '人', min: 1, max: 200 },
  lunches: { label: '午餐次数', unit: '次', min: 0, max: 31 },
  dinners: { label: '晚餐次数', unit: '次', min: 0, max: 31 },
} as const satisfies Record<string, CountField>;

export type FieldName = keyof typeof FIELDS;

export type Parsed = { ok: true; value: number } | { ok: false; error: string };

// Chinese input methods often type full-width digits and signs.
function toHalfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0b\uff0d\uff0e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A whole number typed into a form, with a message a person can act on when it is not one. */
export function parseCount(raw: string, field: CountField): Parsed {
  const text = toHalfWidth(raw).trim().replace(/\s+/g, '');
  if (text === '') return { ok: false, error: `请填写${field.label}。` };
  if (/^-\d*\.?\d+$/.test(text) || /^-\d+\.$/.test(text)) return { ok: false, error: `${field.label}不能是负数。` };
  if (/^\+?\d*\.\d+$|^\+?\d+\.$/.test(text)) return { ok: false, error: `${field.label}必须是整数,不能有小数。` };
  if (!/^\+?\d+$/.test(text)) return { ok: false, error: `${field.label}要填阿拉伯数字,例如 3。` };
  const digits = text.replace(/^\+?0*(?=\d)/, '');
  // Compare as text first so 20-digit input never becomes an imprecise float.
  if (digits.length > String(field.max).length || Number(digits) > field.max) {
    return { ok: false, error: `${field.label}太大:最多 ${field.max} ${field.unit},请检查。` };
  }
  const value = Number(digits);
  if (value < field.min) return { ok: false, error: `${field.label}至少为 ${field.min} ${field.unit}。` };
  return { ok: true, value };
}

export interface MealBudget {
  guests: number;
  extraGuests: number;
  surcharge: number;
  lunchPerMeal: number;
  dinnerPerMeal: number;
  lunches: number;
  dinners: number;
  lunchTotal: number;
  dinnerTotal: number;
  total: number;
}

/** Caps for valid counts (see parseCount); throws on anything else so a bad total can never show. */
export function mealBudget(rules: MealRules, guests: number, lunches: number, dinners: number): MealBudget {
  for (const [name, value] of Object.entries({ guests, lunches, dinners })) {
    const field = FIELDS[name as FieldName];
    if (!Number.isInteger(value) || value < field.min || value > field.max) {
      throw new RangeError(`${name} out of range: ${value}`);
    }
  }
  const extraGuests = Math.max(0, guests - rules.baseGuests);
  const surcharge = extraGuests * rules.surchargePerGuest;
  const lunchPerMeal = rules.lunchCap + surcharge;
  const dinnerPerMeal = rules.dinnerCap + surcharge;
  const lunchTotal = lunches * lunchPerMeal;
  const dinnerTotal = dinners * dinnerPerMeal;
  return {
    guests,
    extraGuests,
    surcharge,
    lunchPerMeal,
    dinnerPerMeal,
    lunches,
    dinners,
    lunchTotal,
    dinnerTotal,
    total: lunchTotal + dinnerTotal,
  };
}

const CHINESE_SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function yuan(amount: number): string {
  return `${amount.toLocaleString('en-US')} 元`;
}

/** The formula, line by line, as the calculator shows it. */
export function formulaLines(rules: MealRules, b: MealBudget): string[] {
  const base = CHINESE_SMALL[rules.baseGuests] ?? String(rules.baseGuests);
  const perMeal = (name: string, cap: number, result: number) =>
    b.extraGuests > 0
      ? `${name}每餐上限 = ${yuan(cap)}(${base}名客户基准)+ ${b.extraGuests} 名 × ${yuan(rules.surchargePerGuest)}/人 = ${yuan(result)}`
      : `${name}每餐上限 = ${yuan(cap)}(${base}名客户基准;${b.guests} 名客户不超过${base}名,不加额)`;
  return [
    perMeal('午餐', rules.lunchCap, b.lunchPerMeal),
    perMeal('晚餐', rules.dinnerCap, b.dinnerPerMeal),
    `餐饮总上限 = ${b.lunches} 次午餐 × ${yuan(b.lunchPerMeal)} + ${b.dinners} 次晚餐 × ${yuan(b.dinnerPerMeal)} = ${yuan(b.total)}`,
  ];
}
