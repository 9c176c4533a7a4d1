// Names the service worker and the pages share (no imports: the build's
// worker generator runs this file directly under Node).

/** Runtime cache of the pages a reader opened or kept: the worker fills it on navigation, so do pages. */
export const PAGES_CACHE = 'sop-pages';
/** Shown for a page that was neither precached nor opened before, when the network is gone. */
export const OFFLINE_PAGE = 'offline/index.html';
/** How long a page waits for the network before the kept copy is shown. */
export const NETWORK_TIMEOUT_SECONDS = 4;
/** Precache names of builds before revisioned entries: one cache per build ("sop-<12 hex>-precache-…"). */
export const LEGACY_PRECACHE = /^sop-[0-9a-f]{12}-precache-/;
