// What the service worker downloads on a first visit: the shell, so that any
// page a reader has opened also works offline, and the pages that lead to
// every procedure; not the procedures themselves, whose number has no limit.
// - Shell pages (SHELL_PAGES): home, categories, roles, glossary, search, the
//   change log, the offline notice, 本机离线内容 and 404. Every other page is cached when
//   the reader opens it, or when they keep a category for offline.
// - Public files and the search index, whole.
// - Of the bundler's output (_astro/), what any page references, following
//   imports, lazy imports and CSS urls: so a page cached later still finds its
//   scripts, and the Mermaid chunks that only a build without Chromium uses
//   (several MB) stay out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export const ASSET_DIR = '_astro/';
const TEXT = /\.(?:css|js|mjs|json|webmanifest|svg|txt|xml)$/;
/**
 * Never precached: the worker itself, source maps, and Pagefind's ready-made
 * UI bundles, which our own search UI (SiteSearch) does not load.
 */
const NEVER = /(?:^sw\.js$|\.map$|^pagefind\/pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$)/;

/** Pages every reader gets on the first visit, whatever they open. */
export const SHELL_PAGES: readonly RegExp[] = [
  /^index\.html$/,
  /^404\.html$/,
  /^offline\/index\.html$/,
  /^kept\/index\.html$/,
  /^search\/index\.html$/,
  /^glossary\/index\.html$/,
  /^changes\/index\.html$/,
  /^paths\/index\.html$/,
  /^categories\/[^/]+\/index\.html$/,
  /^roles\/(?:[^/]+\/)?index\.html$/,
];

export const isShellPage = (file: string) => SHELL_PAGES.some((pattern) => pattern.test(file));

export interface PrecachePlan {
  /** Paths relative to dist, with forward slashes, sorted. */
  files: string[];
  /** Pages left to the reader's visits (runtime cache), sorted. */
  pages: string[];
  /** Bundler files nothing refers to. */
  skipped: string[];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split('\\').join('/'))
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** How a page names a bundler file: …/_astro/Name.hash.js (after any base path). */
const PAGE_REFERENCE = /_astro\/([^"'\s()?#\\]+)/g;

export function planPrecache(dist: string): PrecachePlan {
  const all = listFiles(dist).filter((file) => !NEVER.test(file));
  const assets = all.filter((file) => file.startsWith(ASSET_DIR));
  const html = all.filter((file) => file.endsWith('.html'));
  const byName = new Map<string, string[]>();
  for (const file of assets) byName.set(basename(file), [...(byName.get(basename(file)) ?? []), file]);
  // Bundler files name each other by file name (relative imports): a name found in one is a reference.
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = names.length > 0 ? new RegExp(names.join('|'), 'g') : undefined;

  const kept = new Set(all.filter((file) => !file.startsWith(ASSET_DIR) && (!file.endsWith('.html') || isShellPage(file))));
  const queue: string[] = [];
  const keep = (target: string) => {
    if (kept.has(target)) return;
    kept.add(target);
    queue.push(target);
  };
  // Pages are many and large: one cheap scan for _astro/ paths each.
  for (const page of html) {
    for (const [, name] of readFileSync(join(dist, page), 'utf8').matchAll(PAGE_REFERENCE)) {
      for (const target of byName.get(name!) ?? []) keep(target);
    }
  }
  queue.push(...[...kept].filter((file) => !file.endsWith('.html') && !file.startsWith(ASSET_DIR)));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (!pattern || !TEXT.test(file)) continue;
    for (const [name] of readFileSync(join(dist, file), 'utf8').matchAll(pattern)) {
      for (const target of byName.get(name) ?? []) keep(target);
    }
  }
  return {
    files: all.filter((file) => kept.has(file)),
    pages: html.filter((file) => !kept.has(file)),
    skipped: assets.filter((file) => !kept.has(file)),
  };
}
