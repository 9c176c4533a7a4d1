// `next` may be omitted when a step simply goes on to the following one.
// Filling it in here, once, gives every consumer the same explicit graph.

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
