// A procedure's rendered prose, made fit for the handbook page: relative links
// (written for the procedure's own page) follow handbookHref, and the prose's
// own ids (headings, a placed levels table) take the section's prefix. Done on
// the parsed HTML, so only real attributes change.
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { handbookHref } from './print';
import { definedIds, parseFragment, scopeTree, serialize } from './scope-ids';

export interface HandbookLinkContext {
  /** The deployment's base path (import.meta.env.BASE_URL). */
  base: string;
  /** Site-relative path of the procedure's own page. */
  fromPath: string;
  /** Site-relative procedure path → id of its section on this handbook page. */
  sections: ReadonlyMap<string, string>;
  /** The section's id prefix, and the ids its widgets define that the prose may link to (steps, checklists). */
  ids?: { prefix: string; targets: Iterable<string> };
}

export function handbookLinks(html: string, { base, fromPath, sections, ids }: HandbookLinkContext): string {
  const tree = parseFragment(html);
  let changed = false;
  if (ids) {
    // Before the links: a section id that handbookHref writes (#hb-7) is no id of this prose.
    const scoped = definedIds(tree);
    for (const id of ids.targets) scoped.add(id);
    changed = scopeTree(tree, ids.prefix, scoped);
  }
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string') return;
    const rewritten = handbookHref(href, base, fromPath, sections);
    if (rewritten === href) return;
    node.properties.href = rewritten;
    changed = true;
  });
  // Untouched prose keeps Astro's own bytes.
  return changed ? serialize(tree, { bareEmpty: true }) : html;
}
