// Swimlanes: which lane (role) each step of a chart is drawn in. A procedure
// whose steps belong to two or more roles can be drawn with one lane per role,
// as the source's 前厅部流程图 is (迎宾 / 鞋吧员). Steps without a role (start,
// end, a role-less task) sit in the lane of the flow around them.
import type { ChartStep } from './flowchart';
import { edgesOf, readingOrder } from './chart-sections';

export type LaneStep = ChartStep & { role?: string | undefined };

export interface Lanes {
  /** Lane names (roles), in the order the flow first reaches them. */
  names: string[];
  /** Lane name of every step id. */
  of: ReadonlyMap<string, string>;
}

/** One lane per role, or undefined when the steps name fewer than two roles. */
export function lanesOf(steps: readonly LaneStep[]): Lanes | undefined {
  const edges = edgesOf(steps);
  const order = readingOrder(
    steps.map((s) => s.id),
    edges,
  );
  const byId = new Map(steps.map((s) => [s.id, s]));
  const roles = [...new Set(order.map((id) => byId.get(id)?.role).filter((r): r is string => !!r))];
  if (roles.length < 2) return undefined;

  const of = new Map<string, string>();
  for (const s of steps) if (s.role) of.set(s.id, s.role);
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const e of edges) {
    incoming.set(e.to, [...(incoming.get(e.to) ?? []), e.from]);
    outgoing.set(e.from, [...(outgoing.get(e.from) ?? []), e.to]);
  }
  // A start takes the lane of the first role its flow reaches; any other
  // role-less step that of the step before it, else of the step after it.
  const nearest = (id: string, links: Map<string, string[]>): string | undefined => {
    const seen = new Set([id]);
    const queue = [...(links.get(id) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      const lane = byId.get(next)?.role;
      if (lane) return lane;
      queue.push(...(links.get(next) ?? []));
    }
    return undefined;
  };
  for (const id of order) {
    if (of.has(id)) continue;
    const step = byId.get(id)!;
    const lane =
      step.kind === 'start'
        ? (nearest(id, outgoing) ?? nearest(id, incoming))
        : (nearest(id, incoming) ?? nearest(id, outgoing));
    of.set(id, lane ?? roles[0]!);
  }
  return { names: roles, of };
}
