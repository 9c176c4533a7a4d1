import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

// The content folder is ./content unless SOP_CONTENT_DIR points elsewhere
// (build tests and the benchmark build fixture corpora this way).
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  const dir = env.SOP_CONTENT_DIR?.trim();
  return (dir ? dir : './content').replace(/\/+$/, '');
}

/**
 * Astro's cache folder for a build from another content folder. Astro keeps a
 * cached entry whose text is unchanged together with the file path it was first
 * read from, so a build from a copy of content/ would leave the main build
 * pointing into that copy: each folder gets a cache of its own.
 */
export function contentCacheDir(env: Record<string, string | undefined> = process.env): string {
  const dir = contentDir(env);
  if (dir === './content') return './node_modules/.astro'; // Astro's default
  return `./node_modules/.astro/content-${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12)}`;
}
