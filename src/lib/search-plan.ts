// How a typed query becomes searches, and how their results are ranked.
// Pagefind ANDs every word of a query and matches each as a prefix of a word
// it segmented at build time (jieba), while the browser segments the query
// with Intl.Segmenter (ICU). The two often disagree on Chinese compounds
// (ICU: 楼|盘|规划|图), so one strict search loses pages. Here a query is cut
// into terms, each term is searched on its own (with its synonyms and a
// shorter prefix), and pages are then scored by which terms their text
// really contains, as substrings, the way Chinese readers expect.

import { parseStepHeading } from './procedure/numbering';

/** Question words and filler: they count a little when present, never sink a query. */
export const STOP_WORDS = new Set([
  '怎么', '怎么办', '怎样', '怎么样', '如何', '什么', '什么时候', '啥', '哪', '哪个', '哪些', '哪里', '哪儿',
  '为什么', '为啥', '几', '多少', '吗', '呢', '吧', '啊', '呀', '嘛', '了', '的', '得', '地', '着', '是', '是不是',
  '是否', '要', '要不要', '不要', '需要', '需不需要', '可以', '可不可以', '能', '能不能', '能否', '应该', '该',
  '会', '请问', '一下', '我', '我们', '你', '他', '她', '就', '就要', '还', '都', '也', '有', '有没有', '没有', '没',
  '这个', '那个', '一个', '时候', '时', '来', '去', '让', '给', '被', '把', '和', '与', '或', '及', '在', '谁', '办',
  '后', '之后', '以后', '请', '一般', '咱们', '怎么弄', '咋', '咋办', '行不行', '好不好', '对不对',
]);

const CJK = /\p{Script=Han}/u;
/** Searches one query may run: each is a few milliseconds, and a phone waits for all. */
export const MAX_SEARCHES = 20;
/** Synonyms searched per term (all of them still count when a page is scored). */
const SEARCHED_ALTERNATIVES = 3;
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

export interface Term {
  /** As typed (after cleaning): 押金, 楼盘, 3份. */
  text: string;
  /** Other forms that count as this term: synonyms, numbers as digits or words. */
  alternatives: string[];
  /** A question word or filler: optional, weighs little. */
  stop: boolean;
  /** The ICU words a compound was joined from (保密|房), credited in part when the whole is absent. */
  parts: string[];
}

export interface QueryPlan {
  /** The whitespace-separated parts, whole: a page containing one verbatim gets a bonus. */
  phrases: string[];
  terms: Term[];
  /** Strings to give Pagefind, most specific first, each once. */
  searches: string[];
}

const segmenter = () => new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Intl.Segmenter's words, as Pagefind splits a query in the browser. */
export function icuWords(text: string): string[] {
  return [...segmenter().segment(text.toLowerCase())].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** The other ways to write the numbers in a word: 三声 ↔ 3声, 两天 ↔ 2天, 二名 ↔ 2名. */
export function numberForms(word: string): string[] {
  const forms = new Set<string>();
  if (/[0-9]/.test(word)) {
    // Only small numbers are said as words at a desk (2 天, 3 声); 300 元 stays digits.
    const words = word.replace(/(?<![0-9])([0-9]|10)(?![0-9])/g, (d) => (d === '10' ? '十' : DIGITS[Number(d)]!));
    if (words !== word) forms.add(words);
    if (/(?<![0-9])2(?![0-9])/.test(word)) forms.add(word.replace(/(?<![0-9])2(?![0-9])/g, '两'));
  }
  if (/[一二两三四五六七八九十]/.test(word)) {
    const digits = word.replace(/十|[一二两三四五六七八九]/g, (c) => (c === '十' ? '10' : c === '两' ? '2' : String(DIGITS.indexOf(c as (typeof DIGITS)[number]))));
    // 一式 / 一星期 keep their 一 as a word; only change a numeral that counts something.
    if (digits !== word && !/^一/.test(word)) forms.add(digits);
    if (word.includes('两')) forms.add(word.replace(/两/g, '二'));
    if (word.includes('二')) forms.add(word.replace(/二/g, '两'));
  }
  forms.delete(word);
  return [...forms];
}

/**
 * Cuts a cleaned query into terms. Synonym words are taken whole first
 * (longest first), the rest is segmented with Intl.Segmenter; runs of single
 * characters that ICU did not know as a word (楼|盘, 住|客, 结|账) are joined
 * again, since a one-character term says almost nothing.
 */
export function planQuery(text: string, groups: readonly (readonly string[])[] = []): QueryPlan {
  const phrases = text.split(/\s+/).filter(Boolean);
  const groupOf = new Map<string, readonly string[]>();
  for (const group of groups) for (const word of group) if (word) groupOf.set(word.toLowerCase(), group);
  const known = [...groupOf.keys()].sort((a, b) => b.length - a.length);

  const raw: { text: string; parts: string[] }[] = [];
  for (const phrase of phrases) {
    const lower = phrase.toLowerCase();
    // Synonym words found in the phrase, longest first, never overlapping.
    const taken: { start: number; end: number }[] = [];
    for (const word of known) {
      for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
        const end = at + word.length;
        if (taken.some((t) => at < t.end && end > t.start)) continue;
        taken.push({ start: at, end });
      }
    }
    taken.sort((a, b) => a.start - b.start);
    let at = 0;
    const pieces: { text: string; synonym: boolean }[] = [];
    for (const t of [...taken, { start: lower.length, end: lower.length }]) {
      for (const word of icuWords(lower.slice(at, t.start))) pieces.push({ text: word, synonym: false });
      if (t.end > t.start) pieces.push({ text: lower.slice(t.start, t.end), synonym: true });
      at = t.end;
    }
    // Single characters ICU split off are glued back: a run of them is one
    // word it did not know (楼|盘 → 楼盘), and one right after a word is
    // usually its suffix (保密|房 → 保密房, 计算|器 → 计算器).
    const single = (p: { text: string; synonym: boolean }) =>
      !p.synonym && !STOP_WORDS.has(p.text) && ([...p.text].length === 1 || /^[0-9]+$/.test(p.text)) && (CJK.test(p.text) || /[0-9]/.test(p.text));
    const out: { text: string; parts: string[]; open: boolean }[] = [];
    for (const piece of pieces) {
      const last = out.at(-1);
      if (single(piece) && last?.open) {
        last.text += piece.text;
        last.parts.push(piece.text);
        continue;
      }
      const stop = STOP_WORDS.has(piece.text);
      // A word stays open to a suffix; a run of singles stays open to more singles.
      out.push({ text: piece.text, parts: [piece.text], open: !stop && (single(piece) || !piece.synonym) });
    }
    for (const o of out) raw.push({ text: o.text, parts: o.parts.length > 1 ? o.parts : [] });
  }

  const seen = new Set<string>();
  const terms: Term[] = [];
  for (const { text: word, parts } of raw) {
    if (seen.has(word)) continue;
    seen.add(word);
    // Synonyms of the number forms too (3声 → 三声 → 三下), and number forms of the synonyms.
    const forms = new Set<string>([word]);
    for (let round = 0; round < 2; round++) {
      for (const form of [...forms]) {
        for (const w of groupOf.get(form.toLowerCase()) ?? []) forms.add(w);
        for (const n of numberForms(form)) forms.add(n);
      }
    }
    forms.delete(word);
    terms.push({ text: word, alternatives: [...forms].filter((w) => w.toLowerCase() !== word), stop: STOP_WORDS.has(word), parts });
  }
  // A query of nothing but filler (是否) still searches for it.
  if (terms.length && terms.every((t) => t.stop)) for (const t of terms) t.stop = false;

  const searches = new Set<string>();
  const core = terms.filter((t) => !t.stop);
  if (core.length > 1) searches.add(core.map((t) => t.text).join(' '));
  for (const phrase of phrases) searches.add(phrase.toLowerCase());
  for (const term of core) {
    for (const form of [term.text, ...term.alternatives.slice(0, SEARCHED_ALTERNATIVES)]) {
      searches.add(form);
      // Pagefind splits the form with ICU and needs every piece to start an
      // indexed word; the first piece always does, so search it too.
      const first = icuWords(form)[0];
      if (first && first !== form && [...first].length >= 1) searches.add(first);
    }
  }
  return { phrases, terms, searches: [...searches].filter(Boolean).slice(0, MAX_SEARCHES) };
}

/** Text compared as Chinese readers do: lower case, no spaces (提前 2 天 = 提前2天). */
export const flat = (text: string) => text.toLowerCase().replace(/\s+/g, '');

export interface TermMatch {
  /** 1 as typed, 0.8 as a synonym or number form, less for part of a long run, 0 absent. */
  strength: number;
  /** The forms found, to highlight. */
  found: string[];
}

/** How well a text (already flat()) holds a term. */
export function matchTerm(text: string, term: Term): TermMatch {
  const own = flat(term.text);
  if (text.includes(own)) return { strength: 1, found: [term.text] };
  const alternatives = term.alternatives.filter((a) => text.includes(flat(a)));
  if (alternatives.length) return { strength: 0.8, found: alternatives };
  // A compound absent as a whole: credit the words it was joined from
  // (保密|房), or, for a run of single characters (来查住客), its pairs.
  const chars = [...own];
  const singles = term.parts.length > 1 && term.parts.every((p) => [...p].length === 1);
  const pieces = !singles && term.parts.length > 1
    ? term.parts.filter((p) => [...p].length > 1)
    : chars.length >= 3 && chars.every((c) => CJK.test(c))
      ? chars.slice(0, -1).map((c, i) => c + chars[i + 1])
      : singles
        ? chars
        : [];
  const present = pieces.filter((p) => text.includes(p));
  if (present.length) {
    const share = singles || !term.parts.length ? present.length / pieces.length : present.join('').length / own.length;
    return { strength: (singles || !term.parts.length ? 0.5 : 0.8) * share, found: present };
  }
  return { strength: 0, found: [] };
}

export interface Coverage {
  score: number;
  /** Core terms the text holds whole or as a synonym. */
  covered: string[];
  /** Every core term is there. */
  all: boolean;
  found: string[];
}

/**
 * How much of the query a text holds: each term weighs its rarity (`weight`),
 * filler a tenth; a part of the query found verbatim adds its terms again.
 */
export function cover(text: string, plan: QueryPlan, weight: (term: Term) => number): Coverage {
  const flatText = flat(text);
  let score = 0;
  const covered: string[] = [];
  const found = new Set<string>();
  const core = plan.terms.filter((t) => !t.stop);
  for (const term of plan.terms) {
    const match = matchTerm(flatText, term);
    if (!match.strength) continue;
    score += match.strength * weight(term) * (term.stop ? 0.1 : 1);
    if (term.stop) continue;
    // Held means whole (or as a synonym); a share of a compound only adds to the score.
    if (match.strength >= 0.8) covered.push(term.text);
    for (const f of match.found) found.add(f);
  }
  for (const phrase of plan.phrases) {
    if (plan.phrases.length === 1 && core.length <= 1) break;
    if (flatText.includes(flat(phrase))) {
      score += core.filter((t) => phrase.toLowerCase().includes(t.text)).reduce((sum, t) => sum + weight(t), 0) * 0.5;
      found.add(phrase);
    }
  }
  return { score, covered, all: core.length > 0 && covered.length === core.length, found: [...found] };
}

/** Rarer terms say more: a term on few pages outweighs one on every page. */
export function termWeight(pagesWithTerm: number, pages: number): number {
  return Math.log(1 + pages / Math.max(0.5, pagesWithTerm));
}

export type PageKind = 'procedure' | 'glossary' | 'role' | 'path' | 'other';

/** What a page is, from its address under the site's base. */
export function pageKind(url: string, base = '/'): PageKind {
  const path = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
  if (path.startsWith('procedures/')) return 'procedure';
  if (path.startsWith('glossary/')) return 'glossary';
  if (path.startsWith('roles/')) return 'role';
  if (path.startsWith('paths/')) return 'path';
  return 'other';
}

/**
 * How much a page of this kind counts against a procedure: the steps are
 * where a thing happens; the glossary, role pages and learning paths repeat
 * them. The glossary counts fully only for a term it defines.
 */
export function kindWeight(kind: PageKind, definesTerm = false): number {
  if (kind === 'procedure') return 1;
  if (kind === 'glossary') return definesTerm ? 0.9 : 0.4;
  if (kind === 'role' || kind === 'path') return 0.55;
  return 0.7;
}

/** The message when no page has every word: which words the results hold. */
export function relaxedNote(covered: readonly string[]): string {
  return `没有同时包含全部词语的结果,以下结果包含:${covered.join('、')}`;
}

/** Where [start, end) in `text` one of `forms` occurs, longest form first, never overlapping. */
export function findRanges(text: string, forms: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  const sorted = [...new Set(forms.map((f) => f.toLowerCase()).filter((f) => f.trim()))].sort((a, b) => b.length - a.length);
  for (const form of sorted) {
    for (let at = lower.indexOf(form); at !== -1; at = lower.indexOf(form, at + form.length)) {
      const end = at + form.length;
      if (!ranges.some(([s, e]) => at < e && end > s)) ranges.push([at, end]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Plain text as safe HTML with the forms found marked, for trimExcerpt(). */
export function markText(text: string, forms: readonly string[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of findRanges(text, forms)) {
    out += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

const ENTITY: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
/** A Pagefind excerpt (entity-encoded, with <mark>s) as plain text. */
export const excerptText = (html: string) =>
  html.replace(/<\/?mark>/g, '').replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITY[e]!);

export interface Place {
  /** Address of the place (page#anchor). */
  url: string;
  title: string;
  /** Its text as far as search saw it. */
  text: string;
  anchor?: string;
}

export interface Candidate {
  id: string;
  url: string;
  title: string;
  /** The page's whole text. */
  content: string;
  places: Place[];
  /** Pagefind's best score for the page in any of the searches: the last tie-break. */
  pagefindScore: number;
}

export interface Ranked {
  candidate: Candidate;
  score: number;
  coverage: Coverage;
  /** Where the result opens; none for the top of the page. */
  place: Place | undefined;
  others: Place[];
  /** The words to highlight on arrival. */
  highlight: string[];
}

/** Where a thing happens: a step, a checklist (its items are the things to have or do), or the team's standing duties. */
const isStepPlace = (place: Place) => /^(step-|checklist-|standing-roles)/.test(place.anchor ?? '');
/** A list whose entries stand alone (checklist items, the roles of a team): a word alone there is what the entry is about. */
const isListPlace = (place: Place) => /^(checklist-|standing-roles)/.test(place.anchor ?? '');

const EDGE = '[\\s,。;;、::()()“”"!!??]';
/** Whether `form` stands alone in the text (a checklist item, a heading), not inside a longer word. */
export function standsAlone(text: string, form: string): boolean {
  const escaped = form.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Pagefind joins list items with ". ": a full stop before a space ends an item too (not the dots of 1.3.3).
  return new RegExp(`(?:^|${EDGE})${escaped}(?:$|${EDGE}|\\.(?:\\s|$))`, 'u').test(text.toLowerCase());
}
/** Editorial notes: flags, corrections, term notes. They may be listed, never preferred. */
const isNotePlace = (place: Place) =>
  /^(flags|corrections|terms|term-note)/.test(place.anchor ?? '') || /待确认|原文缺失|原文矛盾|校订说明|本页术语/.test(place.title);

const rankOf = (place: Place) => (place.anchor?.startsWith('step-') ? 0 : isStepPlace(place) ? 1 : 2);

/** Whether a step's own name (without "第 N 步:" and the source's label) is the query's words and little else. */
function isNamedFor(place: Place, plan: QueryPlan, core: readonly Term[]): boolean {
  if (!place.anchor?.startsWith('step-') || core.length === 0) return false;
  const name = flat(parseStepHeading(place.title)?.title ?? place.title).replace(/[?？]$/, '');
  const typed = [...flat(plan.phrases.join(''))].length;
  return plan.terms.every((t) => matchTerm(name, t).strength >= 0.8) && [...name].length <= typed + 1;
}

/** Whether a glossary place defines one of the terms (its entry title is the term or an alias). */
function defines(places: readonly Place[], plan: QueryPlan): boolean {
  const forms = new Set(plan.terms.filter((t) => !t.stop).flatMap((t) => [t.text, ...t.alternatives].map(flat)));
  return places.some((p) => p.title.split(/[\s/、,,()()::]+/).some((word) => word && forms.has(flat(word))));
}

/**
 * Ranks the pages the searches found by the query's terms their text holds.
 * When some page holds every term, pages holding fewer are kept only if they
 * come close; otherwise the query is relaxed and pages with the most (and
 * rarest) terms lead, which the caller says with relaxedNote().
 */
export function rankPages(plan: QueryPlan, candidates: readonly Candidate[], base = '/'): { ranked: Ranked[]; relaxed: boolean } {
  const flatContent = new Map(candidates.map((c) => [c.id, flat(`${c.title} ${c.content}`)]));
  const df = new Map<Term, number>();
  for (const term of plan.terms) {
    df.set(term, candidates.filter((c) => matchTerm(flatContent.get(c.id)!, term).strength > 0).length);
  }
  const pages = candidates.length + 5;
  // A one-character term may be part of any word: rare or not, it says less.
  const weight = (term: Term) => termWeight(df.get(term) ?? 0, pages) * ([...term.text].length === 1 ? 0.5 : 1);
  const core = plan.terms.filter((t) => !t.stop);

  const ranked: Ranked[] = [];
  for (const candidate of candidates) {
    const coverage = cover(`${candidate.title} ${candidate.content}`, plan, weight);
    if (coverage.score <= 0) continue;
    const kind = pageKind(candidate.url, base);
    const scored = candidate.places.map((place) => ({
      place,
      text: flat(`${place.title} ${place.text}`),
      // A word in a step's title says more than one in its text, and one that
      // stands alone in a list (a checklist item, a role) more than one inside a longer word.
      score:
        cover(`${place.title} ${place.text}`, plan, weight).score +
        0.5 * cover(place.title, plan, weight).score +
        // A single character inside a longer word there (笔 in 笔试) is hardly the thing asked for.
        -0.5 * core.filter((t) => [...t.text].length === 1 && !standsAlone(`${place.title} ${place.text}`, t.text)).reduce((sum, t) => sum + weight(t), 0) +
        // A step named for just what was typed (撤台, 准备礼品) is the answer itself.
        (isNamedFor(place, plan, core) ? 0.5 * core.reduce((sum, t) => sum + weight(t), 0) : 0) +
        (isListPlace(place)
          ? 0.5 * core.filter((t) => [t.text, ...t.alternatives].some((f) => standsAlone(place.text, f))).reduce((sum, t) => sum + weight(t), 0)
          : 0),
    }));
    // A term counts fully where it is said in a step or section, little where
    // only an editorial note (a flag) mentions it, and somewhat when search
    // saw it in the text but not at a place.
    const title = flat(candidate.title);
    let pageScore = 0;
    for (const term of plan.terms) {
      const inTitle = matchTerm(title, term).strength;
      const atPlaces = scored.map((s) => matchTerm(s.text, term).strength * (isNotePlace(s.place) ? 0.3 : 1));
      const seen = scored.some((s) => matchTerm(s.text, term).strength > 0);
      // The page's text stands in only where no place showed the term.
      const inText = seen ? 0 : matchTerm(flat(candidate.content), term).strength * 0.6;
      pageScore += Math.max(inTitle, inText, ...atPlaces) * weight(term) * (term.stop ? 0.1 : 1);
    }
    for (const phrase of plan.phrases) {
      if (plan.phrases.length === 1 && core.length <= 1) break;
      if (flatContent.get(candidate.id)!.includes(flat(phrase))) {
        pageScore += core.filter((t) => phrase.toLowerCase().includes(t.text)).reduce((sum, t) => sum + weight(t), 0) * 0.5;
      }
    }
    const score = pageScore * kindWeight(kind, kind === 'glossary' && defines(candidate.places, plan));
    // Where it opens: a step before a section of prose, never an editorial note.
    const places = scored
      .map(({ place, score }) => ({ place, score: score * (isStepPlace(place) ? 2 : isNotePlace(place) ? 0.3 : 1) }))
      .filter((p) => p.score > 0)
      // On a tie a step wins over a checklist that restates it.
      .sort((a, b) => b.score - a.score || rankOf(a.place) - rankOf(b.place));
    // Every word typed is in the title (换房, 团队 入住): the page itself is the answer.
    const atTop = core.length > 0 && core.every((t) => matchTerm(title, t).strength === 1);
    const best = atTop ? undefined : places.find((p) => !isNotePlace(p.place))?.place;
    ranked.push({
      candidate,
      score,
      coverage,
      place: best,
      others: places.map((p) => p.place).filter((p) => p !== best).slice(0, 2),
      highlight: coverage.found,
    });
  }
  ranked.sort((a, b) => b.score - a.score || b.candidate.pagefindScore - a.candidate.pagefindScore);
  const full = ranked.filter((r) => r.coverage.all);
  if (!full.length) return { ranked, relaxed: core.length > 1 && ranked.length > 0 };
  const bar = 0.6 * full[0]!.score;
  return { ranked: ranked.filter((r) => r.coverage.all || r.score >= bar), relaxed: false };
}

/** The terms the best relaxed results hold, for relaxedNote(). */
export function coveredTerms(ranked: readonly Ranked[], plan: QueryPlan): string[] {
  const held = new Set(ranked.slice(0, 3).flatMap((r) => r.coverage.covered));
  return plan.terms.filter((t) => held.has(t.text)).map((t) => t.text);
}

/** A result's address, carrying the words to highlight on the page it opens. */
export function withHighlight(url: string, words: readonly string[]): string {
  if (!words.length) return url;
  const hash = url.indexOf('#');
  const [path, anchor] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const params = new URLSearchParams();
  for (const word of words) params.append('highlight', word);
  return `${path}${path.includes('?') ? '&' : '?'}${params.toString()}${anchor}`;
}
