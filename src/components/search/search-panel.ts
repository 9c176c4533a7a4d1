// <search-panel>: the search box, filter chips and results, shared by the
// header dialog and the /search/ page. This module and Pagefind load only
// when search is opened (or on the search page itself).
import { SITE_EVENTS } from '../../lib/client/events';
import { defineElement } from '../../lib/client/define';
import { paths } from '../../lib/urls';
import { isDraft } from '../../lib/procedure/status';
import { cleanQuery, trimExcerpt, type Location } from '../../lib/search-query';
import {
  coveredTerms,
  excerptText,
  markText,
  planQuery,
  rankPages,
  relaxedNote,
  withHighlight,
  type Candidate,
  type Place,
  type QueryPlan,
  type Ranked,
} from '../../lib/search-plan';

type Filters = Record<string, Record<string, number>>;
type FilterOption = Record<string, { any: string[] }>;

interface SubResult extends Location {}
interface ResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string | undefined>;
  sub_results: SubResult[];
}
interface Result {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
/** A ranked page with what Pagefind returned for it. */
type Found = Ranked & { data: ResultData };
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: FilterOption }): Promise<{ results: Result[] } | null>;
  filters(): Promise<Filters>;
}

/** Filter chips offered, in this order, with their Chinese labels. */
const CHIP_GROUPS = [
  ['category', '分类'],
  ['department', '部门'],
  ['role', '角色'],
  ['status', '状态'],
] as const;
const PAGE_SIZE = 8;
const DEBOUNCE_MS = 120;
/** Pages read in full per query: the best of every search, enough for a page of results and more. */
const MAX_CANDIDATES = 24;
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

let engine: Promise<Pagefind> | undefined;
let ready = false;

/** Pagefind's script and index, fetched once, on first use, under the site's base path. */
function loadPagefind(): Promise<Pagefind> {
  engine ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind;
    // Long excerpts (in words) cover a whole step for ranking; trimExcerpt() shortens what is shown.
    await pagefind.options({ baseUrl: BASE, excerptLength: 120, excerptEllipsis: '…' });
    await pagefind.init();
    ready = true;
    return pagefind;
  })();
  // A failed load (offline, index missing) may be retried by the next search.
  engine.catch(() => (engine = undefined));
  return engine;
}

let synonymGroups: Promise<string[][]> | undefined;
/** The word groups search treats as one (search-synonyms.json), fetched once with the index; none if it fails. */
function synonyms(): Promise<string[][]> {
  synonymGroups ??= fetch(`${BASE}${paths.searchSynonyms()}`)
    .then((response) => (response.ok ? (response.json() as Promise<unknown>) : []))
    .then((parsed) => (Array.isArray(parsed) ? parsed.filter((g): g is string[] => Array.isArray(g) && g.every((w) => typeof w === 'string')) : []))
    .catch(() => {
      // Tried again by the next search.
      synonymGroups = undefined;
      return [];
    });
  return synonymGroups;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

class SearchPanel extends HTMLElement {
  private input!: HTMLInputElement;
  private status!: HTMLElement;
  private list!: HTMLOListElement;
  private more!: HTMLButtonElement;
  private filterBox!: HTMLDetailsElement;
  private openPage!: HTMLAnchorElement;
  private readonly selected = new Map<string, Set<string>>();
  private results: Found[] = [];
  private shown = 0;
  private token = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private started = false;

  get standalone() {
    return this.hasAttribute('data-standalone');
  }

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    this.input = this.querySelector('input[type="search"]')!;
    this.status = this.querySelector('.search-status')!;
    this.list = this.querySelector('.search-results')!;
    this.more = this.querySelector('.search-more')!;
    this.filterBox = this.querySelector('.search-filters')!;
    this.openPage = this.querySelector('.search-open-page')!;

    if (this.standalone) {
      this.readUrl();
      if (!this.input.value) this.input.focus();
    }
    this.input.addEventListener('input', () => this.schedule());
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.openFirst();
    });
    this.more.addEventListener('click', () => void this.showMore(true));
    this.addEventListener('keydown', (event) => this.onKey(event));
    this.addEventListener('click', (event) => {
      const example = (event.target as Element).closest<HTMLButtonElement>('button[data-example]');
      if (!example) return;
      this.input.value = example.dataset.example!;
      this.input.focus();
      void this.run();
    });
    void this.loadFilters();
    void this.run();
  }

  /** Focus the box, keeping what was typed, and search it again. */
  focusInput() {
    this.input.focus();
    this.input.select();
  }

  private readUrl() {
    const params = new URLSearchParams(location.search);
    this.input.value = params.get('q') ?? '';
    for (const [key] of CHIP_GROUPS) {
      const values = params.getAll(key).filter(Boolean);
      if (values.length) this.selected.set(key, new Set(values));
    }
  }

  private params(): URLSearchParams {
    const params = new URLSearchParams();
    const q = this.input.value.trim();
    if (q) params.set('q', q);
    for (const [key, values] of this.selected) for (const v of values) params.append(key, v);
    return params;
  }

  private filterOption(): FilterOption | undefined {
    const option: FilterOption = {};
    for (const [key, values] of this.selected) if (values.size) option[key] = { any: [...values] };
    return Object.keys(option).length ? option : undefined;
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), DEBOUNCE_MS);
  }

  private setState(state: 'idle' | 'loading' | 'done' | 'none' | 'error', query = '') {
    this.dataset.state = state;
    this.dataset.query = query;
  }

  private run(): Promise<void> {
    clearTimeout(this.timer);
    this.running = this.search();
    return this.running;
  }

  private async search(): Promise<void> {
    const token = ++this.token;
    const clean = cleanQuery(this.input.value);
    const filters = this.filterOption();
    const params = this.params().toString();
    if (this.standalone) history.replaceState(null, '', params ? `?${params}` : location.pathname);
    this.openPage.href = `${this.openPage.dataset.page}${params ? `?${params}` : ''}`;
    this.openPage.hidden = this.standalone || !params;

    if (clean.empty && !filters) {
      this.results = [];
      this.list.replaceChildren();
      this.more.hidden = true;
      this.showHint();
      this.setState('idle');
      return;
    }
    this.setState('loading', clean.text);
    this.list.setAttribute('aria-busy', 'true');
    if (!ready) this.say('正在载入搜索索引…');
    let pagefind: Pagefind;
    const groups = synonyms();
    try {
      pagefind = await loadPagefind();
    } catch {
      if (token !== this.token) return;
      this.say('搜索暂时无法使用:搜索索引没有载入。请检查网络后再试,或从左侧目录查找。');
      this.list.replaceChildren();
      this.setState('error', clean.text);
      return;
    }
    const plan = clean.empty ? undefined : planQuery(clean.text, await groups);
    const options = filters ? { filters } : {};
    let found: Found[];
    let relaxed = false;
    if (!plan) {
      const all = (await pagefind.search(null, options))?.results ?? [];
      const data = await Promise.all(all.map((r) => r.data()));
      found = data.map((d, i) => ({ ...this.asRanked(all[i]!, d), data: d }));
    } else {
      const ranking = await this.rank(pagefind, plan, options);
      found = ranking.found;
      relaxed = ranking.relaxed;
    }
    if (token !== this.token) return;

    this.results = found;
    this.shown = 0;
    this.list.replaceChildren();
    await this.showMore(false);
    if (token !== this.token) return;
    this.list.removeAttribute('aria-busy');

    if (this.results.length === 0) this.sayNone(clean.text, filters !== undefined);
    else {
      const parts = [`找到 ${this.results.length} 个相关页面。`];
      if (relaxed && plan) parts.push(`${relaxedNote(coveredTerms(this.results, plan))}。`);
      const used = plan ? [...new Set(this.results.slice(0, PAGE_SIZE).flatMap((r) => r.highlight))] : [];
      const also = plan ? plan.terms.flatMap((t) => t.alternatives).filter((a) => used.includes(a)) : [];
      if (also.length) parts.push(`同时搜索了:${also.map((q) => `“${q}”`).join('、')}。`);
      this.say(parts.join(''));
    }
    if (clean.truncated) this.status.append(el('p', 'search-note', `搜索词太长,只按前 ${[...clean.text].length} 个字搜索。`));
    this.setState(this.results.length ? 'done' : 'none', clean.text);
    // Lets a page (and the quality test) know results are on screen.
    this.dispatchEvent(new CustomEvent(SITE_EVENTS.searchResults, { bubbles: true, detail: { query: clean.text, count: this.results.length } }));
  }

  /**
   * Runs the plan's searches, reads the best pages found and ranks them by
   * the query's terms their text holds (see search-plan.ts).
   */
  private async rank(pagefind: Pagefind, plan: QueryPlan, options: { filters?: FilterOption }) {
    const searches = await Promise.all(plan.searches.map((q) => pagefind.search(q, options)));
    // Each page once, from every search that found it; the best pages of each search first.
    const hits = new Map<string, { results: Result[]; best: number; rank: number }>();
    searches.forEach((search) =>
      (search?.results ?? []).forEach((result, rank) => {
        const known = hits.get(result.id) ?? { results: [], best: 0, rank: Infinity };
        known.results.push(result);
        known.best = Math.max(known.best, result.score);
        known.rank = Math.min(known.rank, rank);
        hits.set(result.id, known);
      }),
    );
    const chosen = [...hits.entries()]
      .sort(([, a], [, b]) => a.rank - b.rank || b.results.length - a.results.length || b.best - a.best)
      .slice(0, MAX_CANDIDATES);
    // Pagefind hands out one cached object per page and rewrites its excerpt and
    // sub-results on every data() call: each search's view is copied before the next.
    const read = await Promise.all(
      chosen.map(async ([, hit]) => {
        const views: ResultData[] = [];
        for (const result of hit.results) {
          const data = await result.data();
          views.push({ ...data, sub_results: [...(data.sub_results ?? [])] });
        }
        return views;
      }),
    );
    const dataOf = new Map<string, ResultData>();
    const candidates: Candidate[] = chosen.map(([id, hit], i) => {
      const all = read[i]!;
      const first = all[0]!;
      dataOf.set(id, first);
      // A place's text is every excerpt of it the searches returned.
      const places = new Map<string, Place>();
      for (const data of all) {
        for (const sub of data.sub_results ?? []) {
          const text = excerptText(sub.excerpt);
          const known = places.get(sub.url);
          if (known) {
            if (!known.text.includes(text)) known.text += ` ${text}`;
          } else places.set(sub.url, { url: sub.url, title: sub.title, text, ...(sub.anchor ? { anchor: sub.anchor.id } : {}) });
        }
      }
      return { id, url: first.url, title: first.meta.title ?? first.url, content: first.content ?? '', places: [...places.values()], pagefindScore: hit.best };
    });
    const { ranked, relaxed } = rankPages(plan, candidates, BASE);
    return { found: ranked.map((r) => ({ ...r, data: dataOf.get(r.candidate.id)! })), relaxed };
  }

  /** A filter-only result (no words typed): the page itself, at its top. */
  private asRanked(result: Result, data: ResultData): Ranked {
    const candidate = { id: result.id, url: data.url, title: data.meta.title ?? data.url, content: '', places: [], pagefindScore: result.score };
    return { candidate, score: result.score, coverage: { score: 0, covered: [], all: false, found: [] }, place: undefined, others: [], highlight: [] };
  }

  private async showMore(focusFirstNew: boolean) {
    const token = this.token;
    const slice = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    if (token !== this.token) return;
    const items = slice.map((r) => this.renderResult(r));
    this.list.append(...items);
    this.shown += slice.length;
    const left = this.results.length - this.shown;
    this.more.hidden = left <= 0;
    this.more.textContent = `显示更多结果(还有 ${left} 个)`;
    if (focusFirstNew) items[0]?.querySelector('a')?.focus();
  }

  private renderResult(found: Found): HTMLLIElement {
    const { data, place, others, highlight } = found;
    const title = data.meta.title ?? data.url;
    const item = el('li', 'search-result');
    const link = el('a', 'search-hit');
    this.point(link, place?.url ?? data.url, highlight);
    link.append(el('span', 'search-hit-title', title));
    const meta = [data.meta.code, data.meta.category].filter(Boolean).join(' · ');
    if (meta || isDraft(data.meta)) {
      const line = el('span', 'search-hit-meta', meta);
      if (isDraft(data.meta)) line.append(el('span', 'badge draft', '草稿'));
      link.append(line);
    }
    if (place) link.append(el('span', 'search-hit-where', place.title));
    link.append(this.excerpt(place ? markText(place.text, highlight) : this.pageExcerpt(found), place?.title));
    item.append(link);

    if (others.length) {
      const subs = el('ul', 'search-subs');
      subs.setAttribute('aria-label', `${title}中的其他位置`);
      for (const other of others) {
        const sub = el('a');
        this.point(sub, other.url, highlight);
        sub.append(el('span', 'search-hit-where', other.title), this.excerpt(markText(other.text, highlight), other.title));
        const li = el('li');
        li.append(sub);
        subs.append(li);
      }
      item.append(subs);
    }
    return item;
  }

  /**
   * A result link. To another page it carries the words to highlight there;
   * on this page it only moves to the anchor, and the words are marked here.
   */
  private point(link: HTMLAnchorElement, url: string, words: readonly string[]) {
    const here = new URL(url, location.href).pathname === location.pathname;
    link.href = here ? url : withHighlight(url, words);
    if (here && words.length) {
      link.addEventListener('click', () => void import('./search-highlight').then((m) => m.highlightPage(words)));
    }
  }

  /** The page's own excerpt, re-marked with the words found (Pagefind marks words of one search only). */
  private pageExcerpt(found: Found): string {
    return found.highlight.length ? markText(excerptText(found.data.excerpt), found.highlight) : found.data.excerpt;
  }

  /** Pagefind's excerpt is entity-encoded with <mark> added, so it is safe as HTML. */
  private excerpt(html: string, heading?: string): HTMLElement {
    const span = el('span', 'search-hit-excerpt');
    span.innerHTML = trimExcerpt(html, 90, heading);
    return span;
  }

  private say(text: string) {
    this.status.replaceChildren(el('p', undefined, text));
  }

  private showHint() {
    const p = el('p', undefined, '输入两三个字即可搜索,例如:');
    const examples = (this.dataset.examples ?? '').split(',').filter(Boolean);
    examples.forEach((word, i) => {
      const button = el('button', 'search-example', word);
      button.type = 'button';
      button.dataset.example = word;
      p.append(i ? '、' : '', button);
    });
    this.status.replaceChildren(p);
  }

  private sayNone(query: string, filtered: boolean) {
    const p = el('p', undefined, query ? `没有找到与“${query}”相关的内容。` : '没有符合筛选条件的页面。');
    const tip = el('p', 'search-note');
    if (filtered) {
      const clear = el('button', 'search-example', '清除筛选');
      clear.type = 'button';
      clear.addEventListener('click', () => {
        this.selected.clear();
        this.syncChips();
        void this.run();
      });
      tip.append('已按筛选条件过滤,可以', clear, '再试;');
    }
    const glossary = el('a', undefined, '术语表');
    glossary.href = this.dataset.glossary ?? `${BASE}glossary/`;
    tip.append('换个说法或少打几个字试试,也可以到', glossary, '里查这个词。');
    this.status.replaceChildren(p, tip);
  }

  private async loadFilters() {
    const groups = this.querySelector('.search-filter-groups')!;
    let filters: Filters;
    try {
      filters = await (await loadPagefind()).filters();
    } catch {
      this.filterBox.hidden = true;
      return;
    }
    for (const [key, label] of CHIP_GROUPS) {
      const values = this.chipOrder(key, Object.keys(filters[key] ?? {}));
      if (!values.length) continue;
      const group = el('div', 'search-chip-group');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', label);
      group.append(el('span', 'search-chip-label', label));
      for (const value of values) {
        const chip = el('button', 'search-chip', value);
        chip.type = 'button';
        chip.dataset.key = key;
        chip.dataset.value = value;
        chip.addEventListener('click', () => {
          const set = this.selected.get(key) ?? new Set<string>();
          if (set.has(value)) set.delete(value);
          else set.add(value);
          this.selected.set(key, set);
          this.syncChips();
          void this.run();
        });
        group.append(chip);
      }
      groups.append(group);
    }
    this.filterBox.hidden = groups.childElementCount === 0;
    if (this.selected.size) this.filterBox.open = true;
    this.syncChips();
  }

  /** Values in the order the page gives (categories), the rest by pinyin. */
  private chipOrder(key: string, values: string[]): string[] {
    let order: string[] = [];
    try {
      const parsed: unknown = JSON.parse(this.dataset.order ?? '{}');
      const list = (parsed as Record<string, unknown>)[key];
      if (Array.isArray(list)) order = list.map(String);
    } catch {
      // Without an order the chips are still usable, sorted by pinyin.
    }
    const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
    return values.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'));
  }

  private syncChips() {
    let count = 0;
    for (const chip of this.querySelectorAll<HTMLButtonElement>('.search-chip')) {
      const on = this.selected.get(chip.dataset.key!)?.has(chip.dataset.value!) ?? false;
      chip.setAttribute('aria-pressed', String(on));
      if (on) count++;
    }
    this.querySelector('.search-filter-count')!.textContent = count ? `(已选 ${count} 项)` : '';
  }

  /** Searches what is in the box and opens the first result. */
  async openFirst() {
    await this.run();
    this.list.querySelector('a')?.click();
  }

  /** ↑/↓ walk from the box through every result link and back. */
  private onKey(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const target = event.target as HTMLElement;
    if (target !== this.input && !this.list.contains(target)) return;
    const links = [...this.list.querySelectorAll('a')];
    if (!links.length) return;
    event.preventDefault();
    const at = links.indexOf(target as HTMLAnchorElement);
    if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)]!.focus();
    else if (at <= 0) this.input.focus();
    else links[at - 1]!.focus();
  }
}

defineElement('search-panel', SearchPanel);

export type { SearchPanel };
