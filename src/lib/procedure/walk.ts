// The walkthrough (演示模式) as pure functions: the data a page embeds, the
// path a walk has taken, next / back / branch choice, and the URL that lets a
// reload or a shared link resume at the same step.
import type { ProcedureData, StepKind } from './schema';
import type { VariantSteps } from './variants';
import { shortestPath as shortestPathIn } from './graph';

export interface WalkBranch {
  label: string;
  to: string;
}

/**
 * A step as the walk needs it: its place in the graph and its name. The card
 * copies the step's text (role, detail, 话术, 注意) from the page's own step list.
 */
export interface WalkStep {
  id: string;
  kind: StepKind;
  /** The one step number (numbering.ts). */
  number: number;
  /** The title without the source's own label. */
  title: string;
  sourceLabel?: string;
  next?: string;
  branches: WalkBranch[];
}

export interface WalkVariant {
  /** "" for a procedure without variants. */
  id: string;
  label: string;
  steps: WalkStep[];
}

export interface WalkData {
  code: string;
  title: string;
  variants: WalkVariant[];
}

/** Built at build time (build.ts) and embedded in the page as JSON. */
export function walkData(procedure: Pick<ProcedureData, 'code' | 'title'>, variants: readonly VariantSteps[]): WalkData {
  const pick = ({ steps, numbers }: VariantSteps): WalkStep[] =>
    steps.map((s) => {
      const { number, title, sourceLabel } = numbers.get(s.id)!;
      return {
        id: s.id,
        kind: s.kind,
        number,
        title,
        ...(sourceLabel ? { sourceLabel } : {}),
        ...(s.next !== undefined ? { next: s.next } : {}),
        branches: s.branches.map((b) => ({ label: b.label, to: b.to })),
      };
    });
  return { code: procedure.code, title: procedure.title, variants: variants.map((v) => ({ id: v.id, label: v.label, steps: pick(v) })) };
}

type Steps = readonly WalkStep[];

function byId(steps: Steps): Map<string, WalkStep> {
  return new Map(steps.map((s) => [s.id, s]));
}

export function startOf(steps: Steps): string {
  return (steps.find((s) => s.kind === 'start') ?? steps[0]!).id;
}

/** Where a step can lead: its next step, or its branches in order. */
export function exits(step: WalkStep): string[] {
  if (step.kind === 'end') return [];
  if (step.kind === 'decision') return step.branches.map((b) => b.to);
  return step.next !== undefined ? [step.next] : [];
}

/** The path after "next" on a step with a single way on; undefined at a decision or an end. */
export function goNext(steps: Steps, path: readonly string[]): string[] | undefined {
  const step = byId(steps).get(path[path.length - 1]!);
  if (!step || step.kind === 'decision' || step.kind === 'end' || step.next === undefined) return undefined;
  return [...path, step.next];
}

/** The path after taking branch `index` (0-based) of the current decision. */
export function choose(steps: Steps, path: readonly string[], index: number): string[] | undefined {
  const step = byId(steps).get(path[path.length - 1]!);
  const branch = step?.kind === 'decision' ? step.branches[index] : undefined;
  return branch ? [...path, branch.to] : undefined;
}

/** Back along the path actually taken; the start stays. */
export function goBack(path: readonly string[]): string[] {
  return path.length > 1 ? path.slice(0, -1) : [...path];
}

/** Fewest steps from `from` to `to` (both included), or undefined when unreachable. */
export function shortestPath(steps: Steps, from: string, to: string): string[] | undefined {
  const index = byId(steps);
  return shortestPathIn(from, to, (id) => {
    const step = index.get(id);
    return step ? exits(step) : [];
  });
}

/** Steps still to come after `id` on the shortest way to an end (0 at an end). */
export function stepsToEnd(steps: Steps, id: string): number | undefined {
  const ends = steps.filter((s) => s.kind === 'end');
  const lengths = ends.map((end) => shortestPath(steps, id, end.id)?.length).filter((n) => n !== undefined);
  return lengths.length > 0 ? Math.min(...lengths) - 1 : undefined;
}

/** The line above the walk's meter, and how full the meter is (0–100). */
export function walkProgress(steps: Steps, path: readonly string[], step: WalkStep): { text: string; percent: number } {
  const done = path.length - 1;
  const left = stepsToEnd(steps, step.id) ?? 0;
  return {
    text: step.kind === 'end' ? `已到结束 · 本次路径共 ${path.length} 步` : `本路径已完成 ${done} 步 · 至少还剩 ${left} 步`,
    percent: Math.round((100 * done) / Math.max(1, done + left)),
  };
}

/** What a key does in a walk: the same actions as its buttons (data-walk), and Esc and 1–9. */
export type WalkAction = 'next' | 'back' | 'blank' | 'unblank' | 'overview' | 'fullscreen' | 'escape' | `branch-${number}`;

/**
 * The action of `key` (KeyboardEvent.key) in a walk, if any. A blanked screen
 * comes back with any key but a modifier (presenter remotes send odd ones).
 */
export function walkKeyAction(key: string, blanked: boolean): WalkAction | undefined {
  if (blanked) return ['Shift', 'Control', 'Alt', 'Meta'].includes(key) ? undefined : 'unblank';
  if (key === 'ArrowRight' || key === ' ' || key === 'PageDown') return 'next';
  if (key === 'b' || key === 'B' || key === '.') return 'blank';
  if (key === 'z' || key === 'Z') return 'overview';
  if (key === 'ArrowLeft' || key === 'PageUp') return 'back';
  if (key === 'Escape') return 'escape';
  if (key === 'f' || key === 'F') return 'fullscreen';
  if (/^[1-9]$/.test(key)) return `branch-${Number(key) - 1}`;
  return undefined;
}

/**
 * Going to a step picked on the chart: back to it when it is on the path,
 * on from here when it can be reached, else the shortest way from the start.
 */
export function jumpTo(steps: Steps, path: readonly string[], target: string): string[] | undefined {
  const at = path.lastIndexOf(target);
  if (at >= 0) return path.slice(0, at + 1);
  const onward = shortestPath(steps, path[path.length - 1]!, target);
  if (onward) return [...path, ...onward.slice(1)];
  return shortestPath(steps, startOf(steps), target);
}

/** The branch (0-based) taken at each decision along the path. */
export function choicesOf(steps: Steps, path: readonly string[]): number[] {
  const index = byId(steps);
  const choices: number[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const step = index.get(path[i]!);
    if (step?.kind === 'decision') choices.push(step.branches.findIndex((b) => b.to === path[i + 1]));
  }
  return choices;
}

/** Replays branch choices from the start until `target`; undefined when they do not lead there. */
export function replay(steps: Steps, choices: readonly number[], target: string): string[] | undefined {
  const index = byId(steps);
  const path = [startOf(steps)];
  let used = 0;
  // Loops are allowed in procedures; a replay longer than this is going nowhere.
  const limit = steps.length * (choices.length + 1) + 1;
  while (path.length <= limit) {
    const id = path[path.length - 1]!;
    if (used === choices.length && id === target) return path;
    const step = index.get(id);
    if (!step) return undefined;
    let next: string | undefined;
    if (step.kind === 'decision') next = used < choices.length ? step.branches[choices[used++]!]?.to : undefined;
    else if (step.kind !== 'end') next = step.next;
    if (next === undefined) return undefined;
    path.push(next);
  }
  return undefined;
}

/** What the URL says about a walk: ?walk=<step>&variant=<id>&via=<choices>. */
export interface WalkUrlState {
  step: string;
  variant?: string;
  choices: number[];
}

const PARAM = { step: 'walk', variant: 'variant', via: 'via' } as const;

/** Choices as one base-36 character each, 1-based like the number keys. */
function encodeChoices(choices: readonly number[]): string {
  return choices.map((c) => (c + 1).toString(36)).join('');
}

function decodeChoices(text: string): number[] | undefined {
  const choices = [...text].map((ch) => parseInt(ch, 36) - 1);
  return choices.every((c) => Number.isInteger(c) && c >= 0) ? choices : undefined;
}

/** The walk in a query string, or undefined when the page is not in a walk. */
export function parseWalkParams(search: string): WalkUrlState | undefined {
  const params = new URLSearchParams(search);
  const step = params.get(PARAM.step);
  if (step === null) return undefined;
  const variant = params.get(PARAM.variant);
  return {
    step,
    ...(variant ? { variant } : {}),
    choices: decodeChoices(params.get(PARAM.via) ?? '') ?? [],
  };
}

/** The query string with the walk written in (or removed, for undefined); other parameters stay. */
export function writeWalkParams(search: string, state: WalkUrlState | undefined): string {
  const params = new URLSearchParams(search);
  for (const name of Object.values(PARAM)) params.delete(name);
  if (state) {
    params.set(PARAM.step, state.step);
    if (state.variant) params.set(PARAM.variant, state.variant);
    if (state.choices.length > 0) params.set(PARAM.via, encodeChoices(state.choices));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The query string that opens a procedure's page straight in 演示模式, at its start step. */
export function walkHref(data: Pick<ProcedureData, 'steps'>): string {
  const start = data.steps.find((s) => s.kind === 'start') ?? data.steps[0]!;
  return writeWalkParams('', { step: start.id, choices: [] });
}

export function urlStateOf(steps: Steps, path: readonly string[], variant: string): WalkUrlState {
  return {
    step: path[path.length - 1]!,
    ...(variant ? { variant } : {}),
    choices: choicesOf(steps, path),
  };
}

export interface ResumedWalk {
  variant: WalkVariant;
  path: string[];
  /** Why the walk could not resume exactly where the URL said. */
  notice?: 'unknown-step' | 'unknown-variant';
}

/**
 * Where a walk resumes from its URL state: the same path when the recorded
 * choices lead to the step, else the shortest way there; an unknown step
 * starts at the beginning, an unknown variant falls back to the default one.
 */
export function resume(data: WalkData, state: WalkUrlState, defaultVariant?: string): ResumedWalk {
  const fallback = data.variants.find((v) => v.id === defaultVariant) ?? data.variants[0]!;
  const named = state.variant ? data.variants.find((v) => v.id === state.variant) : undefined;
  const variant = named ?? fallback;
  const variantNotice = state.variant && !named && data.variants.length > 1 ? 'unknown-variant' : undefined;
  const steps = variant.steps;
  if (!steps.some((s) => s.id === state.step)) {
    return { variant, path: [startOf(steps)], notice: 'unknown-step' };
  }
  const path = replay(steps, state.choices, state.step) ?? shortestPath(steps, startOf(steps), state.step);
  return {
    variant,
    path: path ?? [startOf(steps)],
    ...(variantNotice ? { notice: variantNotice } : {}),
  };
}
