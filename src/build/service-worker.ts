// Generates dist/sw.js after `astro build` and pagefind: Workbox precaches the
// build's own file list (see precache.ts), in a cache named after the build,
// so a new build is downloaded whole beside the old one and replaces it only
// when the reader clicks 「手册已更新,点击刷新」; old caches are then deleted.
// File names in the manifest are relative to sw.js, so any base path works.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { generateSW, getManifest, type GetManifestOptions, type ManifestTransform } from 'workbox-build';
import { planPrecache } from './precache.ts';

export interface ServiceWorkerReport {
  buildId: string;
  count: number;
  bytes: number;
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

  const buildId = createHash('sha256').update(JSON.stringify(manifest.manifestEntries)).digest('hex').slice(0, 12);
  const { warnings } = await generateSW({
    ...glob,
    swDest: join(dist, 'sw.js'),
    // One cache per build: cleanupOutdatedCaches deletes every other precache of this scope on activation.
    cacheId: `sop-${buildId}`,
    cleanupOutdatedCaches: true,
    // The new worker waits until the reader asks for it (message SKIP_WAITING), then takes every open page.
    skipWaiting: false,
    clientsClaim: true,
    // Static pages: ?q=… or tracking parameters never change the file.
    ignoreURLParametersMatching: [/.*/],
    // A page outside the build, opened offline: the handbook's own 404 page instead of the browser's error.
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: '404.html' } },
      },
    ],
    // Workbox bundled into sw.js: no CDN, nothing else to serve.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
  });
  if (warnings.length > 0) throw new Error(`service worker: ${warnings.join('\n')}`);

  const skippedBytes = plan.skipped.reduce((sum, file) => sum + statSync(join(dist, file)).size, 0);
  return { buildId, count: manifest.count, bytes: manifest.size, skipped: plan.skipped.length, skippedBytes };
}

export function describeReport(report: ServiceWorkerReport): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  const skipped =
    report.skipped > 0 ? `;未预缓存页面用不到的 ${report.skipped} 个脚本(${mb(report.skippedBytes)},如 Mermaid 备用渲染)` : '';
  return `离线缓存:${report.count} 个文件,共 ${mb(report.bytes)}${skipped};版本 ${report.buildId}`;
}
