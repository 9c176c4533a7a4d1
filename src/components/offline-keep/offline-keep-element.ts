// <offline-keep>: see OfflineKeep.astro. The counts always come from the
// cache, never from what was asked, so the line never claims a page it lacks.
import { defineElement } from '../../lib/client/define';
import { browserStore, isQuotaError, writeNotice } from '../../lib/client/storage';
import { readJson } from '../../lib/client/json';
import { PAGES_CACHE } from '../../lib/offline-cache';
import { keepPages, keptText, resultText } from '../../lib/offline-keep';
import { keptSetsRecord, urlsToDrop } from '../../lib/offline-sets';

const store = () => browserStore('local', import.meta.env.BASE_URL);

class OfflineKeep extends HTMLElement {
  private urls: string[] = [];
  private what = '';
  private busy = false;

  connectedCallback() {
    this.urls = readJson<string[]>(this, '[data-json="pages"]', []);
    this.what = this.dataset.what ?? '';
    // Nothing to keep, or no way to keep it: the box leaves (only such browsers see it go).
    if (!('caches' in window) || !('serviceWorker' in navigator) || this.urls.length === 0) {
      this.hidden = true;
      return;
    }
    this.button('keep').addEventListener('click', () => void this.keep());
    this.button('drop').addEventListener('click', () => void this.drop());
    void this.refresh();
  }

  private button(name: 'keep' | 'drop') {
    return this.querySelector<HTMLButtonElement>(`[data-${name}]`)!;
  }

  private say(text: string) {
    this.querySelector('[data-state]')!.textContent = text;
  }

  /** How many of the set any cache holds, and their size. */
  private async measure() {
    let kept = 0;
    let bytes = 0;
    for (const url of this.urls) {
      const response = await caches.match(url, { ignoreSearch: true });
      if (!response) continue;
      kept++;
      bytes += (await response.blob()).size;
    }
    return { kept, bytes };
  }

  private async refresh(extra = '') {
    const { kept, bytes } = await this.measure();
    this.say([keptText(this.what, kept, this.urls.length, bytes), extra].filter(Boolean).join(' '));
    this.button('keep').hidden = kept >= this.urls.length;
    this.button('drop').hidden = kept === 0;
  }

  private async keep() {
    if (this.busy) return;
    this.busy = true;
    this.button('keep').disabled = true;
    try {
      const cache = await caches.open(PAGES_CACHE);
      const result = await keepPages(
        this.urls,
        {
          save: async (url) => {
            const response = await fetch(url, { cache: 'no-cache' });
            if (!response.ok) return false;
            await cache.put(url, response);
            return true;
          },
          isQuotaError,
        },
        (done) => this.say(`正在保存 ${done}/${this.urls.length}…`),
      );
      // Listed with the other kept sets (本机离线内容) once anything of it is on the device.
      const listed = result.saved > 0 ? this.remember() : '';
      await this.refresh([resultText(result, this.urls.length), listed].filter(Boolean).join(' '));
    } catch (error) {
      await this.refresh(isQuotaError(error) ? '存储空间已满,未能保存。' : '此浏览器不允许网页保存离线副本。');
    } finally {
      this.busy = false;
      this.button('keep').disabled = false;
    }
  }

  /** Adds this set to the list of kept sets; says so when the list could not be written. */
  private remember(): string {
    const href = this.dataset.href ?? location.pathname;
    const sets = store().read(keptSetsRecord).value;
    const written = store().write(keptSetsRecord, {
      ...sets,
      [href]: { title: this.dataset.title ?? document.title, what: this.what, urls: this.urls, savedAt: new Date().toISOString() },
    });
    return writeNotice(written, '本机离线内容列表');
  }

  private async drop() {
    const href = this.dataset.href ?? location.pathname;
    const { [href]: _dropped, ...others } = store().read(keptSetsRecord).value;
    const cache = await caches.open(PAGES_CACHE);
    // A page another kept set still needs stays on the device.
    for (const url of urlsToDrop(others, href, this.urls)) await cache.delete(url, { ignoreSearch: true });
    const written = store().write(keptSetsRecord, others);
    await this.refresh(writeNotice(written, '本机离线内容列表'));
  }
}

defineElement('offline-keep', OfflineKeep);
