// Mermaid flowchart source from step data. Pure: the same steps always give
// the same text, so the render cache can key on it.
import type { Step } from './procedure-schema';

export type ChartStep = Pick<Step, 'id' | 'kind' | 'title' | 'next' | 'branches'>;

/** Stable, injective: step ids never contain "_", so "a-b" → "s_a_b" cannot collide. */
export function nodeIdFor(stepId: string): string {
  return `s_${stepId.replace(/-/g, '_')}`;
}

export function stepIdFor(nodeId: string): string | undefined {
  return /^s_[a-z0-9_]+$/.test(nodeId) ? nodeId.slice(2).replace(/_/g, '-') : undefined;
}

// Every character that means something to Mermaid's parser, to its entity
// decoder (#…;) or to HTML becomes a numeric entity, which Mermaid decodes to
// an HTML entity and the browser shows as the plain character.
const SPECIAL = /[#"&<>;:`|\\{}[\]()%=]/g;

export function escapeLabel(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => line.replace(SPECIAL, (ch) => `#${ch.codePointAt(0)};`))
    .join('<br>');
}

function shape(step: ChartStep): string {
  const label = `"${escapeLabel(step.title)}"`;
  switch (step.kind) {
    case 'start':
    case 'end':
      return `(${label})`;
    case 'decision':
      return `{${label}}`;
    default:
      return `[${label}]`;
  }
}

export interface FlowchartOptions {
  direction?: 'TD' | 'LR';
}

export function toMermaid(steps: readonly ChartStep[], options: FlowchartOptions = {}): string {
  const lines = [`flowchart ${options.direction ?? 'TD'}`];
  for (const step of steps) lines.push(`  ${nodeIdFor(step.id)}${shape(step)}`);
  for (const step of steps) {
    const from = nodeIdFor(step.id);
    if (step.next !== undefined) lines.push(`  ${from} --> ${nodeIdFor(step.next)}`);
    for (const branch of step.branches) {
      lines.push(`  ${from} -->|"${escapeLabel(branch.label)}"| ${nodeIdFor(branch.to)}`);
    }
  }
  for (const kind of ['start', 'task', 'decision', 'end'] as const) {
    const ids = steps.filter((s) => s.kind === kind).map((s) => nodeIdFor(s.id));
    if (ids.length > 0) lines.push(`  class ${ids.join(',')} kind-${kind}`);
  }
  return `${lines.join('\n')}\n`;
}
