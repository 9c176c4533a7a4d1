import { describe, expect, it } from 'vitest';
import { FIELDS, formulaLines, mealBudget, parseCount, type MealRules } from './budget';
import { receptionLevelSchema } from './reference-schemas';
import { readYamlList } from '../../tests/helpers/content-files';

const levels = readYamlList('reception-levels.yaml').map((l) => receptionLevelSchema.parse(l));
const rulesOf = (name: string): MealRules => levels.find((l) => l.name === name)!.meals;

describe('the standards data matches the source wording', () => {
  // The figures the calculator uses must be the ones written in each level's source items.
  it.each(levels.map((l) => [l.name, l] as const))('%s', (_name, level) => {
    const mealItem = level.sourceItems.find((i) => i.text.startsWith('餐饮标准'))!;
    const [lunch, dinner] = [...mealItem.text.matchAll(/(\d+)\s*元以下/g)].map((m) => Number(m[1]));
    expect([lunch, dinner]).toEqual([level.meals.lunchCap, level.meals.dinnerCap]);
    const surchargeItem = level.sourceItems.find((i) => i.text.includes('以二名客户为基准'))!;
    expect(surchargeItem.text).toContain(`另加${level.meals.surchargePerGuest}元/人`);
    expect(level.meals.baseGuests).toBe(2);
  });
});

describe('mealBudget for each level', () => {
  // Per-meal caps worked out by hand from the source: base for two guests, plus the surcharge per guest above two.
  const expected: Record<string, Record<number, number>> = {
    普通: { 1: 300, 2: 300, 3: 400, 50: 5100 },
    高级: { 1: 500, 2: 500, 3: 700, 50: 10100 },
    特级: { 1: 300, 2: 300, 3: 600, 50: 14700 },
  };
  for (const [name, byGuests] of Object.entries(expected)) {
    for (const [guests, perMeal] of Object.entries(byGuests)) {
      it(`${name}, ${guests} guests: ${perMeal} per meal`, () => {
        const b = mealBudget(rulesOf(name), Number(guests), 2, 1);
        expect(b.lunchPerMeal).toBe(perMeal);
        expect(b.dinnerPerMeal).toBe(perMeal);
        expect(b.total).toBe(perMeal * 3);
        expect(b.lunchTotal + b.dinnerTotal).toBe(b.total);
      });
    }
    it(`${name}, 0 guests: refused by the form and by the calculation`, () => {
      const parsed = parseCount('0', FIELDS.guests);
      expect(parsed).toEqual({ ok: false, error: '客户人数至少为 1 人。' });
      expect(() => mealBudget(rulesOf(name), 0, 1, 1)).toThrow(RangeError);
    });
  }

  it('no meals means a zero total, not an error', () => {
    expect(mealBudget(rulesOf('高级'), 4, 0, 0).total).toBe(0);
  });

  it('uses lunch and dinner caps separately when they differ', () => {
    const b = mealBudget({ lunchCap: 100, dinnerCap: 250, baseGuests: 2, surchargePerGuest: 50 }, 4, 3, 2);
    expect([b.lunchPerMeal, b.dinnerPerMeal, b.total]).toEqual([200, 350, 3 * 200 + 2 * 350]);
  });

  it.each([[-1], [1.5], [Number.NaN], [201], [Infinity]])('refuses %s guests instead of computing', (guests) => {
    expect(() => mealBudget(rulesOf('普通'), guests, 1, 1)).toThrow(RangeError);
  });

  it('spells out the formula with the figures used', () => {
    const rules = rulesOf('高级');
    expect(formulaLines(rules, mealBudget(rules, 5, 2, 1))).toEqual([
      '午餐每餐上限 = 500 元(二名客户基准)+ 3 名 × 200 元/人 = 1,100 元',
      '晚餐每餐上限 = 500 元(二名客户基准)+ 3 名 × 200 元/人 = 1,100 元',
      '餐饮总上限 = 2 次午餐 × 1,100 元 + 1 次晚餐 × 1,100 元 = 3,300 元',
    ]);
    expect(formulaLines(rules, mealBudget(rules, 1, 1, 0))[0]).toBe(
      '午餐每餐上限 = 500 元(二名客户基准;1 名客户不超过二名,不加额)',
    );
  });
});

describe('parseCount', () => {
  it.each([
    ['3', 3],
    [' 12 ', 12],
    ['007', 7],
    ['+4', 4],
    ['３', 3], // full-width digit from a Chinese input method
    ['200', 200],
  ])('reads %j as %i', (raw, value) => {
    expect(parseCount(raw, FIELDS.guests)).toEqual({ ok: true, value });
  });

  it('accepts 0 meals', () => {
    expect(parseCount('0', FIELDS.lunches)).toEqual({ ok: true, value: 0 });
  });

  it.each([
    ['', '请填写客户人数。'],
    ['   ', '请填写客户人数。'],
    ['-3', '客户人数不能是负数。'],
    ['-2.5', '客户人数不能是负数。'],
    ['－1', '客户人数不能是负数。'],
    ['2.5', '客户人数必须是整数,不能有小数。'],
    ['3.', '客户人数必须是整数,不能有小数。'],
    ['.5', '客户人数必须是整数,不能有小数。'],
    ['abc', '客户人数要填阿拉伯数字,例如 3。'],
    ['三', '客户人数要填阿拉伯数字,例如 3。'],
    ['1e3', '客户人数要填阿拉伯数字,例如 3。'],
    ['NaN', '客户人数要填阿拉伯数字,例如 3。'],
    ['3人', '客户人数要填阿拉伯数字,例如 3。'],
    ['201', '客户人数太大:最多 200 人,请检查。'],
    ['99999999999999999999999', '客户人数太大:最多 200 人,请检查。'],
    ['0', '客户人数至少为 1 人。'],
  ])('rejects %j with a clear message', (raw, error) => {
    expect(parseCount(raw, FIELDS.guests)).toEqual({ ok: false, error });
  });

  it('limits meals to a month of lunches or dinners', () => {
    expect(parseCount('31', FIELDS.dinners)).toEqual({ ok: true, value: 31 });
    expect(parseCount('32', FIELDS.dinners)).toEqual({ ok: false, error: '晚餐次数太大:最多 31 次,请检查。' });
  });
});
