import { describe, expect, it } from 'vitest';
import { chartParts, MAX_PART_STEPS, readingOrder, edgesOf } from './chart-sections';
import type { ChartStep } from './flowchart';

const task = (id: string, next: string): ChartStep => ({ id, kind: 'task', title: id, next, branches: [] });
const end = (id: string): ChartStep => ({ id, kind: 'end', title: id, branches: [] });
const decision = (id: string, ...branches: [string, string][]): ChartStep => ({
  id,
  kind: 'decision',
  title: id,
  branches: branches.map(([label, to]) => ({ label, to })),
});
const chain = (prefix: string, n: number, last: string): ChartStep[] =>
  Array.from({ length: n }, (_, i) => task(`${prefix}${i}`, i + 1 < n ? `${prefix}${i + 1}` : last));

describe('chartParts', () => {
  it('keeps a short chart whole', () => {
    const steps = [{ ...task('a', 'b'), kind: 'start' as const }, ...chain('b', 3, 'z').map((s, i) => (i === 0 ? { ...s, id: 'b' } : s)), end('z')];
    const parts = chartParts(steps.map((s) => (s.id === 'b0' ? { ...s, id: 'b' } : s)));
    expect(parts).toHaveLength(1);
    expect(parts[0]!.exits).toEqual([]);
  });

  it('draws branches that never meet again as parts of their own, named after the branch', () => {
    const steps: ChartStep[] = [
      { id: 'start', kind: 'start', title: '开始', next: 'q', branches: [] },
      decision('q', ['进店', 'in0'], ['离店', 'out0']),
      ...chain('in', 4, 'in-end'),
      end('in-end'),
      ...chain('out', 4, 'out-end'),
      end('out-end'),
    ];
    const parts = chartParts(steps);
    expect(parts.map((p) => p.steps)).toEqual([
      ['start', 'q', 'in0', 'in1', 'in2', 'in3', 'in-end'],
      ['out0', 'out1', 'out2', 'out3', 'out-end'],
    ]);
    expect(parts[1]!.branch).toBe('离店');
    // The arrow between them leaves part 0 and enters part 1, with its label.
    expect(parts[0]!.exits).toEqual([{ from: 'q', to: 'out0', label: '离店', part: 1 }]);
    expect(parts[1]!.entries).toEqual([{ from: 'q', to: 'out0', label: '离店', part: 0 }]);
  });

  it('does not split branches that meet again', () => {
    const steps: ChartStep[] = [
      { id: 'start', kind: 'start', title: '开始', next: 'q', branches: [] },
      decision('q', ['是', 'a0'], ['否', 'b0']),
      ...chain('a', 3, 'join'),
      ...chain('b', 3, 'join'),
      end('join'),
    ];
    expect(chartParts(steps)).toHaveLength(1);
  });

  it('cuts a long run into near-equal parts where one arrow crosses, every step drawn once', () => {
    const steps: ChartStep[] = [...chain('s', 20, 'done'), end('done')];
    const parts = chartParts(steps);
    expect(parts.length).toBe(2);
    for (const part of parts) expect(part.steps.length).toBeLessThanOrEqual(MAX_PART_STEPS);
    expect(parts.flatMap((p) => p.steps).sort()).toEqual(steps.map((s) => s.id).sort());
    expect(parts[0]!.exits).toHaveLength(1);
    expect(Math.abs(parts[0]!.steps.length - parts[1]!.steps.length)).toBeLessThanOrEqual(1);
  });

  it('prefers a cut no branch or loop crosses', () => {
    // A loop back over s3..s6 and a decision skipping s8: the cut should fall outside both.
    const steps: ChartStep[] = [
      ...chain('s', 3, 's3'),
      task('s3', 's4'),
      task('s4', 's5'),
      task('s5', 's6'),
      decision('s6', ['再来', 's3'], ['继续', 's7']),
      task('s7', 's8'),
      task('s8', 's9'),
      ...chain('t', 10, 'done'),
      end('done'),
    ].map((s) => (s.id === 's9' ? s : s));
    const withS9 = [...steps, task('s9', 't0')];
    const parts = chartParts(withS9, { maxSteps: 12 });
    const crossings = parts.reduce((n, p) => n + p.exits.length, 0);
    expect(crossings).toBe(parts.length - 1);
  });

  it('honours a smaller part size', () => {
    const steps: ChartStep[] = [...chain('s', 11, 'done'), end('done')];
    expect(chartParts(steps)).toHaveLength(1);
    expect(chartParts(steps, { maxSteps: 4 })).toHaveLength(3);
  });
});

describe('readingOrder', () => {
  it('puts each step after the steps leading to it, ignoring loops', () => {
    const steps: ChartStep[] = [
      end('done'),
      task('b', 'c'),
      { id: 'a', kind: 'start', title: 'a', next: 'b', branches: [] },
      decision('c', ['again', 'b'], ['on', 'done']),
    ];
    expect(readingOrder(steps.map((s) => s.id), edgesOf(steps))).toEqual(['a', 'b', 'c', 'done']);
  });
});
