// <sop-budget>: see BudgetCalculator.astro.
import { defineElement } from '../../lib/client/define';
import { readJson } from '../../lib/client/json';
import { FIELDS, formulaLines, mealBudget, parseCount, yuan, type FieldName, type MealRules } from '../../lib/budget';

interface LevelData {
  id: string;
  name: string;
  meals: MealRules;
}

class SopBudget extends HTMLElement {
  private levels: LevelData[] = [];

  connectedCallback() {
    if (this.levels.length > 0) return;
    this.levels = readJson<LevelData[]>(this, '[data-json="levels"]', []);
    this.querySelector<HTMLElement>('[data-nojs]')!.hidden = true;
    this.querySelector<HTMLElement>('[data-figures]')!.hidden = false;
    const form = this.querySelector('form')!;
    form.addEventListener('input', () => this.update());
    form.addEventListener('submit', (event) => event.preventDefault());
    this.update();
  }

  private update() {
    const form = this.querySelector('form')!;
    const levelId = new FormData(form).get('level');
    const level = this.levels.find((l) => l.id === levelId) ?? this.levels[0]!;
    for (const panel of this.querySelectorAll<HTMLElement>('[data-level-details]')) {
      panel.hidden = panel.dataset.levelDetails !== level.id;
    }

    const values: Partial<Record<FieldName, number>> = {};
    let valid = true;
    for (const name of Object.keys(FIELDS) as FieldName[]) {
      const input = form.elements.namedItem(name) as HTMLInputElement;
      const parsed = parseCount(input.value, FIELDS[name]);
      const error = this.querySelector<HTMLElement>(`[data-error="${name}"]`)!;
      error.textContent = parsed.ok ? '' : parsed.error;
      input.setAttribute('aria-invalid', String(!parsed.ok));
      if (parsed.ok) values[name] = parsed.value;
      else valid = false;
    }

    const out = (key: string, text: string) => {
      this.querySelector(`[data-out="${key}"]`)!.textContent = text;
    };
    const formula = this.querySelector('[data-formula]')!;
    this.querySelector<HTMLElement>('[data-problem]')!.hidden = valid;
    if (!valid) {
      for (const key of ['lunchPerMeal', 'dinnerPerMeal', 'total']) out(key, '—');
      formula.replaceChildren();
      return;
    }
    const budget = mealBudget(level.meals, values.guests!, values.lunches!, values.dinners!);
    out('lunchPerMeal', yuan(budget.lunchPerMeal));
    out('dinnerPerMeal', yuan(budget.dinnerPerMeal));
    out('total', yuan(budget.total));
    formula.replaceChildren(
      ...formulaLines(level.meals, budget).map((line) => {
        const li = document.createElement('li');
        li.textContent = line;
        return li;
      }),
    );
  }
}

defineElement('sop-budget', SopBudget);
