import { describe, expect, it } from 'vitest';
import { layoutChartParts } from './charts';
import { buildProcedure } from './build';
import { buildProcedureView } from './view';
import { partToMermaid } from '../flowchart';
import { procedure } from '../../../tests/helpers/fixtures';

describe('procedureCharts', () => {
  it('gives one chart when there are no variants', () => {
    const data = procedure();
    const charts = buildProcedure(data).charts;
    expect(charts).toHaveLength(1);
    expect(charts[0]!.label).toBe('');
    // A short procedure is one part, drawn whole.
    expect(charts[0]!.parts.map((p) => p.source)).toEqual([partToMermaid(data.steps)]);
  });

  it('gives one chart when variants change only what is said', () => {
    const data = procedure((p) => {
      p.variants = [
        { id: 'a', label: '甲', overrides: [] },
        { id: 'b', label: '乙', overrides: [{ step: 'register', say: ['您好'] }] },
      ];
    });
    expect(buildProcedure(data).charts).toHaveLength(1);
  });

  it('gives one chart per variant when a variant retitles a step, agreeing with the page view', () => {
    const data = procedure((p) => {
      p.variants = [
        { id: 'a', label: '甲', overrides: [] },
        { id: 'b', label: '乙', overrides: [{ step: 'register', title: '乙方登记来访' }] },
      ];
    });
    const charts = buildProcedure(data).charts;
    expect(charts.map((c) => [c.variant, c.label])).toEqual([
      ['a', '甲'],
      ['b', '乙'],
    ]);
    expect(charts[1]!.parts[0]!.source).toContain('乙方登记来访');
    expect(charts[0]!.parts[0]!.source).not.toContain('乙方登记来访');
    // The page shows the retitled step once per variant, worded as that variant's chart draws it.
    const register = buildProcedureView(buildProcedure(data), [], () => undefined).steps.find((s) => s.step.id === 'register')!;
    expect(register.bodies.map((b) => [b.variant, b.title])).toEqual([
      ['a', '登记来访'],
      ['b', '乙方登记来访'],
    ]);
  });
});

describe('layoutChartParts', () => {
  it('cuts a chart into smaller parts while a part has arrow labels over each other, and says when no cut helps', async () => {
    const data = procedure();
    const chart = buildProcedure(data).charts[0]!;
    // The drawing of a whole chart has a clash; parts of three steps or fewer do not.
    const clashWhenLong = async (source: string) => ({ drawn: source, size: { width: 300, height: 300 }, clean: (source.match(/^ {2}s_\w+[[({]/gm) ?? []).length <= 3 });
    const laid = await layoutChartParts(chart, clashWhenLong);
    expect(laid.length).toBeGreaterThan(1);
    expect(laid.every((p) => p.clean && p.print)).toBe(true);
    expect(laid.flatMap((p) => p.steps).sort()).toEqual(data.steps.map((s) => s.id).sort());

    const alwaysClash = async (source: string) => ({ drawn: source, size: { width: 300, height: 300 }, clean: false });
    const stuck = await layoutChartParts(chart, alwaysClash);
    expect(stuck.some((p) => !p.clean)).toBe(true);
  });

  it('offers a swimlane view only when the steps name two roles or more', () => {
    expect(buildProcedure(procedure()).charts[0]!.laneView).toBeUndefined();
    const twoRoles = procedure((p) => {
      p.roles = ['前台接待员', '行李生'];
      p.steps[3]!.role = '行李生';
    });
    const lanes = buildProcedure(twoRoles).charts[0]!.laneView!;
    expect(lanes.lanes.names).toEqual(['前台接待员', '行李生']);
    expect(lanes.parts[0]!.source).toContain('swimlane-beta TB');
    expect(buildProcedure(twoRoles).chartSources).toEqual([...buildProcedure(twoRoles).charts[0]!.parts, ...lanes.parts].map((p) => p.source));
  });
});

describe('chart labels', () => {
  it('draw a step without the source’s own label, as the step list titles it', () => {
    const data = procedure((p) => {
      p.steps[2]!.title = '1.3.1 制作客户接待安排表';
    });
    const [chart] = buildProcedure(data).charts;
    expect(chart!.parts[0]!.source).toContain('制作客户接待安排表');
    expect(chart!.parts[0]!.source).not.toContain('1.3.1');
  });
});
