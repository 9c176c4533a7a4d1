// <app-status>: see AppStatus.astro.
import { defineElement } from '../../lib/client/define';
import { LEGACY_PRECACHE, PAGES_CACHE } from '../../lib/offline-cache';
import { NOTICE_EVENT, type NoticeDetail } from '../../lib/client/notice';
import { CHECK_EVERY_MS, newsOfWorker, offlineReadyText, onControllerChange, PASSING_NOTICE_MS, updateWaiting } from '../../lib/sw-update';

class AppStatus extends HTMLElement {
  private notice!: HTMLElement;
  private registration: ServiceWorkerRegistration | undefined;
  private updating = false;

  connectedCallback() {
    this.notice = this.querySelector('.app-notice')!;
    this.querySelector('[data-notice-close]')!.addEventListener('click', () => this.closeAll());
    this.querySelector('[data-notice-update]')!.addEventListener('click', () => this.takeUpdate());
    document.addEventListener(NOTICE_EVENT, (event) => {
      const { text, hideAfter } = (event as CustomEvent<NoticeDetail>).detail;
      this.show(text, hideAfter);
    });
    if (import.meta.env.PROD && 'serviceWorker' in navigator) {
      if (document.readyState === 'complete') void this.register();
      else addEventListener('load', () => void this.register(), { once: true });
    }
  }

  /**
   * Adds a message, or (text null) the update button; `hideAfter` for passing
   * news. Messages of one load are listed together, each leaving on its own
   * time, so a later one never hides an earlier one unread.
   */
  private show(text: string | null, hideAfter = 0) {
    this.notice.hidden = false;
    if (text === null) {
      this.querySelector<HTMLElement>('[data-notice-update]')!.hidden = false;
      return;
    }
    const lines = this.querySelector('[data-notice-lines]')!;
    if ([...lines.children].some((p) => p.textContent === text)) return;
    const line = Object.assign(document.createElement('p'), { textContent: text });
    lines.append(line);
    if (hideAfter > 0) {
      window.setTimeout(() => {
        line.remove();
        this.notice.hidden = lines.children.length === 0 && this.querySelector<HTMLElement>('[data-notice-update]')!.hidden;
      }, hideAfter);
    }
  }

  private closeAll() {
    this.querySelector('[data-notice-lines]')!.replaceChildren();
    this.querySelector<HTMLElement>('[data-notice-update]')!.hidden = true;
    this.notice.hidden = true;
  }

  private async register() {
    const sw = navigator.serviceWorker;
    const hadController = sw.controller !== null;
    let registration: ServiceWorkerRegistration;
    try {
      registration = await sw.register(this.dataset.worker!, { scope: this.dataset.scope!, updateViaCache: 'none' });
    } catch {
      return; // e.g. a plain-http host: the site still works online
    }
    this.registration = registration;
    // Builds before revisioned entries kept one whole copy per build: free that space.
    void caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => LEGACY_PRECACHE.test(n) && n.endsWith(registration.scope)).map((n) => caches.delete(n))))
      .catch(() => {});
    // A worker already installing at registration also fires "updatefound": watch it once,
    // or the first visit would fetch and keep its page twice.
    const watched = new WeakSet<ServiceWorker>();
    const watch = (worker: ServiceWorker | null) => {
      if (!worker || watched.has(worker)) return;
      watched.add(worker);
      worker.addEventListener('statechange', () => {
        const news = newsOfWorker({
          state: worker.state,
          controlled: sw.controller !== null,
          controlledByIt: sw.controller === worker,
          hadController,
        });
        if (news === 'update-ready') this.show(null);
        if (news === 'offline-ready') void this.keepThisPage().then((kept) => this.show(offlineReadyText(kept), PASSING_NOTICE_MS));
      });
    };
    if (updateWaiting({ waiting: registration.waiting !== null, controlled: sw.controller !== null })) this.show(null);
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    sw.addEventListener('controllerchange', () => {
      const action = onControllerChange({ updating: this.updating, hadController });
      if (action === 'reload') location.reload();
      else if (action === 'offer-update') this.show(null);
    });
    const check = () => void registration.update().catch(() => {});
    setInterval(check, CHECK_EVERY_MS);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
  }

  /** The page of a first visit loaded before the worker: keep it like every page opened later. */
  private async keepThisPage(): Promise<boolean> {
    try {
      const url = location.href.split('#')[0]!.split('?')[0]!;
      if (await caches.match(url, { ignoreSearch: true })) return true;
      const response = await fetch(url);
      if (!response.ok) return false;
      await (await caches.open(PAGES_CACHE)).put(url, response);
      return true;
    } catch {
      return false; // storage full or not allowed
    }
  }

  private takeUpdate() {
    this.updating = true;
    const waiting = this.registration?.waiting;
    if (waiting) waiting.postMessage({ type: 'SKIP_WAITING' });
    else location.reload();
  }
}
defineElement('app-status', AppStatus);
