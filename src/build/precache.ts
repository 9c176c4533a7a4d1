// Which built files the service worker precaches: every page and public file,
// and of the bundler's output (_astro/) only what a kept file references,
// following imports, lazy imports and CSS urls. So the Mermaid chunks that
// only a build without Chromium uses (several MB) stay out, and any lazily
// loaded chunk a page does use stays in.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export const ASSET_DIR = '_astro/';
const TEXT = /\.(?:html|css|js|mjs|json|webmanifest|svg|txt|xml)$/;
/**
 * Never precached: the worker itself, source maps, and Pagefind's ready-made
 * UI bundles, which our own search UI (SiteSearch) does not load.
 */
const NEVER = /(?:^sw\.js$|\.map$|^pagefind\/pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$)/;

export interface PrecachePlan {
  /** Paths relative to dist, with forward slashes, sorted. */
  files: string[];
  /** Bundler files nothing kept refers to. */
  skipped: string[];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split('\\').join('/'))
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function planPrecache(dist: string): PrecachePlan {
  const all = listFiles(dist).filter((file) => !NEVER.test(file));
  const assets = all.filter((file) => file.startsWith(ASSET_DIR));
  // Bundler file names carry a content hash, so a name found in a file's text is a reference to it.
  const byName = new Map<string, string[]>();
  for (const file of assets) byName.set(basename(file), [...(byName.get(basename(file)) ?? []), file]);
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = names.length > 0 ? new RegExp(names.join('|'), 'g') : undefined;

  const kept = new Set(all.filter((file) => !file.startsWith(ASSET_DIR)));
  const queue = [...kept];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (!pattern || !TEXT.test(file)) continue;
    for (const [name] of readFileSync(join(dist, file), 'utf8').matchAll(pattern)) {
      for (const target of byName.get(name) ?? []) {
        if (!kept.has(target)) {
          kept.add(target);
          queue.push(target);
        }
      }
    }
  }
  return {
    files: all.filter((file) => kept.has(file)),
    skipped: assets.filter((file) => !kept.has(file)),
  };
}
