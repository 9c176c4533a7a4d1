import { describe, expect, it } from 'vitest';
import {
  buildQuiz,
  findFigures,
  KIND_LABELS,
  LEVELS_ANCHOR,
  MAX_OPTIONS,
  questionCandidates,
  type Question,
  type QuizSource,
} from './quiz';
import { buildProcedure } from './procedure/build';
import { splitSourceLabel } from './procedure/numbering';

import { createRng, seedFrom, shuffle } from './random';
import type { ProcedureData, Step } from './procedure/schema';
import { DRAFT_STATUS } from './procedure/status';
import { procedure } from '../../tests/helpers/fixtures';
import { levels, loadProcedures } from '../../tests/helpers/procedures';

const bareTitleOf = (title: string) => splitSourceLabel(title).title;

const content = loadProcedures().map(({ file, data, model, placed }) => {
  const source: QuizSource = { procedure: model, ...(placed.levels ? { levels } : {}) };
  return { file, data, source };
});
const byCode = (code: string) => content.find((c) => c.data.code === code)!;
const SEEDS = [1, 2, 3, 42, 2026];

const stepOf = (data: ProcedureData, q: Question): Step | undefined =>
  data.steps.find((s) => `step-${s.id}` === q.anchor);

describe('seeded randomness', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const run = (rng: () => number) => Array.from({ length: 5 }, rng);
    expect(run(a)).toEqual(run(b));
    expect(run(createRng(7))).not.toEqual(run(createRng(8)));
    expect(seedFrom('SOP-CORP-01')).toBe(seedFrom('SOP-CORP-01'));
    expect(seedFrom('SOP-CORP-01')).not.toBe(seedFrom('SOP-CORP-02'));
  });

  it('shuffles into a permutation without touching the input', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffle(items, createRng(3));
    expect([...out].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('helpers', () => {
  it('finds figures with their units, but not ordinals or "一下"', () => {
    expect(findFigures('接待安排表一式三份,须于客户到访前一星期呈送').map((f) => [f.text, f.value])).toEqual([
      ['三份', 3],
      ['一星期', 1],
    ]);
    expect(findFigures('必须提前2天通知总经办').map((f) => f.value)).toEqual([2]);
    expect(findFigures('提前十五天,另加300元').map((f) => [f.text, f.value])).toEqual([
      ['十五天', 15],
      ['300元', 300],
    ]);
    expect(findFigures('第一次来访,请稍等一下')).toEqual([]);
  });
});

/** The checks every generated question must pass, whatever the procedure. */
function expectWellFormed(data: ProcedureData, q: Question) {
  expect(q.options.length, q.id).toBeGreaterThanOrEqual(3);
  expect(q.options.length, q.id).toBeLessThanOrEqual(MAX_OPTIONS);
  expect(new Set(q.options).size, `${q.id} options distinct`).toBe(q.options.length);
  expect(Number.isInteger(q.answer) && q.answer >= 0 && q.answer < q.options.length, q.id).toBe(true);
  expect(q.explanation.length).toBeGreaterThan(0);
  if (q.kind === 'level') {
    expect(q.anchor).toBe(LEVELS_ANCHOR);
    return;
  }
  const step = stepOf(data, q);
  expect(step, `${q.id} links to a step`).toBeDefined();
  expect(step!.template, `${q.id} is about a template step`).toBeFalsy();
  expect(data.flags.some((f) => f.step === step!.id), `${q.id} is about a flagged step`).toBe(false);
  const templateTexts = new Set(
    data.steps.filter((s) => s.template).flatMap((s) => [s.title, bareTitleOf(s.title), ...s.say]),
  );
  const realTexts = new Set(data.steps.filter((s) => !s.template).flatMap((s) => [bareTitleOf(s.title), ...s.say]));
  for (const option of q.options) {
    expect(templateTexts.has(option) && !realTexts.has(option), `${q.id}: option "${option}" comes from a template step`).toBe(
      false,
    );
  }
}

/**
 * Re-derives the right answer from the raw data, independently of the
 * generator, and checks that exactly that option is marked right and no
 * wrong option is also right.
 */
function expectCorrect(data: ProcedureData, q: Question) {
  const right = q.options[q.answer]!;
  const wrong = q.options.filter((_, i) => i !== q.answer);
  const step = stepOf(data, q);
  const title = (id: string) => bareTitleOf(data.steps.find((s) => s.id === id)!.title);
  switch (q.kind) {
    case 'next':
      expect(right).toBe(title(step!.next!));
      expect(wrong).not.toContain(title(step!.next!));
      expect(q.prompt).toContain(bareTitleOf(step!.title));
      break;
    case 'role':
      expect(right).toBe(step!.role);
      expect(wrong).not.toContain(step!.role);
      break;
    case 'say':
      expect(step!.say).toContain(right);
      for (const line of wrong) expect(step!.say).not.toContain(line);
      break;
    case 'branch': {
      const branch = step!.branches.find((b) => q.prompt.includes(`「${b.label}」`))!;
      expect(right).toBe(title(branch.to));
      expect(wrong).not.toContain(title(branch.to));
      break;
    }
    case 'figure':
      expect(step!.cautions).toContain(q.quote!.split('____').join(right));
      for (const option of wrong) expect(step!.cautions).not.toContain(q.quote!.split('____').join(option));
      break;
    case 'level': {
      const level = levels.find((l) => q.explanation.startsWith(l.fullName))!;
      if (q.id.endsWith(':surcharge')) expect(right).toBe(`${level.meals.surchargePerGuest} 元/人`);
      else if (q.id.endsWith(':meal-cap')) expect(right).toBe(`${level.meals.lunchCap} 元`);
      else if (q.id === 'level:lodging') {
        expect(right).toBe(level.fullName);
        expect(level.lodging.companyPays).toBe(true);
        for (const other of wrong) expect(levels.find((l) => l.fullName === other)?.lodging.companyPays, other).toBe(false);
      }
      else {
        const who = /「(.+)」/.exec(q.prompt)![1]!;
        expect(right).toBe(level.fullName);
        expect(level.qualifies.map((w) => w.replace(/等$/, ''))).toContain(who);
        for (const other of levels.filter((l) => l !== level)) {
          expect(other.qualifies.map((w) => w.replace(/等$/, ''))).not.toContain(who);
        }
      }
      break;
    }
    default:
      expect.fail(`no check for question kind ${(q as Question).kind}: add one to expectCorrect`);
  }
}

describe('quizzes from the real content', () => {
  it.each(content.map((c) => [c.file, c] as const))('%s: every question is well formed and right', (_f, c) => {
    for (const seed of SEEDS) {
      for (const q of buildQuiz(c.source, { seed, size: 100 })) {
        expectWellFormed(c.data, q);
        expectCorrect(c.data, q);
      }
    }
  });

  it('never starts a question with the word its kind tag already shows (判断 判断「…」)', () => {
    const all = content.flatMap((c) => questionCandidates(c.source));
    expect(all.some((q) => q.kind === 'branch')).toBe(true);
    for (const q of all) expect(q.prompt.startsWith(KIND_LABELS[q.kind]), q.prompt).toBe(false);
  });

  it('is deterministic for a seed, and reshuffles for another', () => {
    const { source } = byCode('SOP-SPA-01');
    expect(buildQuiz(source, { seed: 9 })).toEqual(buildQuiz(source, { seed: 9 }));
    expect(buildQuiz(source)).toEqual(buildQuiz(source, { seed: seedFrom('SOP-SPA-01') }));
    const order = (seed: number) => buildQuiz(source, { seed }).map((q) => `${q.id}:${q.options.join('|')}`);
    expect(order(9)).not.toEqual(order(10));
  });

  it('asks every kind of question the data supports, within the quiz size', () => {
    const quiz = buildQuiz(byCode('SOP-SPA-05').source);
    expect(quiz.length).toBe(8);
    expect(new Set(quiz.map((q) => q.kind))).toEqual(new Set(['next', 'role', 'say', 'branch']));
    expect(new Set(quiz.map((q) => q.id)).size).toBe(quiz.length);
  });

  it('asks one blank per sentence, so one question cannot give another away', () => {
    for (const seed of SEEDS) {
      const quiz = buildQuiz(byCode('SOP-CORP-01').source, { seed, size: 100 });
      const quotes = quiz.filter((q) => q.kind === 'figure').map((q) => q.explanation);
      expect(new Set(quotes).size).toBe(quotes.length);
      expect(quotes.length).toBe(2); // two caution sentences with figures
    }
  });

  it('asks the notice rules of the external reception rules, blanking the figure', () => {
    const figures = questionCandidates(byCode('SOP-CORP-01').source).filter((c) => c.kind === 'figure');
    const notice = figures.find((c) => c.answers[0] === '2天')!;
    expect(notice.quote).toBe('必须提前____通知总经办,以便确认。');
    expect(notice.anchor).toBe('step-notify-gm-office');
    const week = figures.find((c) => c.answers[0] === '一星期')!;
    // The other time figure of the procedure is the first wrong option; no option equals a week.
    expect(week.distractors[0]).toBe('2天');
    expect(week.distractors).not.toContain('7天');
  });

  it('takes the reception-level figures from reception-levels.yaml, skipping the flagged level', () => {
    const level = questionCandidates(byCode('SOP-CORP-02').source).filter((c) => c.kind === 'level');
    const surcharge = (id: string) => level.find((c) => c.id === `level:${id}:surcharge`);
    expect(surcharge('ordinary')!.answers).toEqual(['100 元/人']);
    expect(surcharge('senior')!.answers).toEqual(['200 元/人']);
    expect(surcharge('senior')!.explanation).toContain('另加200元/人');
    // 特级 carries 原文矛盾 / 待确认 flags on its figures: not asked.
    expect(surcharge('special')).toBeUndefined();
    expect(level.find((c) => c.id === 'level:lodging')!.answers).toEqual(['特级人员级别']);
    // Only the procedure that shows the table asks about it.
    expect(questionCandidates(byCode('SOP-CORP-01').source).some((c) => c.kind === 'level')).toBe(false);
  });

  it('never asks about the template steps of the draft procedures', () => {
    for (const code of ['SOP-HOTEL-03', 'SOP-HOTEL-04']) {
      const { data, source } = byCode(code);
      expect(data.status).toBe(DRAFT_STATUS);
      expect(data.steps.some((s) => s.template)).toBe(true);
      // room-reservation is all template; walk-in's one real step leads into template steps.
      expect(questionCandidates(source)).toEqual([]);
    }
  });
});

describe('quizzes from small procedures', () => {
  it('skips template steps as subject, answer and wrong option', () => {
    const data = procedure((p) => {
      p.roles = ['前台接待员', '行李生', '销售经理'];
      p.steps = [
        { id: 'greet', kind: 'start', title: '迎接客人', role: '前台接待员', next: 'ask', say: ['您好,欢迎光临'] },
        { id: 'ask', kind: 'task', title: '询问来意', role: '行李生', next: 'tmpl', say: ['请问有什么可以帮您?'] },
        { id: 'tmpl', kind: 'task', title: '模板步骤', role: '销售经理', template: true, next: 'lead', say: ['模板话术'] },
        { id: 'lead', kind: 'task', title: '引领客人', role: '前台接待员', next: 'done', say: ['请这边走'] },
        { id: 'done', kind: 'end', title: '结束' },
      ];
    });
    const candidates = questionCandidates({ procedure: buildProcedure(data) });
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) {
      expect(c.anchor).not.toBe('step-tmpl');
      expect([...c.answers, ...c.distractors]).not.toContain('模板步骤');
      expect([...c.answers, ...c.distractors]).not.toContain('模板话术');
    }
    // The template step's role is no wrong option either: with it gone, two roles are too few.
    expect(candidates.filter((c) => c.kind === 'role')).toEqual([]);
    // "What comes after 询问来意" would be the template step: not asked.
    expect(candidates.find((c) => c.id === 'next:ask')).toBeUndefined();
    for (const seed of SEEDS) for (const q of buildQuiz({ procedure: buildProcedure(data) }, { seed })) expectWellFormed(data, q);
  });

  it('does not ask about flagged steps or text a variant changes', () => {
    const data = procedure((p) => {
      p.flags = [{ kind: '待确认', text: '不确定', step: 'register' }];
      p.steps.splice(3, 0, { id: 'bow', kind: 'task', title: '鞠躬', role: '前台接待员', next: 'lead-guest' });
      p.steps[2]!.next = 'bow';
      p.steps[2]!.say = ['请登记'];
      p.steps[3]!.say = ['先生走好'];
      p.steps[4]!.say = ['请这边走'];
      p.steps[0]!.say = ['您好'];
      p.steps[4]!.cautions = ['须提前2天通知。'];
      p.steps[3]!.cautions = ['一式三份。'];
      p.variants = [
        { id: 'male', label: '男宾', overrides: [] },
        {
          id: 'female',
          label: '女宾',
          overrides: [
            { step: 'bow', say: ['女士走好'] },
            { step: 'bow', cautions: ['一式两份。'] },
          ],
        },
      ];
    });
    const ids = questionCandidates({ procedure: buildProcedure(data) }).map((c) => c.id);
    expect(ids).not.toContain('next:register');
    expect(ids.some((id) => id.startsWith('figure:lead-guest'))).toBe(true);
    expect(ids.some((id) => id.startsWith('figure:bow'))).toBe(false);
    expect(ids.some((id) => id.startsWith('branch:ask-booking') && id.endsWith(':1'))).toBe(false);
    expect(ids).not.toContain('say:bow');
    expect(ids).toContain('say:lead-guest');
    // The variant line is not a wrong option for another step's question either.
    const lead = questionCandidates({ procedure: buildProcedure(data) }).find((c) => c.id === 'say:lead-guest')!;
    expect(lead.distractors).not.toContain('先生走好');
  });

  it('never offers a spoken line that is part of the right one', () => {
    const data = procedure((p) => {
      p.steps[0]!.say = ['您好,欢迎光临!请这边走。'];
      p.steps[2]!.say = ['请这边走'];
      p.steps[3]!.say = ['请稍等'];
      p.steps[4]!.say = ['您走好'];
    });
    const greet = questionCandidates({ procedure: buildProcedure(data) }).find((c) => c.id === 'say:greet')!;
    expect(greet.distractors).toEqual(['请稍等', '您走好']);
  });

  it('leaves out questions without two plausible wrong options', () => {
    // One role only, two-step procedure: nothing to ask.
    const data = procedure((p) => {
      p.steps = [
        { id: 'greet', kind: 'start', title: '客人到达', role: '前台接待员', next: 'done' },
        { id: 'done', kind: 'end', title: '结束' },
      ];
    });
    expect(questionCandidates({ procedure: buildProcedure(data) })).toEqual([]);
    expect(buildQuiz({ procedure: buildProcedure(data) })).toEqual([]);
  });
});
