// <offline-kept>: see OfflineKept.astro. Sizes and counts come from the cache
// itself; the stored list only says which sets were kept.
import { defineElement } from '../../lib/client/define';
import { announce } from '../../lib/client/notice';
import { browserStore, readNotice, writeNotice } from '../../lib/client/storage';
import { PAGES_CACHE } from '../../lib/offline-cache';
import { formatBytes } from '../../lib/offline-keep';
import { keptRowText, keptSetsRecord, summarizeKept, urlsToDrop, type KeptSets } from '../../lib/offline-sets';

const store = () => browserStore('local', import.meta.env.BASE_URL);
/** A cache key as a page path: the precache stores "…/index.html", pages are asked for as "…/". */
const pagePath = (url: string) => new URL(url).pathname.replace(/index\.html$/, '');

class OfflineKept extends HTMLElement {
  private busy = false;

  connectedCallback() {
    if (!('caches' in window) || !('serviceWorker' in navigator)) {
      this.say('此浏览器不能保存离线副本,本机没有离线内容。');
      return;
    }
    const read = store().read(keptSetsRecord);
    const notice = readNotice(read, '本机离线内容列表');
    if (notice) void announce({ text: notice });
    void this.render();
  }

  private say(text: string) {
    this.querySelector('[data-state]')!.textContent = text;
  }

  /** Every page the reader's cache holds (path → bytes), less the shell every reader has anyway. */
  private async cached(): Promise<Map<string, number>> {
    const shell = new Set<string>();
    for (const name of (await caches.keys()).filter((n) => n.includes('precache'))) {
      for (const request of await (await caches.open(name)).keys()) shell.add(pagePath(request.url));
    }
    const cache = await caches.open(PAGES_CACHE);
    const sizes = new Map<string, number>();
    for (const request of await cache.keys()) {
      const path = pagePath(request.url);
      if (shell.has(path)) continue;
      const response = await cache.match(request);
      if (response) sizes.set(path, (await response.blob()).size);
    }
    return sizes;
  }

  private async render(extra = '') {
    const sets = store().read(keptSetsRecord).value;
    const summary = summarizeKept(sets, await this.cached());
    const list = this.querySelector<HTMLUListElement>('[data-sets]')!;
    list.replaceChildren(
      ...summary.sets.map((row) =>
        this.item(row.title, row.href, keptRowText(row), row.kept > 0 ? () => this.dropSet(sets, row.href) : undefined),
      ),
    );
    if (summary.opened.count > 0) {
      list.append(
        this.item('您打开过的其他页面', undefined, `${summary.opened.count} 个页面,共 ${formatBytes(summary.opened.bytes)}。`, () =>
          this.dropOpened(sets),
        ),
      );
    }
    list.hidden = list.childElementCount === 0;
    const total =
      summary.all.count === 0
        ? '本机还没有保存任何流程页面。在分类页或学习路径页点“保存…以便离线使用”,即可把一整组流程带着走;打开过的页面也会自动保存。'
        : `本机共保存 ${summary.all.count} 个页面(${formatBytes(summary.all.bytes)}),断网也能打开;首页、分类、角色、术语表和搜索本来就在本机。`;
    this.say([total, extra].filter(Boolean).join(' '));
  }

  private item(title: string, href: string | undefined, what: string, drop?: () => Promise<string>): HTMLLIElement {
    const li = document.createElement('li');
    const name = document.createElement(href ? 'a' : 'span');
    name.className = 'offline-kept-title';
    name.textContent = title;
    if (href) (name as HTMLAnchorElement).href = href;
    const text = document.createElement('span');
    text.className = 'offline-kept-what';
    text.textContent = what;
    li.append(name, text);
    if (drop) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'tool-button';
      button.textContent = '从本机移除';
      button.setAttribute('aria-label', `从本机移除:${title}`);
      button.addEventListener('click', () => void this.act(drop));
      li.append(button);
    }
    return li;
  }

  private async act(drop: () => Promise<string>) {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.render(await drop());
    } finally {
      this.busy = false;
    }
  }

  /** Lets a set go: its pages that no other kept set needs leave the cache, and it leaves the list. */
  private async dropSet(sets: KeptSets, href: string): Promise<string> {
    const { [href]: set, ...others } = sets;
    const cache = await caches.open(PAGES_CACHE);
    for (const url of urlsToDrop(others, href, set?.urls ?? [])) await cache.delete(url, { ignoreSearch: true });
    return writeNotice(store().write(keptSetsRecord, others), '本机离线内容列表');
  }

  /** Lets go the pages that belong to no kept set. */
  private async dropOpened(sets: KeptSets): Promise<string> {
    const inSets = new Set(Object.values(sets).flatMap((set) => set.urls));
    const cache = await caches.open(PAGES_CACHE);
    for (const request of await cache.keys()) if (!inSets.has(new URL(request.url).pathname)) await cache.delete(request);
    return '';
  }
}

defineElement('offline-kept', OfflineKept);
