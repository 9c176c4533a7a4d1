// DOM queries over built HTML: CSS selectors on a hast tree instead of regexes
// over tags, which hang on attribute order and quoting and miss silently.
// Trees come from a cache and are shared: read them, never change them.
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { matches, select as selectOne, selectAll as selectEvery } from 'hast-util-select';
import { find, html as htmlSchema, svg as svgSchema } from 'property-information';

// Tests read the same page in several checks; a few trees suffice, and a
// whole-site walk (the link check) must not keep every page in memory.
const cache = new Map<string, Root>();
const CACHED = 8;

export function parse(html: string): Root {
  let tree = cache.get(html);
  if (!tree) {
    tree = fromHtml(html);
    if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
    cache.set(html, tree);
  }
  return tree;
}

/** The first element matching `css` under `tree` (a page's HTML is parsed first). */
export function select(tree: Nodes | string, css: string): Element | undefined {
  return selectOne(css, typeof tree === 'string' ? parse(tree) : tree);
}

export function selectAll(tree: Nodes | string, css: string): Element[] {
  return selectEvery(css, typeof tree === 'string' ? parse(tree) : tree);
}

export function is(el: Element, css: string): boolean {
  return matches(css, el);
}

/**
 * An attribute as the HTML spells it ("class", "data-step-id", "http-equiv"):
 * hast stores properties (className, dataStepId, httpEquiv), lists as arrays
 * and boolean attributes as true. Absent (or false) gives undefined.
 */
export function attr(el: Element, name: string): string | undefined {
  // SVG elements carry SVG property names (viewBox); try HTML's, then SVG's.
  for (const schema of [htmlSchema, svgSchema]) {
    const info = find(schema, name);
    const value = el.properties[info.property];
    if (value === undefined || value === null || value === false) continue;
    if (value === true) return '';
    return Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : String(value);
  }
  return undefined;
}

/** Text content, as the DOM's textContent (script and style bodies included). */
export function text(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (!('children' in node)) return '';
  const content = node.type === 'element' && node.tagName === 'template' && node.content ? [node.content] : node.children;
  return content.map((child) => text(child)).join('');
}

export function childElements(el: Element | Root): Element[] {
  return [...el.children].filter((child): child is Element => child.type === 'element');
}

/** The markup of a parsed node exactly as written in `html` (for checks of raw markup, like an inlined SVG). */
export function source(html: string, node: Nodes): string {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) throw new Error('node has no position in the source');
  return html.slice(start.offset, end.offset);
}
