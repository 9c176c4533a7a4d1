// Mermaid's SVG carries what no chart of ours uses: a dozen arrow markers
// (one is used), shadow filters and a gradient nobody points at, coordinates
// to eight decimals, doubled class names and attributes only its own editor
// reads. A procedure page inlines several charts and the handbook repeats
// them, so at a thousand procedures this is most of `dist/`. Run once on each
// freshly drawn chart, before it is cached; what draws stays exactly as drawn.
import type { Element, Parents, Properties } from 'hast';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { definedIds, parseFragment, scopeTree, serialize } from './scope-ids';

/** Part of the chart cache key: a change here must draw the charts again. */
export const CHART_COMPACT_VERSION = 4;

/** Definitions that draw only where something points at them by id. */
const REFERENCED_ONLY = new Set(['marker', 'filter', 'linearGradient', 'radialGradient', 'pattern', 'clipPath', 'mask', 'symbol']);
/** Attributes Mermaid writes for its own editor; nothing on the site reads them. */
const EDITOR_ONLY = ['dataLook', 'dataEt', 'dataEdge'];
/**
 * Label box declarations Mermaid writes on every label; chart.css sets the
 * same for every label (`.chart svg foreignObject > div`), so only a label
 * that differs (a wrapped one: break-spaces) keeps its own.
 */
export const LABEL_DEFAULTS: Readonly<Record<string, string>> = {
  'white-space': 'nowrap',
  'line-height': '1.5',
  'text-align': 'center',
  display: 'table-cell',
};
/**
 * The widest a label box may grow, by the kind of label: Mermaid writes it on
 * every box (the node's from chart-config's wrappingWidth); chart.css gives
 * each kind its own (`.chart svg .node foreignObject > div`, `.edgeLabel …`).
 */
export const LABEL_MAX_WIDTH: Readonly<Record<'node' | 'edgeLabel', string>> = { node: '180px', edgeLabel: '200px' };
/** Classes Mermaid writes that nothing draws with: its default edge look, and names of its own stylesheet, which decorateChartSvg drops. */
const UNUSED_CLASSES = new Set(['edge-thickness-normal', 'edge-pattern-solid', 'basic', 'label-container', 'default']);
/** The span Mermaid wraps around each label's text: nothing styles it once its stylesheet is gone, except the text's weight (chart.css reads the p). */
const LABEL_SPAN = new Set(['nodeLabel', 'edgeLabel']);
/** Geometry attributes (hast property names) whose numbers are rounded. */
const GEOMETRY = ['d', 'points', 'transform', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'viewBox', 'refX', 'refY'];
/** Sizes that must never shrink: a label box a hair narrower than its text would clip it. */
const NEVER_SHRINK = new Set(['width', 'height']);
/** A number with more decimals than the eye can use (0.01 user units). */
const LONG_NUMBER = /-?\d*\.\d{3,}(?:e[-+]?\d+)?/gi;
const CSS_URL = /url\((['"]?)#([^)'"]+)\1\)/g;

/** Rounds to two decimals; `up` rounds towards larger sizes. */
function round(text: string, up: boolean): string {
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  const scaled = value * 100;
  // Float noise (120.00000001) is not a size worth rounding up.
  const rounded = up ? Math.ceil(scaled - 1e-6) : Math.round(scaled);
  return String(rounded / 100);
}

function referencedIds(tree: Parents): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    for (const value of Object.values(node.properties)) {
      if (typeof value !== 'string') continue;
      if (value.startsWith('#')) ids.add(value.slice(1));
      for (const [, , id] of value.matchAll(CSS_URL)) ids.add(id!);
    }
  });
  return ids;
}

/** A label box's inline style, less what chart.css already gives every label, or every label of its kind. */
function labelStyle(style: string, kind: keyof typeof LABEL_MAX_WIDTH | undefined): string {
  return style
    .split(';')
    .filter((declaration) => {
      const [name, value] = declaration.split(':') as [string, string | undefined];
      if (name === 'max-width' && kind && LABEL_MAX_WIDTH[kind] === value) return false;
      return LABEL_DEFAULTS[name] !== value;
    })
    .join(';');
}

const classesOf = (node: Element | undefined): string[] => (Array.isArray(node?.properties.className) ? node.properties.className.map(String) : []);

/** Which kind of label a foreignObject's box belongs to, from its nearest node or edge label group. */
function labelKind(ancestors: readonly Element[]): keyof typeof LABEL_MAX_WIDTH | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const classes = classesOf(ancestors[i]);
    if (classes.includes('node')) return 'node';
    if (classes.includes('edgeLabel')) return 'edgeLabel';
    if (classes.includes('cluster')) return undefined;
  }
  return undefined;
}

function compactProperties(node: Element, ancestors: readonly Element[], used: ReadonlySet<string>): void {
  const props: Properties = node.properties;
  const parent = ancestors.at(-1);
  for (const name of EDITOR_ONLY) delete props[name];
  const inLabel = parent?.tagName === 'foreignObject';
  // Inline HTML needs no namespace: the parser puts foreignObject's children in HTML's.
  if (inLabel) delete props.xmlns;
  // An edge is found by data-id (the walkthrough's trail), a node by data-step-id: a group's id nothing points at goes.
  if (typeof props.dataId === 'string' && classesOf(node).includes('flowchart-link')) delete props.id;
  if (node.tagName === 'g' && typeof props.id === 'string' && !used.has(props.id)) delete props.id;
  if (typeof props.style === 'string') {
    let style = props.style.replace(/\s*([:;])\s*/g, '$1').replace(/^;+|;+$/g, '');
    if (inLabel) style = labelStyle(style, labelKind(ancestors));
    if (style) props.style = style;
    else delete props.style;
  }
  if (Array.isArray(props.className)) {
    const classes = [...new Set(props.className)].filter((name) => !UNUSED_CLASSES.has(String(name)));
    if (classes.length > 0) props.className = classes;
    else delete props.className;
  }
  for (const name of GEOMETRY) {
    const value = props[name];
    if (name === 'viewBox' && typeof value === 'string') {
      // The box's size is its last two numbers: rounded up, so the drawing's edge is never cut.
      props[name] = value
        .trim()
        .split(/[\s,]+/)
        .map((n, i) => round(n, i >= 2))
        .join(' ');
      continue;
    }
    const up = NEVER_SHRINK.has(name);
    if (typeof value === 'string') props[name] = value.replace(LONG_NUMBER, (n) => round(n, up));
    else if (typeof value === 'number' && !Number.isInteger(value)) props[name] = Number(round(String(value), up));
  }
}

type Replace = (node: Element, ancestors: readonly Element[]) => Parents['children'] | undefined;

/** Visits every element with its element ancestors; `replace` may return what takes the element's place (its children are then visited as the parent's). */
function walk(parent: Parents, ancestors: readonly Element[], replace: Replace): void {
  for (let i = 0; i < parent.children.length; i++) {
    const node = parent.children[i]!;
    if (node.type !== 'element') continue;
    const replacement = replace(node, ancestors);
    if (replacement) {
      parent.children.splice(i, 1, ...(replacement as typeof parent.children));
      i--;
      continue;
    }
    walk(node, [...ancestors, node], replace);
  }
}

/** A Mermaid SVG, smaller, drawing the same picture (with chart.css) with the same classes and links. */
export function compactChartSvg(svg: string): string {
  const tree = parseFragment(svg);
  const used = referencedIds(tree);
  walk(tree, [], (node, ancestors) => {
    const id = node.properties.id;
    const unused = REFERENCED_ONLY.has(node.tagName) && !(typeof id === 'string' && used.has(id));
    // Mermaid's empty placeholder <rect></rect> in each label, and <defs> left with nothing to define.
    const empty = (node.tagName === 'rect' && Object.keys(node.properties).length === 0) || (node.tagName === 'defs' && node.children.length === 0);
    if (unused || empty) return [];
    // <div><span class="nodeLabel"><p>…</p></span></div>: the span goes, its text stays.
    const label = ancestors.at(-2)?.tagName === 'foreignObject' && node.tagName === 'span' && classesOf(node).some((name) => LABEL_SPAN.has(name));
    if (label && Object.keys(node.properties).length === 1) return node.children;
    compactProperties(node, ancestors, used);
    return undefined;
  });
  // A <defs> emptied above by its last filter going.
  visit(tree, 'element', (node: Element, index, parent) => {
    if (parent && index !== undefined && node.tagName === 'defs' && node.children.length === 0) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return CONTINUE;
  });
  // Mermaid names some ids without the chart's own (edge-label-…): two charts of one page would share them.
  const root = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'svg');
  const own = root?.properties.id;
  if (typeof own === 'string') {
    const foreign = [...definedIds(tree)].filter((id) => id !== own && !id.startsWith(`${own}-`) && !id.startsWith(`${own}_`));
    scopeTree(tree, own, new Set(foreign));
    shortenDefinitionIds(tree, own);
  }
  return serialize(tree);
}

/**
 * A marker's id is written again in every arrow that uses it
 * (`url(#chart-…_flowchart-v2-pointEnd)`): each definition gets a short one
 * of the chart's own (`chart-…-d0`), and every reference follows.
 */
function shortenDefinitionIds(tree: Parents, own: string): void {
  const renamed = new Map<string, string>();
  visit(tree, 'element', (node: Element) => {
    const id = node.properties.id;
    if (REFERENCED_ONLY.has(node.tagName) && typeof id === 'string' && !/-d\d+$/.test(id)) renamed.set(id, `${own}-d${renamed.size}`);
  });
  if (renamed.size === 0) return;
  visit(tree, 'element', (node: Element) => {
    const props: Properties = node.properties;
    for (const [name, value] of Object.entries(props)) {
      if (typeof value !== 'string') continue;
      if (name === 'id' && renamed.has(value)) props.id = renamed.get(value)!;
      else if (value.startsWith('#') && renamed.has(value.slice(1))) props[name] = `#${renamed.get(value.slice(1))}`;
      else if (value.includes('url(')) props[name] = value.replace(CSS_URL, (whole, quote: string, id: string) => (renamed.has(id) ? `url(${quote}#${renamed.get(id)}${quote})` : whole));
    }
  });
}
