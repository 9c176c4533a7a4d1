// What a built page costs a phone before anyone touches it: HTML, the CSS it
// links or inlines, the JavaScript it runs eagerly (eagerScripts: lazy
// import() is left out, so the search dialog's code loads only on opening),
// and the requests the browser makes for them. Shared by the page-weight test
// and npm run bench, so both measure the same thing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, eagerScripts, readPage } from './dist';

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
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (!/\brel="stylesheet"/.test(tag)) continue;
    const file = local(/\bhref="([^"]+)"/.exec(tag)?.[1] ?? '', base);
    if (file) styles.push({ name: file, code: readFileSync(join(dist, file), 'utf8') });
  }
  for (const [, body] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) styles.push({ name: 'inline', code: body! });
  return styles;
}

/** Other files the page fetches on load: icons, images, preloads, manifest. */
function otherRequests(html: string, base: string): string[] {
  const found = new Set<string>();
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (/\brel="(?:icon|preload|modulepreload|manifest|apple-touch-icon)"/.test(tag)) {
      const file = local(/\bhref="([^"]+)"/.exec(tag)?.[1] ?? '', base);
      if (file) found.add(file);
    }
  }
  for (const [tag] of html.matchAll(/<img\b[^>]*>/g)) {
    const file = local(/\bsrc="([^"]+)"/.exec(tag)?.[1] ?? '', base);
    if (file && !/\bloading="lazy"/.test(tag)) found.add(file);
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
