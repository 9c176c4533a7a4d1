// A procedure's steps as a graph, shared by validation and the walk.
// `next` may be omitted when a step simply goes on to the following one;
// filling it in here, once, gives every consumer the same explicit graph.

interface StepShape {
  id: string;
  kind: string;
  next?: string | undefined;
  branches: readonly unknown[];
}

/**
 * Start and task steps without `next` (and without branches) point to the
 * step after them. The last step gets nothing, so validation still reports a
 * task that leads nowhere.
 */
export function withImplicitNext<S extends StepShape>(steps: readonly S[]): S[] {
  return steps.map((step, index) => {
    const following = steps[index + 1];
    const continues = step.kind === 'start' || step.kind === 'task';
    if (!continues || step.next !== undefined || step.branches.length > 0 || !following) return step;
    return { ...step, next: following.id };
  });
}

/** Every target a step points to, in order: its next step, then its branches. */
export function targetsOf(step: { next?: string | undefined; branches: readonly { to: string }[] }): string[] {
  return step.next !== undefined ? [step.next, ...step.branches.map((b) => b.to)] : step.branches.map((b) => b.to);
}

type Neighbours = (id: string) => Iterable<string>;

/** Ids reachable from `from` (included). */
export function reachable(from: Iterable<string>, neighbours: Neighbours): Set<string> {
  const seen = new Set<string>(from);
  const queue = [...seen];
  while (queue.length > 0) {
    for (const to of neighbours(queue.pop()!)) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

/** Fewest steps from `from` to `to` (both included), or undefined when unreachable. */
export function shortestPath(from: string, to: string, neighbours: Neighbours): string[] | undefined {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    if (id === to) {
      const path: string[] = [];
      for (let at: string | null = id; at !== null; at = previous.get(at) ?? null) path.unshift(at);
      return path;
    }
    for (const next of neighbours(id)) {
      if (!previous.has(next)) {
        previous.set(next, id);
        queue.push(next);
      }
    }
  }
  return undefined;
}
