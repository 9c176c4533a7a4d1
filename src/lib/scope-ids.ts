// The handbook puts many procedures on one page; their step anchors, checkbox
// ids and chart ids would collide. This prefixes every id defined in a piece
// of rendered HTML, and every reference to one of those ids, and nothing else
// (a reference to an id outside the piece is left alone).

const TAG = /<[a-zA-Z][^<>]*>/g;
const ID_ATTR = /\sid="([^"]+)"/g;

export function scopeIds(html: string, prefix: string): string {
  const defined = new Set<string>();
  for (const [tag] of html.matchAll(TAG)) {
    for (const [, id] of tag.matchAll(ID_ATTR)) defined.add(id!);
  }
  if (defined.size === 0) return html;
  const scoped = (id: string) => (defined.has(id) ? `${prefix}-${id}` : id);

  return html.replace(TAG, (tag) =>
    tag
      .replace(/(\s(?:id|for|popovertarget))="([^"]+)"/g, (_, name: string, id: string) => `${name}="${scoped(id)}"`)
      .replace(
        /(\s(?:aria-describedby|aria-labelledby|aria-controls|aria-owns|headers))="([^"]+)"/g,
        (_, name: string, ids: string) => `${name}="${ids.split(/\s+/).map(scoped).join(' ')}"`,
      )
      .replace(/(\s(?:href|xlink:href))="#([^"]+)"/g, (_, name: string, id: string) => `${name}="#${scoped(id)}"`)
      .replace(/url\((['"]?|&quot;)#([^)'"&]+)\1\)/g, (_, quote: string, id: string) => `url(${quote}#${scoped(id)}${quote})`),
  );
}
