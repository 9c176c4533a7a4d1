import { describe, expect, it } from 'vitest';
import { lanesOf, type LaneStep } from './chart-lanes';
import { partToMermaid } from './flowchart';
import { chartPartsOf } from './procedure/charts';

// The source's 前厅部流程图 in small: 迎宾 greets and leads, 鞋吧员 takes the shoes.
const steps: LaneStep[] = [
  { id: 'arrive', kind: 'start', title: '客人到店', next: 'greet', branches: [] },
  { id: 'greet', kind: 'task', title: '迎宾问好', role: '迎宾', next: 'needs-care', branches: [] },
  {
    id: 'needs-care',
    kind: 'decision',
    title: '鞋是否需要护理?',
    role: '鞋吧员',
    branches: [
      { label: '需要', to: 'care' },
      { label: '不需要', to: 'lift' },
    ],
  },
  { id: 'care', kind: 'task', title: '签护理单', role: '鞋吧员', next: 'lift', branches: [] },
  { id: 'note', kind: 'task', title: '记下手牌号', next: 'lift', branches: [] },
  { id: 'lift', kind: 'task', title: '请客人上电梯', role: '迎宾', next: 'done', branches: [] },
  { id: 'done', kind: 'end', title: '结束', branches: [] },
];

describe('lanesOf', () => {
  it('gives one lane per role, in the order the flow reaches them', () => {
    expect(lanesOf(steps)?.names).toEqual(['迎宾', '鞋吧员']);
  });

  it('puts a role-less start in the lane of the first role after it, and other role-less steps in the lane before them', () => {
    const lanes = lanesOf(steps)!;
    expect(lanes.of.get('arrive')).toBe('迎宾');
    expect(lanes.of.get('care')).toBe('鞋吧员');
    expect(lanes.of.get('done')).toBe('迎宾');
    // Nothing leads to "note": it takes the lane of the step after it.
    expect(lanes.of.get('note')).toBe('迎宾');
    expect([...lanes.of.keys()].sort()).toEqual(steps.map((s) => s.id).sort());
  });

  it('offers no lanes when the steps name fewer than two roles', () => {
    expect(lanesOf(steps.map((s) => ({ ...s, role: s.role ? '迎宾' : undefined })))).toBeUndefined();
    expect(lanesOf(steps.map((s) => ({ ...s, role: undefined })))).toBeUndefined();
  });
});

describe('partToMermaid with lanes', () => {
  it('draws a swimlane chart: every step once, inside the lane of its role', () => {
    const lanes = lanesOf(steps)!;
    const source = partToMermaid(steps, { exits: [], entries: [] }, lanes);
    expect(source).toMatch(/^---\nconfig:\n {2}flowchart:\n {4}rankSpacing: \d+\n---\nswimlane-beta TB\n/);
    const laneBodies = [...source.matchAll(/ {2}subgraph (lane_\d+)\["([^"]+)"\]\n([\s\S]*?)\n {2}end/g)];
    expect(laneBodies.map((m) => m[2])).toEqual(['迎宾', '鞋吧员']);
    for (const step of steps) {
      const holders = laneBodies.filter((m) => m[3]!.split('\n').some((line) => line.trim().startsWith(`s_${step.id.replace(/-/g, '_')}`)));
      expect(holders.map((m) => m[2]), step.id).toEqual([lanes.of.get(step.id)]);
    }
    // Arrows and classes as in a plain chart.
    expect(source).toContain('s_needs_care -->|"需要"| s_care');
    expect(source).toContain('class s_arrive kind-start');
  });

  it('puts a continuation node in the lane of the step it links, and leaves out lanes a part never enters', () => {
    const lanes = lanesOf(steps)!;
    const parts = chartPartsOf(steps, 3, lanes);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const source = part.source;
      for (const [, lane, body] of source.matchAll(/subgraph lane_\d+\["([^"]+)"\]\n([\s\S]*?)\n {2}end/g)) {
        expect(body!.trim(), `an empty lane ${lane}`).not.toBe('');
      }
      // Every continuation node sits inside some lane (none floats outside the lanes)…
      expect(source.match(/^ {2}c_(in|out)_\d+\[/m)).toBeNull();
      // …and in the lane of a step it is drawn linked to in this part.
      const laneOf = new Map<string, string>();
      for (const [, lane, body] of source.matchAll(/subgraph lane_\d+\["([^"]+)"\]\n([\s\S]*?)\n {2}end/g)) {
        for (const [, node] of body!.matchAll(/^ {4}([a-z]_[a-z0-9_]+)[[({]/gm)) laneOf.set(node!, lane!);
      }
      const edges = [...source.matchAll(/^ {2}(\w+) -->(?:\|"[^"]*"\|)? (\w+)$/gm)].map(([, from, to]) => [from!, to!] as const);
      const stubs = [...laneOf.keys()].filter((node) => node.startsWith('c_'));
      if (part !== parts[0]) expect(stubs.some((n) => n.startsWith('c_in_')), 'a later part starts from a continuation').toBe(true);
      for (const stub of stubs) {
        const linked = edges.flatMap(([from, to]) => (from === stub ? [to] : to === stub ? [from] : []));
        expect(linked.length, stub).toBeGreaterThan(0);
        expect(linked.map((node) => laneOf.get(node)), stub).toContain(laneOf.get(stub));
      }
    }
  });

  it('leaves a plain chart exactly as before', () => {
    expect(partToMermaid(steps)).toMatch(/^flowchart TD\n/);
    expect(partToMermaid(steps)).not.toContain('subgraph');
  });
});
