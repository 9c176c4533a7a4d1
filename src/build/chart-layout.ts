// A chart's laid-out parts, worked out once per build: the procedure page,
// its handbook volume and the whole handbook show the same chart object of
// the procedure model, so its drawing, size and label checks are reused.
import { renderChart } from './charts';
import { layoutChartParts, type LaidOutPart, type LaneChart, type ProcedureChart } from '../lib/procedure/charts';
import { overlappingEdgeLabels, svgSize } from '../lib/chart-decorate';

export type ChartToLay = Pick<ProcedureChart, 'steps' | 'parts'> | LaneChart;
type Drawn = Awaited<ReturnType<typeof renderChart>>;
export type LaidOutChart = LaidOutPart<Drawn>[];

const laidOut = new WeakMap<ChartToLay, Promise<LaidOutChart>>();

/** Only a lane chart is judged on its labels: a plain chart is always drawn. */
export function layOutChart(chart: ChartToLay, lanes: boolean): Promise<LaidOutChart> {
  let parts = laidOut.get(chart);
  if (!parts) {
    parts = layoutChartParts<Drawn>(chart, async (source) => {
      const drawn: Drawn = await renderChart(source);
      if (!('svg' in drawn)) return { drawn, size: undefined };
      return { drawn, size: svgSize(drawn.svg), ...(lanes ? { clean: overlappingEdgeLabels(drawn.svg).length === 0 } : {}) };
    });
    // A failed drawing is not kept: the next page tries again and reports its own error.
    parts.catch(() => laidOut.delete(chart));
    laidOut.set(chart, parts);
  }
  return parts;
}
