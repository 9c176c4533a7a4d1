// Mermaid flowchart source from step data. Pure: the same steps always give
// the same text, so the render cache can key on it.
import type { Step } from './procedure/schema';
import type { Lanes } from './chart-lanes';

export type ChartStep = Pick<Step, 'id' | 'kind' | 'title' | 'next' | 'branches'>;

/** Stable, injective: step ids never contain "_", so "a-b" → "s_a_b" cannot collide. */
export function nodeIdFor(stepId: string): string {
  return `s_${stepId.replace(/-/g, '_')}`;
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

/** A step's node: `compact` wraps its title and draws a decision as a hexagon (charts in parts). */
function shape(step: ChartStep, compact = false): string {
  const title = compact ? wrapLabel(step.title, step.kind === 'decision' ? WRAP_UNITS.decision : WRAP_UNITS.other) : step.title;
  const label = `"${escapeLabel(title)}"`;
  switch (step.kind) {
    case 'start':
    case 'end':
      return `(${label})`;
    case 'decision':
      // A hexagon: a question of two short lines stays two lines tall, where a diamond grows with its width.
      return compact ? `{{${label}}}` : `{${label}}`;
    default:
      return `[${label}]`;
  }
}

export function toMermaid(steps: readonly ChartStep[]): string {
  const lines = ['flowchart TD'];
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

// --- Charts shaped for reading: long titles wrapped, decisions kept compact,
// long procedures drawn as parts (see chart-sections.ts). ---

/** Characters per line: a CJK character counts 1, a Latin letter or digit ½. */
export const WRAP_UNITS = { decision: 8, other: 11 } as const;

const NO_LINE_START = /^[,。、;:?!)》」』”’,.;:?!)\]]/;

/** Width of text in CJK characters. */
function units(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u0000-\u024f]/.test(ch) ? 0.5 : 1;
  return n;
}

/**
 * Wraps a title into balanced lines of at most `max` units, breaking after
 * punctuation where it can, never inside a Latin word or number ("1.3.1"),
 * never putting punctuation at the start of a line. Author line breaks stay.
 */
export function wrapLabel(text: string, max: number): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => wrapLine(line, max))
    .join('\n');
}

/**
 * Cost of ending a line with `before` when `after` starts the next: nothing
 * after punctuation, little before a word that opens a clause (是否, 还是,
 * 并 …) or after 的, most inside a run of characters (perhaps a word).
 */
function breakPenalty(before: string, after: string): number {
  if (/[,、;:?!,;:]$/.test(before)) return 0;
  if (/^(是否|还是|并且?|而且?|或者?|以及|及|和|如|且|通知|请)/.test(after) || /的$/.test(before)) return 3;
  return 10;
}

function wrapLine(line: string, max: number): string {
  const total = units(line);
  if (total <= max) return line;
  // Tokens: a Latin word / number, or one other character, with following punctuation glued on.
  const tokens: string[] = [];
  for (const [token] of line.matchAll(/[A-Za-z0-9.%-]+|\s+|./gu)) {
    if (tokens.length > 0 && NO_LINE_START.test(token)) tokens[tokens.length - 1] += token;
    else tokens.push(token);
  }
  const target = total / Math.ceil(total / max);
  // Least cost over break positions: lines near the balanced width, breaks after punctuation, few lines.
  const best: { cost: number; from: number }[] = [{ cost: 0, from: -1 }];
  for (let end = 1; end <= tokens.length; end++) {
    best[end] = { cost: Infinity, from: -1 };
    for (let start = end - 1; start >= 0; start--) {
      const text = tokens.slice(start, end).join('').trim();
      const width = units(text);
      if (width > max && end - start > 1) break;
      const last = end === tokens.length;
      const cost =
        best[start]!.cost + 12 + (last ? Math.max(0, width - target) ** 2 : (width - target) ** 2 + breakPenalty(text, tokens.slice(end).join('')));
      if (cost < best[end]!.cost) best[end] = { cost, from: start };
    }
  }
  const out: string[] = [];
  for (let end = tokens.length; end > 0; end = best[end]!.from) out.unshift(tokens.slice(best[end]!.from, end).join('').trim());
  return out.join('\n');
}

/** Space between ranks in a swimlane chart (a plain chart has chart-config.ts's 36). */
export const LANE_RANK_SPACING = 56;

export interface PartLinks {
  /** Arrows out of the part: target step title and the part it is drawn in (1-based). */
  exits: { from: string; to: string; label?: string; part: number; title: string }[];
  /** Arrows in: from which part (1-based), to which step. */
  entries: { to: string; part: number }[];
}

/**
 * One part of a chart: its steps, the arrows between them, and small
 * continuation nodes ("续见第 2 部分") for arrows to and from other parts.
 * Continuation nodes are named c_…, so they never carry a step id.
 */
export function partToMermaid(steps: readonly ChartStep[], links: PartLinks = { exits: [], entries: [] }, lanes?: Lanes): string {
  const ids = new Set(steps.map((s) => s.id));
  // Node lines, each with the lane it is drawn in (with lanes: a stub sits in the lane of the step it links).
  const nodes: { line: string; lane: string | undefined }[] = [];
  const entryParts = [...new Set(links.entries.map((e) => e.part))];
  entryParts.forEach((part, i) =>
    nodes.push({
      line: `c_in_${i}["${escapeLabel(`接第 ${part} 部分`)}"]`,
      lane: lanes?.of.get(links.entries.find((e) => e.part === part)!.to),
    }),
  );
  for (const step of steps) nodes.push({ line: `${nodeIdFor(step.id)}${shape(step, true)}`, lane: lanes?.of.get(step.id) });
  const exitNodes = new Map<string, string>();
  for (const exit of links.exits) {
    const key = `${exit.part}\u0000${exit.to}`;
    if (exitNodes.has(key)) continue;
    const id = `c_out_${exitNodes.size}`;
    exitNodes.set(key, id);
    nodes.push({
      line: `${id}["${escapeLabel(wrapLabel(`续见第 ${exit.part} 部分:${exit.title}`, WRAP_UNITS.other))}"]`,
      lane: lanes?.of.get(exit.from),
    });
  }
  const lines: string[] = [];
  if (lanes) {
    // Top to bottom, one column per role; a lane this part never enters is left out.
    // More room between ranks than a plain chart: lanes route arrows around each other, and labels need the space.
    lines.push('---', 'config:', '  flowchart:', `    rankSpacing: ${LANE_RANK_SPACING}`, '---', 'swimlane-beta TB');
    lanes.names.forEach((name, i) => {
      const inLane = nodes.filter((n) => n.lane === name);
      if (inLane.length === 0) return;
      lines.push(`  subgraph lane_${i}["${escapeLabel(name)}"]`, ...inLane.map((n) => `    ${n.line}`), '  end');
    });
  } else {
    lines.push('flowchart TD', ...nodes.map((n) => `  ${n.line}`));
  }
  entryParts.forEach((part, i) => {
    const targets = [...new Set(links.entries.filter((e) => e.part === part).map((e) => e.to))];
    for (const to of targets) lines.push(`  c_in_${i} --> ${nodeIdFor(to)}`);
  });
  for (const step of steps) {
    const from = nodeIdFor(step.id);
    const edges = [
      ...(step.next !== undefined ? [{ to: step.next, label: undefined as string | undefined }] : []),
      ...step.branches.map((b) => ({ to: b.to, label: b.label as string | undefined })),
    ];
    for (const edge of edges) {
      const arrow = edge.label !== undefined ? `-->|"${escapeLabel(edge.label)}"|` : '-->';
      if (ids.has(edge.to)) lines.push(`  ${from} ${arrow} ${nodeIdFor(edge.to)}`);
      else {
        const exit = links.exits.find((e) => e.from === step.id && e.to === edge.to);
        const node = exit && exitNodes.get(`${exit.part}\u0000${exit.to}`);
        if (node) lines.push(`  ${from} ${arrow} ${node}`);
      }
    }
  }
  for (const kind of ['start', 'task', 'decision', 'end'] as const) {
    const kindIds = steps.filter((s) => s.kind === kind).map((s) => nodeIdFor(s.id));
    if (kindIds.length > 0) lines.push(`  class ${kindIds.join(',')} kind-${kind}`);
  }
  const stubs = [...entryParts.map((_, i) => `c_in_${i}`), ...exitNodes.values()];
  if (stubs.length > 0) lines.push(`  class ${stubs.join(',')} kind-link`);
  return `${lines.join('\n')}\n`;
}
