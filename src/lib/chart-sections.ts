// A procedure's flowchart cut into readable parts. One huge chart shrunk to a
// phone or an A4 page is unreadable; several charts of a few steps each stay
// at full size. Two cuts, both from the step data alone:
// - a decision whose branches never meet again (进店 / 离店) gives each branch
//   a part of its own;
// - a part still longer than MAX_PART_STEPS is cut where the flow passes
//   through as few arrows as possible, near equal lengths.
// An arrow between parts ends in a small "continued in part n" node and the
// next part opens with one, so every step is drawn exactly once.
import type { ChartStep } from './flowchart';

/** Steps in one part at most (before its continuation nodes). */
export const MAX_PART_STEPS = 12;
/** A branch gets its own part only when it holds this many steps or more. */
export const MIN_BRANCH_STEPS = 3;

export interface ChartEdge {
  from: string;
  to: string;
  label?: string;
}

/** An arrow leaving the part: drawn to a "continued" node naming the other part. */
export interface PartExit extends ChartEdge {
  part: number;
}

/** An arrow coming in from another part: the part opens with a "from part n" node. */
export interface PartEntry extends ChartEdge {
  part: number;
}

export interface ChartPart {
  /** Step ids drawn in this part, in reading order. */
  steps: string[];
  /** Name of the branch the part follows ("进店"), when it is one. */
  branch?: string;
  exits: PartExit[];
  entries: PartEntry[];
}

export function edgesOf(steps: readonly ChartStep[]): ChartEdge[] {
  return steps.flatMap((s) => [
    ...(s.next !== undefined ? [{ from: s.id, to: s.next }] : []),
    ...s.branches.map((b) => ({ from: s.id, to: b.to, label: b.label })),
  ]);
}

function successors(edges: readonly ChartEdge[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of edges) map.set(e.from, [...(map.get(e.from) ?? []), e.to]);
  return map;
}

function reachable(from: string, next: Map<string, string[]>, within: ReadonlySet<string>, stop?: string): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id) || id === stop || !within.has(id)) continue;
    seen.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  return seen;
}

/**
 * Steps in reading order: each step after every step that leads to it, loops
 * ignored; ties keep the order the author wrote them in.
 */
export function readingOrder(ids: readonly string[], edges: readonly ChartEdge[]): string[] {
  const inSet = new Set(ids);
  const position = new Map(ids.map((id, i) => [id, i]));
  const next = successors(edges.filter((e) => inSet.has(e.from) && inSet.has(e.to)));
  // Back edges (loops) found by a depth-first walk from the first step, then from any left over.
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const to of next.get(id) ?? []) {
      if (state.get(to) === 'open') back.add(`${id}\u0000${to}`);
      else if (!state.has(to)) visit(to);
    }
    state.set(id, 'done');
  };
  for (const id of ids) if (!state.has(id)) visit(id);
  const indegree = new Map(ids.map((id) => [id, 0]));
  for (const [from, tos] of next) for (const to of tos) if (!back.has(`${from}\u0000${to}`)) indegree.set(to, indegree.get(to)! + 1);
  const ready = ids.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const id = ready.shift()!;
    order.push(id);
    for (const to of next.get(id) ?? []) {
      if (back.has(`${id}\u0000${to}`)) continue;
      indegree.set(to, indegree.get(to)! - 1);
      if (indegree.get(to) === 0) ready.push(to);
    }
  }
  return order;
}

interface Group {
  steps: string[];
  branch?: string;
}

/** The first decision (in reading order) whose branches reach disjoint, big enough sets of steps. */
function splitAtDivergence(group: Group, steps: readonly ChartStep[], edges: readonly ChartEdge[]): Group[] | undefined {
  const within = new Set(group.steps);
  const next = successors(edges);
  const byId = new Map(steps.map((s) => [s.id, s]));
  for (const id of group.steps) {
    const step = byId.get(id)!;
    if (step.kind !== 'decision' || step.branches.length < 2) continue;
    const reach = step.branches.map((b) => reachable(b.to, next, within, id));
    const all = reach.flatMap((r) => [...r]);
    if (new Set(all).size !== all.length) continue; // two branches meet again
    if (all.some((s) => reachable(s, next, within).has(id))) continue; // a branch loops back
    if (reach.some((r) => r.size < MIN_BRANCH_STEPS)) continue;
    const inBranch = new Set(all);
    const head = group.steps.filter((s) => !inBranch.has(s));
    const parts = step.branches.map((b, i) => ({ steps: group.steps.filter((s) => reach[i]!.has(s)), branch: b.label }));
    // A short head (the start and the question) opens the first branch's part instead of standing alone.
    if (head.length < MIN_BRANCH_STEPS) {
      const [first, ...rest] = parts;
      return [{ steps: [...head, ...first!.steps], ...(group.branch ? { branch: group.branch } : {}) }, ...rest];
    }
    return [{ steps: head, ...(group.branch ? { branch: group.branch } : {}) }, ...parts];
  }
  return undefined;
}

/** Cuts a long run of steps into near-equal pieces where fewest arrows cross. */
function splitLong(group: Group, edges: readonly ChartEdge[], max: number): Group[] {
  const order = group.steps;
  const n = order.length;
  if (n <= max) return [group];
  const pieces = Math.ceil(n / max);
  const index = new Map(order.map((id, i) => [id, i]));
  const inner = edges.filter((e) => index.has(e.from) && index.has(e.to));
  // Arrows crossing a cut before position k (forward or looping back).
  const crossing = (k: number) => inner.filter((e) => (index.get(e.from)! < k) !== (index.get(e.to)! < k)).length;
  const cuts: number[] = [];
  let start = 0;
  for (let piece = 1; piece < pieces; piece++) {
    const target = Math.round((n * piece) / pieces);
    let best = -1;
    let bestCost = Infinity;
    // Any cut leaving both sides no longer than allowed: few arrows across, near the target, no tiny parts.
    for (let k = start + 1; k < n; k++) {
      if (k - start > max) break;
      if (n - k > max * (pieces - piece)) continue;
      // An extra arrow across costs about as much as three steps off balance; a part of one or two steps, more.
      const tiny = k - start < 3 || (piece === pieces - 1 && n - k < 3) ? 10 : 0;
      const cost = crossing(k) * 3 + Math.abs(k - target) + tiny;
      if (cost < bestCost) {
        bestCost = cost;
        best = k;
      }
    }
    if (best < 0) break;
    cuts.push(best);
    start = best;
  }
  const bounds = [0, ...cuts, n];
  return bounds.slice(0, -1).map((from, i) => ({
    steps: order.slice(from, bounds[i + 1]),
    ...(group.branch ? { branch: group.branch } : {}),
  }));
}

/** The parts of a chart; a short chart is one part with no continuations. */
export function chartParts(steps: readonly ChartStep[], options: { maxSteps?: number } = {}): ChartPart[] {
  const max = Math.max(2, options.maxSteps ?? MAX_PART_STEPS);
  const edges = edgesOf(steps);
  const order = readingOrder(
    steps.map((s) => s.id),
    edges,
  );
  let groups: Group[] = [{ steps: order }];
  // Divergent branches first (each may diverge again), then long runs.
  for (let changed = true; changed; ) {
    changed = false;
    groups = groups.flatMap((g) => {
      const split = g.steps.length > MIN_BRANCH_STEPS ? splitAtDivergence(g, steps, edges) : undefined;
      if (split && split.length > 1) changed = true;
      return split && split.length > 1 ? split : [g];
    });
  }
  groups = groups.flatMap((g) => splitLong(g, edges, max));
  const partOf = new Map<string, number>();
  groups.forEach((g, i) => g.steps.forEach((id) => partOf.set(id, i)));
  return groups.map((g, i) => {
    const exits: PartExit[] = [];
    const entries: PartEntry[] = [];
    for (const e of edges) {
      const from = partOf.get(e.from);
      const to = partOf.get(e.to);
      if (from === undefined || to === undefined || from === to) continue;
      if (from === i) exits.push({ ...e, part: to });
      if (to === i) entries.push({ ...e, part: from });
    }
    return { steps: g.steps, ...(g.branch ? { branch: g.branch } : {}), exits, entries };
  });
}
