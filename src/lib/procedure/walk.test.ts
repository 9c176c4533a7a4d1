import { describe, expect, it } from 'vitest';
import { procedure } from '../../../tests/helpers/fixtures';
import {
  choicesOf,
  choose,
  goBack,
  goNext,
  jumpTo,
  parseWalkParams,
  replay,
  resume,
  shortestPath,
  startOf,
  stepsToEnd,
  urlStateOf,
  walkHref,
  walkKeyAction,
  walkProgress,
  writeWalkParams,
  type WalkStep,
} from './walk';
import { buildProcedure } from './build';

const walkData = (data: Parameters<typeof buildProcedure>[0]) => buildProcedure(data).walk;

// greet → ask-booking ─是→ lead-guest → done
//                     └否→ register → lead-guest
const data = walkData(procedure());
const steps = data.variants[0]!.steps;

// A loop: check → fix → check …, leaving through "ok".
const loop: WalkStep[] = [
  { id: 'a', kind: 'start', number: 1, title: 'A', next: 'check', branches: [] },
  {
    id: 'check',
    kind: 'decision',
    number: 2,
    title: '合格?',
    branches: [
      { label: '否', to: 'fix' },
      { label: '是', to: 'done' },
    ],
  },
  { id: 'fix', kind: 'task', number: 3, title: '修正', next: 'check', branches: [] },
  { id: 'done', kind: 'end', number: 4, title: '完', branches: [] },
];

describe('walkData', () => {
  it('carries the card fields of every step, one variant when the procedure has none', () => {
    expect(data.code).toBe('SOP-TEST-01');
    expect(data.variants.map((v) => v.id)).toEqual(['']);
    expect(steps.map((s) => s.id)).toEqual(['greet', 'ask-booking', 'register', 'lead-guest', 'done']);
    expect(steps[1]).toEqual({
      id: 'ask-booking',
      kind: 'decision',
      number: 2,
      title: '是否有预约?',
      branches: [
        { label: '是', to: 'lead-guest' },
        { label: '否', to: 'register' },
      ],
    });
  });

  it('numbers the steps as the page does and keeps the source’s label apart', () => {
    const labelled = walkData(
      procedure((input) => {
        input.steps[2]!.title = '2、登记来访';
      }),
    ).variants[0]!.steps[2]!;
    expect([labelled.number, labelled.title, labelled.sourceLabel]).toEqual([3, '登记来访', '2']);
  });

  it('names each variant’s steps its own way', () => {
    const withVariants = walkData(
      procedure((input) => {
        input.variants = [
          { id: 'male', label: '男宾部' },
          { id: 'female', label: '女宾部', overrides: [{ step: 'lead-guest', title: '引领女宾' }] },
        ];
      }),
    );
    expect(withVariants.variants.map((v) => [v.id, v.label, v.steps[3]!.title])).toEqual([
      ['male', '男宾部', '引领客人'],
      ['female', '女宾部', '引领女宾'],
    ]);
  });
});

describe('walking a path', () => {
  it('starts at the start step, follows next, stops at a decision until a branch is chosen', () => {
    const start = [startOf(steps)];
    expect(start).toEqual(['greet']);
    const atDecision = goNext(steps, start)!;
    expect(atDecision).toEqual(['greet', 'ask-booking']);
    expect(goNext(steps, atDecision)).toBeUndefined();
    expect(choose(steps, atDecision, 1)).toEqual(['greet', 'ask-booking', 'register']);
    expect(choose(steps, atDecision, 0)).toEqual(['greet', 'ask-booking', 'lead-guest']);
    expect(choose(steps, atDecision, 2)).toBeUndefined();
    expect(choose(steps, start, 0)).toBeUndefined();
  });

  it('goes back along the path actually taken, never before the start', () => {
    const viaRegister = ['greet', 'ask-booking', 'register', 'lead-guest'];
    const viaBooked = ['greet', 'ask-booking', 'lead-guest'];
    expect(goBack(viaRegister)).toEqual(['greet', 'ask-booking', 'register']);
    expect(goBack(viaBooked)).toEqual(['greet', 'ask-booking']);
    expect(goBack(['greet'])).toEqual(['greet']);
  });

  it('ends at an end step', () => {
    const end = ['greet', 'ask-booking', 'lead-guest', 'done'];
    expect(goNext(steps, end)).toBeUndefined();
    expect(stepsToEnd(steps, 'done')).toBe(0);
  });

  it('counts the fewest steps still to come', () => {
    expect(stepsToEnd(steps, 'greet')).toBe(3);
    expect(stepsToEnd(steps, 'register')).toBe(2);
    expect(stepsToEnd(loop, 'fix')).toBe(2);
  });

  it('finds shortest paths, through loops too', () => {
    expect(shortestPath(steps, 'greet', 'done')).toEqual(['greet', 'ask-booking', 'lead-guest', 'done']);
    expect(shortestPath(loop, 'fix', 'done')).toEqual(['fix', 'check', 'done']);
    expect(shortestPath(steps, 'done', 'greet')).toBeUndefined();
  });

  it('jumps to a step picked on the chart', () => {
    const path = ['greet', 'ask-booking', 'register', 'lead-guest'];
    expect(jumpTo(steps, path, 'ask-booking')).toEqual(['greet', 'ask-booking']);
    expect(jumpTo(steps, path, 'done')).toEqual([...path, 'done']);
    expect(jumpTo(steps, ['greet', 'ask-booking', 'lead-guest'], 'register')).toEqual(['greet', 'ask-booking', 'register']);
  });
});

describe('the walk on screen', () => {
  const step = (id: string) => steps.find((s) => s.id === id)!;

  it('says how far the walk has come and at least how far it has to go', () => {
    expect(walkProgress(steps, ['greet'], step('greet'))).toEqual({ text: '本路径已完成 0 步 · 至少还剩 3 步', percent: 0 });
    expect(walkProgress(steps, ['greet', 'ask-booking', 'register'], step('register'))).toEqual({
      text: '本路径已完成 2 步 · 至少还剩 2 步',
      percent: 50,
    });
    expect(walkProgress(steps, ['greet', 'ask-booking', 'lead-guest', 'done'], step('done'))).toEqual({
      text: '已到结束 · 本次路径共 4 步',
      percent: 100,
    });
    // Nothing done and nothing left: 0 %, not a division by zero.
    expect(walkProgress(steps, ['done'], step('done')).percent).toBe(0);
  });

  it('maps the keys of a keyboard and a presenter remote to the buttons’ actions', () => {
    const keys = ['ArrowRight', ' ', 'PageDown', 'ArrowLeft', 'PageUp', 'b', 'B', '.', 'z', 'Z', 'f', 'F', 'Escape', '1', '9'];
    expect(keys.map((k) => walkKeyAction(k, false))).toEqual([
      'next', 'next', 'next', 'back', 'back', 'blank', 'blank', 'blank',
      'overview', 'overview', 'fullscreen', 'fullscreen', 'escape', 'branch-0', 'branch-8',
    ]);
    expect(['0', 'a', 'Enter', 'Tab', 'Shift'].map((k) => walkKeyAction(k, false))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('brings a blanked screen back with any key but a modifier, and that key does nothing else', () => {
    expect(['ArrowRight', 'Escape', 'b', 'x', 'PageDown'].map((k) => walkKeyAction(k, true))).toEqual(Array(5).fill('unblank'));
    expect(['Shift', 'Control', 'Alt', 'Meta'].map((k) => walkKeyAction(k, true))).toEqual(Array(4).fill(undefined));
  });
});

describe('choices and replay', () => {
  it('records the branch taken at each decision and replays it to the same path', () => {
    const path = ['greet', 'ask-booking', 'register', 'lead-guest'];
    expect(choicesOf(steps, path)).toEqual([1]);
    expect(replay(steps, [1], 'lead-guest')).toEqual(path);
    expect(replay(steps, [0], 'lead-guest')).toEqual(['greet', 'ask-booking', 'lead-guest']);
  });

  it('replays loops the number of times they were taken', () => {
    const path = ['a', 'check', 'fix', 'check', 'fix', 'check', 'done'];
    expect(choicesOf(loop, path)).toEqual([0, 0, 1]);
    expect(replay(loop, [0, 0, 1], 'done')).toEqual(path);
    expect(replay(loop, [0], 'check')).toEqual(['a', 'check', 'fix', 'check']);
  });

  it('gives up on choices that do not lead to the step', () => {
    expect(replay(steps, [0], 'register')).toBeUndefined();
    expect(replay(steps, [5], 'done')).toBeUndefined();
    expect(replay(steps, [0, 0], 'done')).toBeUndefined();
    expect(replay(loop, [0, 0, 0, 0], 'done')).toBeUndefined();
  });
});

describe('URL state', () => {
  it('round-trips step, variant and choices, keeping other parameters', () => {
    const search = writeWalkParams('?x=1', { step: 'lead-guest', variant: 'female', choices: [1, 0, 10] });
    expect(search).toBe('?x=1&walk=lead-guest&variant=female&via=21b');
    expect(parseWalkParams(search)).toEqual({ step: 'lead-guest', variant: 'female', choices: [1, 0, 10] });
  });

  it('is absent when the page is not in a walk, and removed when the walk ends', () => {
    expect(parseWalkParams('')).toBeUndefined();
    expect(parseWalkParams('?variant=female')).toBeUndefined();
    expect(writeWalkParams('?walk=a&via=1&variant=male', undefined)).toBe('');
    expect(writeWalkParams('?q=1&walk=a', undefined)).toBe('?q=1');
  });

  it('reads broken choices as none', () => {
    expect(parseWalkParams('?walk=a&via=1-!')).toEqual({ step: 'a', choices: [] });
    expect(parseWalkParams('?walk=a&via=0')).toEqual({ step: 'a', choices: [] });
  });

  it('writes the state of a path', () => {
    expect(urlStateOf(steps, ['greet', 'ask-booking', 'register'], '')).toEqual({ step: 'register', choices: [1] });
    expect(urlStateOf(steps, ['greet'], 'male')).toEqual({ step: 'greet', variant: 'male', choices: [] });
  });
});

describe('walkHref', () => {
  it('opens the page in 演示模式 at the start step, which resume() accepts as it is', () => {
    const source = procedure();
    const href = walkHref(source);
    expect(href).toBe(`?walk=${source.steps.find((s) => s.kind === 'start')!.id}`);
    expect(resume(walkData(source), parseWalkParams(href)!).notice).toBeUndefined();
  });
});

describe('resume', () => {
  const variants = walkData(
    procedure((input) => {
      input.variants = [
        { id: 'male', label: '男宾部' },
        { id: 'female', label: '女宾部', overrides: [{ step: 'done', title: '女宾结束' }] },
      ];
    }),
  );

  it('resumes the same path from the URL', () => {
    expect(resume(data, { step: 'lead-guest', choices: [1] })).toEqual({
      variant: data.variants[0],
      path: ['greet', 'ask-booking', 'register', 'lead-guest'],
    });
  });

  it('takes the shortest way to a known step when the choices do not lead there', () => {
    expect(resume(data, { step: 'register', choices: [0] }).path).toEqual(['greet', 'ask-booking', 'register']);
    expect(resume(data, { step: 'done', choices: [] }).path).toEqual(['greet', 'ask-booking', 'lead-guest', 'done']);
  });

  it('starts at the beginning, with a notice, for an unknown step', () => {
    expect(resume(data, { step: 'no-such-step', choices: [1] })).toEqual({
      variant: data.variants[0],
      path: ['greet'],
      notice: 'unknown-step',
    });
  });

  it('follows the variant named in the URL, or the default with a notice', () => {
    expect(resume(variants, { step: 'done', variant: 'female', choices: [0] }).variant.id).toBe('female');
    expect(resume(variants, { step: 'done', choices: [0] }, 'female').variant.id).toBe('female');
    expect(resume(variants, { step: 'done', choices: [0] }).variant.id).toBe('male');
    const unknown = resume(variants, { step: 'done', variant: 'kids', choices: [0] }, 'male');
    expect(unknown.variant.id).toBe('male');
    expect(unknown.notice).toBe('unknown-variant');
    expect(unknown.path).toEqual(['greet', 'ask-booking', 'lead-guest', 'done']);
  });
});
