import { describe, expect, it } from 'vitest';
import { procedureCharts } from './procedure-charts';
import { buildProcedureView } from './procedure-view';
import { partToMermaid } from './flowchart';
import { procedure } from '../../tests/helpers/fixtures';

describe('procedureCharts', () => {
  it('gives one chart when there are no variants', () => {
    const data = procedure();
    const charts = procedureCharts(data);
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
    expect(procedureCharts(data)).toHaveLength(1);
  });

  it('gives one chart per variant when a variant retitles a step, agreeing with the page view', () => {
    const data = procedure((p) => {
      p.variants = [
        { id: 'a', label: '甲', overrides: [] },
        { id: 'b', label: '乙', overrides: [{ step: 'register', title: '乙方登记来访' }] },
      ];
    });
    const charts = procedureCharts(data);
    expect(charts.map((c) => [c.variant, c.label])).toEqual([
      ['a', '甲'],
      ['b', '乙'],
    ]);
    expect(charts[1]!.parts[0]!.source).toContain('乙方登记来访');
    expect(charts[0]!.parts[0]!.source).not.toContain('乙方登记来访');
    expect(buildProcedureView(data, [], () => undefined).chartVariants).toEqual(['a', 'b']);
  });
});
