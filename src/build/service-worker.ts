// Generates dist/sw.js after `astro build` and pagefind: Workbox precaches the
// shell (see precache.ts) with a revision per file, in one cache for every
// build, so an update downloads only the files that changed; the new worker
// waits until the reader clicks 「手册已更新,点击刷新」 and then drops what the
// new build no longer lists. Other pages are fetched from the network first
// and kept as they are opened (or kept ahead, a category at a time).
// File names in the manifest are relative to sw.js, so any base path works.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { generateSW, getManifest, type GetManifestOptions, type ManifestTransform } from 'workbox-build';
import { planPrecache } from './precache.ts';
import { NETWORK_TIMEOUT_SECONDS, OFFLINE_PAGE, PAGES_CACHE } from '../lib/offline-cache.ts';

export interface ServiceWorkerReport {
  buildId: string;
  count: number;
  bytes: number;
  /** Pages kept only once opened. */
  pages: number;
  pagesBytes: number;
  skipped: number;
  skippedBytes: number;
}

/** A page must never miss a file: everything up to this size is precached, or the build fails. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export async function generateServiceWorker(dist: string): Promise<ServiceWorkerReport> {
  const plan = planPrecache(dist);
  const keep = new Set(plan.files);
  const onlyPlanned: ManifestTransform = async (entries) => ({
    manifest: entries.filter((entry) => keep.has(entry.url)),
    warnings: [],
  });
  const glob: GetManifestOptions = {
    globDirectory: dist,
    globPatterns: ['**/*'],
    globIgnores: ['sw.js', '**/*.map'],
    manifestTransforms: [onlyPlanned],
    maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
    // Bundler files carry a content hash in their name: no revision needed.
    dontCacheBustURLsMatching: /^_astro\//,
  };
  const manifest = await getManifest(glob);
  if (manifest.warnings.length > 0) throw new Error(`service worker: ${manifest.warnings.join('\n')}`);
  const listed = new Set(manifest.manifestEntries?.map((entry) => entry.url));
  const missing = plan.files.filter((file) => !listed.has(file));
  if (missing.length > 0) throw new Error(`service worker: not precached: ${missing.join(', ')}`);

  if (!listed.has(OFFLINE_PAGE)) throw new Error(`service worker: the offline page ${OFFLINE_PAGE} is missing from the build`);

  const buildId = createHash('sha256').update(JSON.stringify(manifest.manifestEntries)).digest('hex').slice(0, 12);
  const { warnings } = await generateSW({
    ...glob,
    swDest: join(dist, 'sw.js'),
    // One cache for every build: entries carry their revision, so an update fetches only what changed.
    cacheId: 'sop',
    cleanupOutdatedCaches: true,
    // The new worker waits until the reader asks for it (message SKIP_WAITING), then takes every open page.
    skipWaiting: false,
    clientsClaim: true,
    // Static pages: ?q=… or tracking parameters never change the file.
    ignoreURLParametersMatching: [/.*/],
    // Other pages: the network first (staff see today's version), the kept copy when it is slow or
    // gone, and offline a page that was never opened gets the handbook's own notice.
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkFirst',
        options: {
          cacheName: PAGES_CACHE,
          networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
          matchOptions: { ignoreSearch: true },
          precacheFallback: { fallbackURL: OFFLINE_PAGE },
        },
      },
    ],
    // Workbox bundled into sw.js: no CDN, nothing else to serve.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
  });
  if (warnings.length > 0) throw new Error(`service worker: ${warnings.join('\n')}`);

  const bytesOf = (files: string[]) => files.reduce((sum, file) => sum + statSync(join(dist, file)).size, 0);
  return {
    buildId,
    count: manifest.count,
    bytes: manifest.size,
    pages: plan.pages.length,
    pagesBytes: bytesOf(plan.pages),
    skipped: plan.skipped.length,
    skippedBytes: bytesOf(plan.skipped),
  };
}

export function describeReport(report: ServiceWorkerReport): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  const skipped =
    report.skipped > 0 ? `;未预缓存页面用不到的 ${report.skipped} 个脚本(${mb(report.skippedBytes)},如 Mermaid 备用渲染)` : '';
  const pages = report.pages > 0 ? `;其余 ${report.pages} 个页面(${mb(report.pagesBytes)})在读者打开时缓存` : '';
  return `离线缓存:预缓存 ${report.count} 个文件,共 ${mb(report.bytes)}${pages}${skipped};版本 ${report.buildId}`;
}
