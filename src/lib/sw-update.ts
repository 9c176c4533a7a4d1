// What the page tells the reader about the service worker (offline copy and
// new builds), decided from the worker's states alone so it can be unit-tested;
// AppStatus only wires these decisions to the browser's events.

/** A tab left open all shift still learns of a new build. */
export const CHECK_EVERY_MS = 30 * 60 * 1000;

/** How long passing news stays on screen. */
export const PASSING_NOTICE_MS = 6000;

export const OFFLINE_READY_TEXT = '离线副本已就绪:断网也能打开首页、分类、术语表、搜索和您看过的页面。';

/** Said when the offline copy is ready; `pageKept`: this page of the first visit was kept too. */
export function offlineReadyText(pageKept: boolean): string {
  return pageKept ? OFFLINE_READY_TEXT : `${OFFLINE_READY_TEXT}但这一页未能保存(存储空间不足或不允许保存)。`;
}

export type WorkerNews = 'update-ready' | 'offline-ready' | null;

export interface WorkerStateChange {
  /** The state the watched worker has just reached. */
  state: ServiceWorkerState;
  /** A worker controls this page now. */
  controlled: boolean;
  /** That controlling worker is the watched one. */
  controlledByIt: boolean;
  /** A worker controlled this page when it loaded (not a first visit). */
  hadController: boolean;
}

/**
 * A new build is fully downloaded beside the one this page came from: offer it.
 * On a first visit the worker may already control the page when its "installed"
 * arrives: that is no update. The first worker activated: the offline copy is ready.
 */
export function newsOfWorker(change: WorkerStateChange): WorkerNews {
  if (change.state === 'installed' && change.controlled && !change.controlledByIt) return 'update-ready';
  if (change.state === 'activated' && !change.hadController) return 'offline-ready';
  return null;
}

/** On registering: a new build already waits (installed in an earlier visit of this page). */
export function updateWaiting(registration: { waiting: boolean; controlled: boolean }): boolean {
  return registration.waiting && registration.controlled;
}

export type ControllerChangeAction = 'reload' | 'offer-update' | 'none';

/**
 * Another worker took over the page. After the reader's click, the page reloads
 * into the new build; when another tab took it, this page is still the old one.
 */
export function onControllerChange(page: { updating: boolean; hadController: boolean }): ControllerChangeAction {
  if (page.updating) return 'reload';
  return page.hadController ? 'offer-update' : 'none';
}
