// Self-check questions generated from a procedure's step data, never written
// by hand: what comes next, who does it, what to say, which branch, a rule or
// figure. Wrong options come from the same procedure so they are plausible.
// A draft's template steps and flagged (uncertain) steps are never asked about.
import type { Step } from './procedure/schema';
import type { Procedure } from './procedure/build';
import { stepMention } from './procedure/numbering';
import type { ReceptionLevel } from './reference-schemas';
import { createRng, seedFrom, shuffle, type Rng } from './random';
import { stepAnchor } from './urls';

export const QUESTION_KINDS = ['next', 'role', 'say', 'branch', 'figure', 'level'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const KIND_LABELS: Record<QuestionKind, string> = {
  next: '下一步',
  role: '负责人',
  say: '话术',
  branch: '判断',
  figure: '规定',
  level: '接待标准',
};

/** Questions per quiz; options per question at most. */
export const QUIZ_SIZE = 8;
export const MAX_OPTIONS = 4;
/** Where the reception levels table sits on its procedure page. */
export const LEVELS_ANCHOR = 'reception-levels';

export interface Question {
  /** Stable within a procedure: kind and the step (and branch/figure) it is about. */
  id: string;
  kind: QuestionKind;
  prompt: string;
  /** A sentence with a blank (____) the question is about, when there is one. */
  quote?: string;
  /** Spoken lines are shown in quotation marks. */
  spoken: boolean;
  options: string[];
  /** Index of the one right option. */
  answer: number;
  explanation: string;
  /** Anchor on the procedure page that shows why: step-<id> or the levels table. */
  anchor: string;
  /** What the anchor is, in words: 第 3 步「确认客户身份」. */
  refLabel: string;
}

export interface QuizSource {
  /** The procedure model (procedure/build.ts): its steps, numbers and what variants change. */
  procedure: Pick<Procedure, 'data' | 'base' | 'changed'>;
  /** The reception levels, when the procedure's page shows the levels table. */
  levels?: readonly ReceptionLevel[];
}

/** A question before its options are drawn and shuffled. */
export interface Candidate {
  id: string;
  /** Questions of one group give each other away (blanks in one sentence): a quiz asks one. */
  group?: string;
  kind: QuestionKind;
  prompt: string;
  quote?: string;
  spoken: boolean;
  /** Every text that is right (a step may have several spoken lines); one is shown. */
  answers: string[];
  /** Wrong texts, most plausible first; none equals a right one. */
  distractors: string[];
  explanation: string;
  anchor: string;
  refLabel: string;
}

const unique = (texts: Iterable<string>, except: ReadonlySet<string>): string[] => {
  const seen = new Set(except);
  const out: string[] = [];
  for (const text of texts) {
    const t = text.trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
};

/** Text without punctuation and spaces, to compare spoken lines. */
const plain = (text: string) => text.replace(/[\s\p{P}]/gu, '');

// ---------------------------------------------------------------- figures

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const CN_WRITE = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Units a rule's figure is counted in, each with its class and size in that class. */
const UNITS: Record<string, { kind: string; size: number }> = {
  天: { kind: 'time', size: 1 },
  日: { kind: 'time', size: 1 },
  星期: { kind: 'time', size: 7 },
  周: { kind: 'time', size: 7 },
  个月: { kind: 'time', size: 30 },
  小时: { kind: 'hour', size: 1 },
  分钟: { kind: 'hour', size: 1 / 60 },
  份: { kind: 'copies', size: 1 },
  下: { kind: 'rings', size: 1 },
  声: { kind: 'rings', size: 1 },
  名: { kind: 'people', size: 1 },
  位: { kind: 'people', size: 1 },
  人: { kind: 'people', size: 1 },
  次: { kind: 'times', size: 1 },
  元: { kind: 'money', size: 1 },
};
const FIGURE = new RegExp(
  `(?<![第\\d.])([0-9]+|[${Object.keys(CN_DIGITS).join('')}]+)\\s*(${Object.keys(UNITS)
    .sort((a, b) => b.length - a.length)
    .join('|')})`,
  'g',
);

/** 一 … 九十九 as written in rules; NaN for anything else. */
function chineseNumber(text: string): number {
  const digit = (c: string | undefined) => (c === undefined ? NaN : c === '十' ? NaN : (CN_DIGITS[c] ?? NaN));
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? digit(text) : NaN;
  if (text.length > 3 || text.indexOf('十', ten + 1) >= 0) return NaN;
  const tens = ten === 0 ? 1 : digit(text[0]);
  const ones = ten === text.length - 1 ? 0 : digit(text[ten + 1]);
  return ten > 1 ? NaN : tens * 10 + ones;
}

export interface Figure {
  text: string;
  value: number;
  unit: string;
  chinese: boolean;
}

/** Figures with a unit in a sentence: 2天, 一星期, 三份, 三下 (not 第一次, not 一下 as in "看一下"). */
export function findFigures(sentence: string): Figure[] {
  const out: Figure[] = [];
  for (const match of sentence.matchAll(FIGURE)) {
    const [text, number, unit] = match as unknown as [string, string, string];
    const chinese = !/^\d/.test(number);
    const value = chinese ? chineseNumber(number) : Number(number);
    if (Number.isNaN(value) || (chinese && value === 1 && (unit === '下' || unit === '次'))) continue;
    out.push({ text, value, unit, chinese });
  }
  return out;
}

function writeFigure(value: number, like: Figure): string {
  const number = like.chinese && value <= 10 ? CN_WRITE[value]! : String(value);
  return `${number}${like.unit}`;
}

/** Wrong figures: others of the same kind in the procedure, then near values. */
function figureDistractors(answer: Figure, others: readonly Figure[]): string[] {
  const unit = UNITS[answer.unit]!;
  const amount = (f: Figure) => f.value * UNITS[f.unit]!.size;
  const sameKind = others.filter((f) => UNITS[f.unit]!.kind === unit.kind && amount(f) !== amount(answer));
  // Near values on the figure's own scale: 2 → 3, 1, 4; 300 → 400, 200, 500.
  const step = 10 ** Math.max(0, Math.floor(Math.log10(answer.value)));
  const v = answer.value;
  const near = [v + step, v - step, v + 2 * step, v * 2, v + 3 * step]
    .filter((n) => n > 0 && n !== v)
    .map((n) => writeFigure(n, answer));
  return unique([...sameKind.map((f) => f.text), ...near], new Set([answer.text]));
}

// ---------------------------------------------------------------- questions

interface Context {
  steps: readonly Step[];
  byId: Map<string, Step>;
  number: Map<string, number>;
  /** The title without the source's label ("1.2 确认客户身份" → "确认客户身份"): labels would give the order away. */
  title: (step: Step) => string;
  /** "第 3 步「确定接待级别」". */
  mention: (step: Step) => string;
  /** Steps a question may be about or answer with. */
  askable: (step: Step | undefined) => step is Step;
  /** Steps other than the template ones, for wrong options. */
  real: Step[];
  overridden: (step: Step, field: 'title' | 'say' | 'cautions') => boolean;
}

function contextOf(source: QuizSource): Context {
  const { data, base, changed } = source.procedure;
  const { steps, flags } = data;
  const flagged = new Set(flags.flatMap((f) => (f.step ? [f.step] : [])));
  const numberOf = (step: Step) => base.numbers.get(step.id)!;
  const title = (step: Step) => numberOf(step).title;
  const titleCount = new Map<string, number>();
  for (const s of steps) titleCount.set(title(s), (titleCount.get(title(s)) ?? 0) + 1);
  const overridden = (step: Step, field: 'title' | 'say' | 'cautions') => changed.get(step.id)?.has(field) ?? false;
  return {
    steps,
    byId: new Map(steps.map((s) => [s.id, s])),
    number: new Map(steps.map((s) => [s.id, numberOf(s).number])),
    title,
    mention: (step) => stepMention(numberOf(step)),
    askable: (step): step is Step =>
      step !== undefined &&
      !step.template &&
      !flagged.has(step.id) &&
      titleCount.get(title(step)) === 1 &&
      !overridden(step, 'title'),
    real: steps.filter((s) => !s.template),
    overridden,
  };
}

/** Titles of real steps other than `exclude`, nearest to `near` first. */
function titlesNear(ctx: Context, near: Step, exclude: readonly Step[]): string[] {
  const at = ctx.number.get(near.id)!;
  return ctx.real
    .filter((s) => !exclude.includes(s) && !ctx.overridden(s, 'title'))
    .sort((a, b) => Math.abs(ctx.number.get(a.id)! - at) - Math.abs(ctx.number.get(b.id)! - at))
    .map((s) => ctx.title(s));
}

function ref(ctx: Context, step: Step): { anchor: string; refLabel: string } {
  return { anchor: stepAnchor(step.id), refLabel: ctx.mention(step) };
}

function nextQuestions(ctx: Context): Candidate[] {
  return ctx.steps.flatMap((step): Candidate[] => {
    const target = step.next === undefined ? undefined : ctx.byId.get(step.next);
    if (step.kind === 'decision' || !ctx.askable(step) || !ctx.askable(target)) return [];
    const answer = ctx.title(target);
    return [
      {
        id: `next:${step.id}`,
        kind: 'next',
        prompt: `「${ctx.title(step)}」之后,下一步是什么?`,
        spoken: false,
        answers: [answer],
        distractors: unique(titlesNear(ctx, target, [step, target]), new Set([answer, ctx.title(step)])),
        explanation: `${ctx.mention(step)}之后是${ctx.mention(target)}。`,
        ...ref(ctx, step),
      },
    ];
  });
}

function roleQuestions(ctx: Context): Candidate[] {
  const roles = unique(
    ctx.real.flatMap((s) => (s.role ? [s.role] : [])),
    new Set(),
  );
  return ctx.steps.flatMap((step): Candidate[] => {
    if (!step.role || !ctx.askable(step)) return [];
    return [
      {
        id: `role:${step.id}`,
        kind: 'role',
        prompt: `「${ctx.title(step)}」这一步由谁负责?`,
        spoken: false,
        answers: [step.role],
        distractors: roles.filter((r) => r !== step.role),
        explanation: `${ctx.mention(step)}由${step.role}负责。`,
        ...ref(ctx, step),
      },
    ];
  });
}

function sayQuestions(ctx: Context): Candidate[] {
  return ctx.steps.flatMap((step): Candidate[] => {
    if (step.say.length === 0 || !ctx.askable(step) || ctx.overridden(step, 'say')) return [];
    const own = new Set(step.say.map((l) => l.trim()));
    const at = ctx.number.get(step.id)!;
    // A line inside one of this step's lines ("请这边走" in "您好,欢迎光临!请这边走。") is not wrong.
    const overlaps = (line: string) =>
      step.say.some((mine) => plain(mine).includes(plain(line)) || plain(line).includes(plain(mine)));
    const others = ctx.real
      .filter((s) => s !== step && !ctx.overridden(s, 'say'))
      .sort((a, b) => Math.abs(ctx.number.get(a.id)! - at) - Math.abs(ctx.number.get(b.id)! - at))
      .flatMap((s) => s.say)
      .filter((line) => !overlaps(line));
    return [
      {
        id: `say:${step.id}`,
        kind: 'say',
        prompt: `在「${ctx.title(step)}」这一步,应该怎么说?`,
        spoken: true,
        answers: [...own],
        distractors: unique(others, own),
        explanation: `第 ${at} 步「${step.title}」的话术:${step.say.map((l) => `“${l}”`).join('')}`,
        ...ref(ctx, step),
      },
    ];
  });
}

function branchQuestions(ctx: Context): Candidate[] {
  return ctx.steps.flatMap((step): Candidate[] => {
    if (step.kind !== 'decision' || !ctx.askable(step)) return [];
    return step.branches.flatMap((branch, index): Candidate[] => {
      const target = ctx.byId.get(branch.to);
      if (!ctx.askable(target)) return [];
      const answer = ctx.title(target);
      const siblings = step.branches
        .map((b) => ctx.byId.get(b.to))
        .filter((s): s is Step => s !== undefined && s !== target && !s.template)
        .map((s) => ctx.title(s));
      return [
        {
          id: `branch:${step.id}:${index}`,
          kind: 'branch',
          prompt: `遇到「${ctx.title(step)}」,如果是「${branch.label}」,接下来做什么?`,
          spoken: false,
          answers: [answer],
          distractors: unique([...siblings, ...titlesNear(ctx, step, [step, target])], new Set([answer])),
          explanation: `${ctx.mention(step)}:${branch.label} → ${ctx.mention(target)}。`,
          ...ref(ctx, step),
        },
      ];
    });
  });
}

function figureQuestions(ctx: Context): Candidate[] {
  // Figures anywhere in the real steps' titles and cautions are the pool of wrong answers.
  const pool = ctx.real.flatMap((s) => [s.title, ...s.cautions].flatMap(findFigures));
  return ctx.steps.flatMap((step): Candidate[] => {
    if (!ctx.askable(step) || ctx.overridden(step, 'cautions')) return [];
    return step.cautions.flatMap((caution, c) =>
      findFigures(caution).map((figure, f): Candidate => ({
        id: `figure:${step.id}:${c}:${f}`,
        group: `figure:${step.id}:${c}`,
        kind: 'figure',
        prompt: '按流程的规定,下面这句话的空格处应填什么?',
        quote: caution.split(figure.text).join('____'),
        spoken: false,
        answers: [figure.text],
        distractors: figureDistractors(figure, pool),
        explanation: `${ctx.mention(step)}:${caution}`,
        ...ref(ctx, step),
      })),
    );
  });
}

function levelQuestions(levels: readonly ReceptionLevel[]): Candidate[] {
  if (levels.length < 2) return [];
  const at = { anchor: LEVELS_ANCHOR, refLabel: '接待级别与标准表' };
  const figures = [...new Set(levels.flatMap((l) => [l.meals.surchargePerGuest, l.meals.lunchCap, l.meals.dinnerCap]))];
  const out: Candidate[] = [];
  for (const level of levels) {
    const otherNames = levels.filter((l) => l !== level).map((l) => l.fullName);
    level.qualifies.forEach((who, i) => {
      const person = who.replace(/等$/, '');
      if (levels.some((l) => l !== level && l.qualifies.some((q) => q.replace(/等$/, '') === person))) return;
      out.push({
        id: `level:${level.id}:who:${i}`,
        kind: 'level',
        prompt: `来访的是「${person}」,应按哪一级别接待?`,
        spoken: false,
        answers: [level.fullName],
        distractors: otherNames,
        explanation: `${level.fullName}适合:${level.qualifies.join('、')}。`,
        ...at,
      });
    });
    // Figures the source itself questions (see the level's flags) are not asked.
    if (level.flags.length > 0) continue;
    const { meals } = level;
    out.push({
      id: `level:${level.id}:surcharge`,
      kind: 'level',
      prompt: `按${level.fullName}接待,客户超过 ${meals.baseGuests} 名时,每多一名客户另加多少?`,
      spoken: false,
      answers: [`${meals.surchargePerGuest} 元/人`],
      distractors: figures.filter((n) => n !== meals.surchargePerGuest).map((n) => `${n} 元/人`),
      explanation: `${level.fullName}:${meals.surchargeText}。`,
      ...at,
    });
    if (meals.lunchCap === meals.dinnerCap) {
      out.push({
        id: `level:${level.id}:meal-cap`,
        kind: 'level',
        prompt: `按${level.fullName}接待(以 ${meals.baseGuests} 名客户为基准),午餐、晚餐消费各控制在多少以下?`,
        spoken: false,
        answers: [`${meals.lunchCap} 元`],
        distractors: figures.filter((n) => n !== meals.lunchCap).map((n) => `${n} 元`),
        explanation: `${level.fullName}:午餐消费控制在 ${meals.lunchCap} 元以下,晚餐消费控制在 ${meals.dinnerCap} 元以下(以 ${meals.baseGuests} 名客户为基准)。`,
        ...at,
      });
    }
  }
  const payers = levels.filter((l) => l.lodging.companyPays);
  if (payers.length === 1) {
    const payer = payers[0]!;
    out.push({
      id: 'level:lodging',
      kind: 'level',
      prompt: '哪一级别的客户,住宿费用由公司负担?',
      spoken: false,
      answers: [payer.fullName],
      distractors: levels.filter((l) => l !== payer).map((l) => l.fullName),
      explanation: `${payer.fullName}:${payer.lodging.text};其他级别:${levels
        .filter((l) => l !== payer)
        .map((l) => `${l.fullName}${l.lodging.text}`)
        .join(';')}。`,
      ...at,
    });
  }
  return out;
}

/** Every question the data supports, with at least two wrong options each. */
export function questionCandidates(source: QuizSource): Candidate[] {
  const ctx = contextOf(source);
  return [
    ...nextQuestions(ctx),
    ...roleQuestions(ctx),
    ...sayQuestions(ctx),
    ...branchQuestions(ctx),
    ...figureQuestions(ctx),
    ...levelQuestions(source.levels ?? []),
  ].filter((c) => c.distractors.length >= 2);
}

/** Draws the wrong options (from the most plausible few) and shuffles them in. */
function toQuestion(candidate: Candidate, rng: Rng): Question {
  const answer = candidate.answers[Math.floor(rng() * candidate.answers.length)]!;
  const window = candidate.distractors.slice(0, MAX_OPTIONS + 2);
  const wrong = shuffle(window, rng).slice(0, MAX_OPTIONS - 1);
  const options = shuffle([answer, ...wrong], rng);
  const { answers: _a, distractors: _d, group: _g, ...rest } = candidate;
  return { ...rest, options, answer: options.indexOf(answer) };
}

export interface QuizOptions {
  /** Defaults to a seed from the procedure code, so a procedure's quiz is stable. */
  seed?: number;
  size?: number;
}

/**
 * A quiz for one procedure: up to `size` questions, taking the kinds in turn so
 * every kind the data supports is asked, in a seeded order.
 */
export function buildQuiz(source: QuizSource, options: QuizOptions = {}): Question[] {
  const { seed = seedFrom(source.procedure.data.code), size = QUIZ_SIZE } = options;
  const rng = createRng(seed);
  const byKind = new Map<QuestionKind, Candidate[]>();
  for (const candidate of questionCandidates(source)) {
    byKind.set(candidate.kind, [...(byKind.get(candidate.kind) ?? []), candidate]);
  }
  const pools = shuffle([...byKind.values()], rng).map((pool) => shuffle(pool, rng));
  const chosen: Candidate[] = [];
  const groups = new Set<string>();
  while (chosen.length < size && pools.some((p) => p.length > 0)) {
    for (const pool of pools) {
      let next = pool.shift();
      while (next?.group && groups.has(next.group)) next = pool.shift();
      if (next && chosen.length < size) {
        chosen.push(next);
        if (next.group) groups.add(next.group);
      }
    }
  }
  return shuffle(chosen, rng).map((c) => toQuestion(c, rng));
}

/** Option letters for sheets and feedback. */
export const optionLetter = (index: number): string => String.fromCharCode(65 + index);
