// Pure search logic shared by the search dialog and the search page: cleaning
// what was typed and trimming excerpts. Planning the searches and ranking
// their results is in search-plan.ts.

/** Longer queries are cut: a phone search is a few words, and each costs searches. */
export const MAX_QUERY_CHARS = 64;

export interface CleanQuery {
  /** What is searched: punctuation folded to spaces, at most MAX_QUERY_CHARS. */
  text: string;
  /** True when nothing searchable is left (empty, spaces, punctuation). */
  empty: boolean;
  truncated: boolean;
}

export function cleanQuery(raw: string): CleanQuery {
  // NFKC turns full-width Latin, digits and spaces into their plain forms.
  const folded = raw
    .normalize('NFKC')
    .replace(/[\p{P}\p{S}]/gu, (c) => (c === '-' ? c : ' '))
    .split(/\s+/)
    // A hyphen inside a word stays (SOP-HOTEL-02); at a word's ends it goes.
    .map((word) => word.replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join(' ');
  const chars = [...folded];
  const truncated = chars.length > MAX_QUERY_CHARS;
  const text = (truncated ? chars.slice(0, MAX_QUERY_CHARS).join('') : folded).trim();
  return { text, empty: !/[\p{L}\p{N}]/u.test(text), truncated };
}

export interface Location {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string };
  weighted_locations: { balanced_score: number }[];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A short window of a Pagefind excerpt (entity-encoded text with <mark>s):
 * the `max` characters holding the most highlighted text, with … where cut,
 * and without a leading `heading` the result shows on its own line.
 * Pagefind is asked for long excerpts so coverage() sees a whole step; this
 * keeps what is shown short. Returns safe HTML of the same kind.
 */
export function trimExcerpt(html: string, max = 90, heading = ''): string {
  let chars: { c: string; marked: boolean }[] = [];
  for (const [, marked, plain] of html.matchAll(/<mark>(.*?)<\/mark>|((?:(?!<mark>)[\s\S])+)/g)) {
    const text = (marked ?? plain ?? '').replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e]!);
    for (const c of text) chars.push({ c, marked: marked !== undefined });
  }
  // A step's excerpt starts with its title, which the result already shows.
  const plain = chars.map((x) => x.c).join('');
  if (heading && plain.startsWith(heading)) {
    const rest = [...plain.slice(heading.length)];
    const skip = [...heading].length + rest.findIndex((c) => !/[\s.。::]/.test(c));
    chars = rest.every((c) => /[\s.。::]/.test(c)) ? [] : chars.slice(skip);
  }
  if (!chars.some((x) => x.c.trim())) return '';
  if (chars.length <= max) return render(chars, false, false);
  let start = 0;
  let best = -1;
  for (let i = 0; i < chars.length; i++) {
    if (!chars[i]!.marked || (i > 0 && chars[i - 1]!.marked)) continue;
    const from = Math.max(0, Math.min(i - 12, chars.length - max));
    const count = chars.slice(from, from + max).filter((x) => x.marked).length;
    if (count > best) [best, start] = [count, from];
  }
  return render(chars.slice(start, start + max), start > 0, start + max < chars.length);
}

function render(chars: readonly { c: string; marked: boolean }[], cutStart: boolean, cutEnd: boolean): string {
  let out = cutStart ? '…' : '';
  chars.forEach((x, i) => {
    const opens = x.marked && !chars[i - 1]?.marked;
    const closes = x.marked && !chars[i + 1]?.marked;
    out += (opens ? '<mark>' : '') + escapeHtml(x.c) + (closes ? '</mark>' : '');
  });
  return out + (cutEnd ? '…' : '');
}

/** Example queries offered when the box is empty. */
export const EXAMPLE_QUERIES = ['叫早', '押金', '保密房', '台签', '结帐'] as const;
