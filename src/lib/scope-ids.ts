// The handbook puts many procedures on one page; ids that a piece of rendered
// HTML defines (a chart's SVG markers, above all) would collide. This prefixes
// every id defined in the piece, and every reference to one of those ids, and
// nothing else (a reference to an id outside the piece is left alone).
// The piece is parsed as the browser parses it (parse5, SVG in its own
// namespace), so attribute order, quoting and text never fool it.
import type { Element, Properties, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

/** hast property names of attributes that hold one id or a space-separated list of ids. */
const ID_REFS = [
  'htmlFor',
  'popoverTarget',
  'commandFor',
  'form',
  'list',
  'headers',
  'itemRef',
  'ariaActiveDescendant',
  'ariaControls',
  'ariaDescribedBy',
  'ariaDetails',
  'ariaErrorMessage',
  'ariaFlowTo',
  'ariaLabelledBy',
  'ariaOwns',
] as const;
/** Attributes that hold a URL: only a same-document fragment ("#id") is a reference. */
const URL_REFS = ['href', 'xLinkHref'] as const;
/** url(#id) in a presentation attribute or inline style (fill, marker-end, clip-path, style …). */
const CSS_URL = /url\((['"]?)#([^)'"]+)\1\)/g;

/** Parses an HTML fragment (SVG and MathML inside it go to their own namespace). */
export function parseFragment(html: string): Root {
  return fromHtml(html, { fragment: true });
}

/**
 * Serializes as Mermaid and Astro write markup, so untouched parts come back
 * byte for byte: named references (&quot;), no self-closing SVG elements, and
 * empty attributes as the writer had them: Mermaid's style="", or bare as Astro
 * writes them (`bareEmpty`). Either way the browser builds the same DOM.
 */
export function serialize(tree: Root, { bareEmpty = false }: { bareEmpty?: boolean } = {}): string {
  return toHtml(tree, { collapseEmptyAttributes: bareEmpty, characterReferences: { useNamedReferences: true } });
}

/** Ids defined anywhere in the tree. */
export function definedIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  return ids;
}

/** Prefixes, in place, every id in `ids` and every reference to one of them; says whether anything changed. */
export function scopeTree(tree: Root, prefix: string, ids: ReadonlySet<string> = definedIds(tree)): boolean {
  if (ids.size === 0) return false;
  let changed = false;
  const scoped = (id: string) => {
    if (!ids.has(id)) return id;
    changed = true;
    return `${prefix}-${id}`;
  };
  visit(tree, 'element', (node: Element) => {
    const props: Properties = node.properties;
    if (typeof props.id === 'string') props.id = scoped(props.id);
    for (const name of ID_REFS as readonly string[]) {
      const value = props[name];
      if (Array.isArray(value)) props[name] = value.map((v) => scoped(String(v)));
      else if (typeof value === 'string') props[name] = value.split(/\s+/).map(scoped).join(' ');
    }
    for (const name of URL_REFS as readonly string[]) {
      const value = props[name];
      if (typeof value === 'string' && value.startsWith('#') && value.length > 1) props[name] = `#${scoped(value.slice(1))}`;
    }
    for (const [name, value] of Object.entries(props)) {
      if (typeof value === 'string' && value.includes('url(')) {
        props[name] = value.replace(CSS_URL, (_, quote: string, id: string) => `url(${quote}#${scoped(id)}${quote})`);
      }
    }
  });
  return changed;
}

/**
 * `targets`: ids the piece links to that its section defines elsewhere, with
 * the same prefix (a chart's nodes link to the step list's anchors).
 */
export function scopeIds(html: string, prefix: string, targets: Iterable<string> = []): string {
  const tree = parseFragment(html);
  const ids = definedIds(tree);
  for (const id of targets) ids.add(id);
  return scopeTree(tree, prefix, ids) ? serialize(tree) : html;
}

/** An id as a widget writes it on a page holding many procedures: `${prefix}-${id}`, or as is. */
export function prefixId(prefix: string | undefined, id: string): string {
  return prefix ? `${prefix}-${id}` : id;
}
