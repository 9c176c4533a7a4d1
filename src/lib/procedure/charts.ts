// The flowcharts of a procedure page: one, or one per variant when variants
// change step titles; each drawn as one or more parts (chart-sections.ts).
// Worked out once per procedure (build.ts) and read by the page, the
// handbook and the build's chart prefetch, so Chromium renders exactly the
// charts the pages will ask for.
import type { ChartStep } from '../flowchart';
import { partToMermaid } from '../flowchart';
import { chartParts } from '../chart-sections';
import { lanesOf, type Lanes, type LaneStep } from '../chart-lanes';
import type { VariantSteps } from './variants';
import { printLayout, type PrintLayout, type Size } from '../chart-view';

export interface ProcedureChartPart {
  /** "第 2 部分 · 离店"; empty when the chart is one part. */
  heading: string;
  /** Step ids drawn in the part. */
  steps: string[];
  source: string;
}

export interface ProcedureChart {
  variant?: string;
  /** The variant's label, empty for the single chart. */
  label: string;
  /** The steps drawn (the variant's wording): parts are cut from them. */
  steps: ChartStep[];
  parts: ProcedureChartPart[];
  /** The same steps with one lane per role, when they name two roles or more. */
  laneView?: LaneChart;
}

export interface LaneChart {
  lanes: Lanes;
  steps: ChartStep[];
  parts: ProcedureChartPart[];
}

export function chartPartsOf(steps: readonly ChartStep[], maxSteps?: number, lanes?: Lanes): ProcedureChartPart[] {
  const parts = chartParts(steps, maxSteps === undefined ? {} : { maxSteps });
  const byId = new Map(steps.map((s) => [s.id, s]));
  return parts.map((part, i) => {
    const heading =
      parts.length === 1 ? '' : `第 ${i + 1} 部分(共 ${parts.length} 部分)${part.branch ? `· 分支“${part.branch}”` : ''}`;
    const source = partToMermaid(
      part.steps.map((id) => byId.get(id)!),
      {
        exits: part.exits.map((e) => ({ ...e, part: e.part + 1, title: byId.get(e.to)!.title })),
        entries: part.entries.map((e) => ({ to: e.to, part: e.part + 1 })),
      },
      lanes,
    );
    return { heading, steps: part.steps, source };
  });
}

/**
 * One chart, or one per variant when variants change step titles. Nodes show
 * the title without the source's own label (numbering.ts): the step list
 * shows that label beside the site's number.
 */
export function procedureCharts(base: VariantSteps, variants: readonly VariantSteps[]): ProcedureChart[] {
  const chartSteps = (v: VariantSteps): LaneStep[] => v.steps.map((s) => ({ ...s, title: v.numbers.get(s.id)!.title }));
  const titlesDiffer = variants.some((v) => v.steps.some((s, i) => s.title !== base.steps[i]!.title));
  const chart = (steps: LaneStep[]) => {
    const lanes = lanesOf(steps);
    return { steps, parts: chartPartsOf(steps), ...(lanes ? { laneView: { lanes, steps, parts: chartPartsOf(steps, undefined, lanes) } } : {}) };
  };
  return titlesDiffer
    ? variants.map((v) => ({ variant: v.id, label: v.label, ...chart(chartSteps(v)) }))
    : [{ label: '', ...chart(chartSteps(base)) }];
}

/** Every Mermaid source of these charts, lane views included. */
export function chartSourcesOf(charts: readonly ProcedureChart[]): string[] {
  return charts.flatMap((c) => [...c.parts, ...(c.laneView?.parts ?? [])].map((p) => p.source));
}

export interface LaidOutPart<T> extends ProcedureChartPart {
  drawn: T;
  /** How it prints; undefined only when no cut makes it fit a page (it then prints at the smallest zoom). */
  print: PrintLayout | undefined;
  /** False when its arrow labels cover one another (draw says so) and no cut helps. */
  clean: boolean;
}

/** Parts a chart is cut into at most, however small the pages. */
const MIN_PART_STEPS = 3;

/**
 * Draws a chart's parts and checks each fits an A4 page at a readable print
 * zoom, with no arrow label over another; when one does not, the chart is cut
 * into smaller parts and drawn again. `draw` renders a Mermaid source and
 * says its natural size (undefined when unknown, e.g. rendered later in the
 * browser) and, when it can tell, whether its labels are clear of each other.
 */
export async function layoutChartParts<T>(
  chart: Pick<ProcedureChart, 'steps' | 'parts'> & { lanes?: Lanes },
  draw: (source: string) => Promise<{ drawn: T; size: Size | undefined; clean?: boolean }>,
): Promise<LaidOutPart<T>[]> {
  let parts = chart.parts;
  for (;;) {
    const drawn = await Promise.all(parts.map((p) => draw(p.source)));
    const laid = parts.map((part, i) => {
      const { size, clean } = drawn[i]!;
      return {
        ...part,
        drawn: drawn[i]!.drawn,
        print: size ? printLayout(size) : ({ zoom: 0.8, page: 'portrait' } satisfies PrintLayout),
        clean: clean !== false,
      };
    });
    if (laid.every((p) => p.print && p.clean)) return laid;
    // Smaller parts: the largest part size that makes the largest part smaller than now.
    const largest = (cut: readonly ProcedureChartPart[]) => Math.max(...cut.map((p) => p.steps.length));
    let max = largest(parts) - 1;
    let smaller = parts;
    for (; max >= MIN_PART_STEPS && largest(smaller) >= largest(parts); max--) smaller = chartPartsOf(chart.steps, max, chart.lanes);
    if (largest(smaller) >= largest(parts)) return laid;
    parts = smaller;
  }
}
