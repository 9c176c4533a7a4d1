// What a built page costs a phone before anyone touches it: HTML, the CSS it
// links or inlines, the JavaScript it runs eagerly (eagerScripts: lazy
// import() is left out, so the search dialog's code loads only on opening),
// and the requests the browser makes for them. Shared by the page-weight test
// and npm run bench, so both measure the same thing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, eagerScripts, readPage } from './dist';
import { attr, parse, selectAll, text } from './dom';

/** The budgets of the developer guide, per procedure page, gzipped. */
export const BUDGET = { jsGzip: 30 * 1024, cssGzip: 20 * 1024 } as const;

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  /** Site-relative path, "" for the home page. */
  page: string;
  /** The HTML file as sent (inline CSS and JS included). */
  html: Bytes;
  css: Bytes;
  js: Bytes;
  /** HTML + stylesheets + eager scripts + icons and images: what loads before interaction. */
  requests: number;
  cssFiles: string[];
  jsFiles: string[];
}

const gzip = (code: string): number => gzipSync(Buffer.from(code)).length;
const bytesOf = (codes: readonly string[]): Bytes => ({
  raw: codes.reduce((sum, code) => sum + Buffer.byteLength(code), 0),
  gzip: codes.reduce((sum, code) => sum + gzip(code), 0),
});

const local = (href: string, base: string) => (href.startsWith(base) ? href.slice(base.length).split(/[?#]/)[0]! : undefined);

/** Linked stylesheets and inline <style> blocks of a page. */
export function eagerStyles(html: string, dist = DIST, base = '/'): { name: string; code: string }[] {
  const styles: { name: string; code: string }[] = [];
  const tree = parse(html);
  for (const link of selectAll(tree, 'link[rel~="stylesheet"]')) {
    const file = local(attr(link, 'href') ?? '', base);
    if (file) styles.push({ name: file, code: readFileSync(join(dist, file), 'utf8') });
  }
  for (const style of selectAll(tree, 'style')) styles.push({ name: 'inline', code: text(style) });
  return styles;
}

const PRELOADED = ['icon', 'preload', 'modulepreload', 'manifest', 'apple-touch-icon'].map((rel) => `link[rel~="${rel}"]`).join(', ');

/** Other files the page fetches on load: icons, images, preloads, manifest. */
function otherRequests(html: string, base: string): string[] {
  const found = new Set<string>();
  const tree = parse(html);
  for (const link of selectAll(tree, PRELOADED)) {
    const file = local(attr(link, 'href') ?? '', base);
    if (file) found.add(file);
  }
  for (const img of selectAll(tree, 'img:not([loading="lazy" i])')) {
    const file = local(attr(img, 'src') ?? '', base);
    if (file) found.add(file);
  }
  return [...found];
}

export function pageWeight(page: string, dist = DIST, base = '/'): PageWeight {
  const html = readPage(page, dist);
  const styles = eagerStyles(html, dist, base);
  const scripts = eagerScripts(html, dist, base);
  const cssFiles = styles.filter((s) => s.name !== 'inline').map((s) => s.name);
  const jsFiles = scripts.filter((s) => s.name !== 'inline').map((s) => s.name);
  return {
    page,
    html: bytesOf([html]),
    css: bytesOf(styles.map((s) => s.code)),
    js: bytesOf(scripts.map((s) => s.code)),
    requests: 1 + new Set([...cssFiles, ...jsFiles, ...otherRequests(html, base)]).size,
    cssFiles,
    jsFiles,
  };
}

/** Site-relative paths of every procedure page in a built site. */
export function builtProcedurePages(dist = DIST): string[] {
  const root = join(dist, 'procedures');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('index.html'))
    .map((name) => `procedures/${name.slice(0, -'index.html'.length)}`)
    .sort();
}
