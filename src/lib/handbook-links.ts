// The links of a procedure's rendered prose, rewritten for the handbook page
// (handbookHref is the rule): relative links were written for the procedure's
// own page. Done on the parsed HTML, so only real <a href> attributes change.
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { handbookHref } from './print';
import { parseFragment, serialize } from './scope-ids';

export interface HandbookLinkContext {
  /** The deployment's base path (import.meta.env.BASE_URL). */
  base: string;
  /** Site-relative path of the procedure's own page. */
  fromPath: string;
  /** Site-relative procedure path → id of its section on this handbook page. */
  sections: ReadonlyMap<string, string>;
}

export function handbookLinks(html: string, { base, fromPath, sections }: HandbookLinkContext): string {
  const tree = parseFragment(html);
  let changed = false;
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string') return;
    const rewritten = handbookHref(href, base, fromPath, sections);
    if (rewritten === href) return;
    node.properties.href = rewritten;
    changed = true;
  });
  // Untouched prose keeps Astro's own bytes.
  return changed ? serialize(tree) : html;
}
