// Pure search logic shared by the search dialog and the search page: cleaning
// what was typed, expanding synonyms, merging the searches, and choosing
// where in a page a result should land.

/** Longer queries are cut: Pagefind ANDs every word, so more never helps. */
export const MAX_QUERY_CHARS = 64;
/** Searches one query may turn into (the original plus synonym variants). */
export const MAX_VARIANTS = 8;

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

/**
 * The searches to run for a query: the query itself first, then the query
 * with each synonym group's other words swapped in. Matches are taken
 * longest first and never overlap, so 前台接待员 is not also read as 前台.
 */
export function expandQuery(text: string, groups: readonly (readonly string[])[], limit = MAX_VARIANTS): string[] {
  const words = groups
    .flatMap((group) => group.map((word) => ({ word, group })))
    .filter(({ word }) => word.length > 0)
    .sort((a, b) => b.word.length - a.word.length);
  const taken: { start: number; end: number; word: string; group: readonly string[] }[] = [];
  for (const { word, group } of words) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      const end = at + word.length;
      if (taken.some((t) => at < t.end && end > t.start)) continue;
      taken.push({ start: at, end, word, group });
    }
  }
  taken.sort((a, b) => a.start - b.start);

  const options = taken.map((m) => [m.word, ...m.group.filter((w) => w !== m.word)]);
  const render = (pick: readonly number[]) => {
    let out = '';
    let at = 0;
    taken.forEach((m, i) => {
      out += text.slice(at, m.start) + options[i]![pick[i]!];
      at = m.end;
    });
    return out + text.slice(at);
  };
  // Picks that swap `count` words, lazily: one swap before two, so the limit
  // keeps the most direct variants and a long query cannot explode.
  function* swaps(count: number, from: number, pick: number[]): Generator<number[]> {
    if (count === 0) {
      yield pick;
      return;
    }
    for (let i = from; i < options.length; i++) {
      for (let j = 1; j < options[i]!.length; j++) {
        const next = [...pick];
        next[i] = j;
        yield* swaps(count - 1, i + 1, next);
      }
    }
  }
  const variants = new Set([text]);
  for (let count = 1; count <= options.length && variants.size < limit; count++) {
    for (const pick of swaps(count, 0, options.map(() => 0))) {
      variants.add(render(pick));
      if (variants.size >= limit) break;
    }
  }
  return [...variants];
}

export interface Scored {
  id: string;
  score: number;
}

/** A page found only through a synonym counts this much of its score. */
export const VARIANT_WEIGHT = 0.5;

/**
 * One list from the searches of a query and its variants: each page once,
 * with its best score. Scores from variants are discounted, so a page with
 * the words as typed comes before one that only has a synonym (unless the
 * synonym match is much stronger); on a tie the earlier search wins.
 */
export function mergeResults<T extends Scored>(
  lists: readonly (readonly T[])[],
  variantWeight = VARIANT_WEIGHT,
): (T & { from: number })[] {
  const best = new Map<string, T & { from: number }>();
  lists.forEach((list, from) => {
    for (const result of list) {
      const score = from === 0 ? result.score : result.score * variantWeight;
      const known = best.get(result.id);
      if (!known || score > known.score) best.set(result.id, { ...result, score, from });
    }
  });
  return [...best.values()].sort((a, b) => b.score - a.score || a.from - b.from);
}

export interface Location {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string };
  weighted_locations: { balanced_score: number }[];
}

/** Whether a sub-result is a step of a procedure (its anchor is #step-<id>). */
export const isStep = (location: Location) => location.anchor?.id.startsWith('step-') ?? false;

/**
 * The words Pagefind looks for in a query: it segments Chinese in the browser
 * with Intl.Segmenter, as here, and matches each word as a prefix.
 */
export function queryTerms(text: string): string[] {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const words = [...segmenter.segment(text.toLowerCase())].filter((s) => s.isWordLike).map((s) => s.segment);
  return [...new Set(words)];
}

/** How many of the query's words a location's excerpt highlights. */
export function coverage(location: Location, terms: readonly string[]): number {
  const marked = [...location.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!.toLowerCase());
  return terms.filter((term) => marked.some((word) => word.startsWith(term))).length;
}

/**
 * The places in a page a result can link to, best first: the one that has
 * more of the words typed, then a step before another section (a result
 * should open at the step), then the weight of its hits.
 */
export function rankLocations<T extends Location>(locations: readonly T[], terms: readonly string[] = []): T[] {
  const weight = (l: Location) => l.weighted_locations.reduce((sum, w) => sum + w.balanced_score, 0);
  return [...locations]
    .map((location) => ({ location, covered: coverage(location, terms), step: Number(isStep(location)) }))
    .sort((a, b) => b.covered - a.covered || b.step - a.step || weight(b.location) - weight(a.location))
    .map(({ location }) => location);
}

export interface Placed<T extends Location> {
  /** Where the result's main link goes. */
  href: string;
  /** The step or section it opens at; none for the top of the page. */
  where?: string;
  excerpt: string;
  /** Up to two more places in the page, as secondary links. */
  others: T[];
}

/**
 * Where a result opens. At the best step or section, except when every word
 * typed is in the page's title (换房, 团队 入住): then the page itself is the
 * answer and opens at the top, with the best steps listed under it.
 */
export function placeResult<T extends Location>(
  page: { title: string; url: string; excerpt: string; locations: readonly T[] },
  terms: readonly string[],
): Placed<T> {
  const ranked = rankLocations(page.locations, terms).filter((l) => l.anchor);
  const title = page.title.toLowerCase();
  const best = ranked[0];
  if (!best || (terms.length > 0 && terms.every((t) => title.includes(t)))) {
    return { href: page.url, excerpt: page.excerpt, others: ranked.slice(0, 2) };
  }
  return { href: best.url, where: best.title, excerpt: best.excerpt, others: ranked.slice(1, 3) };
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
