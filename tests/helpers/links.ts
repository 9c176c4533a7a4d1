// A link check over a built site: every internal href/src (pages, assets,
// chart nodes' #step anchors, glossary #term anchors) must reach a file, and
// every fragment an id on the target page. Links that leave the base path
// count as broken: under /sop/ a link to /favicon.svg is a 404.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { attr, parse, selectAll } from './dom';

export interface BrokenLink {
  /** The page (or stylesheet) the link is on, as a URL path. */
  from: string;
  href: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  /** Internal references checked (each occurrence). */
  checked: number;
  /** Of those, how many had a #fragment that was checked against an id. */
  anchors: number;
  broken: BrokenLink[];
}

function files(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .sort();
}

/** URL path of a built file: "procedures/x/index.html" → "/base/procedures/x/". */
function urlOf(file: string, base: string): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}

/** Every id (and <a name>) on a page, including those inside inline SVG. */
export function idsOf(html: string): Set<string> {
  const tree = parse(html);
  return new Set([...selectAll(tree, '[id]').map((el) => attr(el, 'id')!), ...selectAll(tree, 'a[name]').map((a) => attr(a, 'name')!)]);
}

const REFERENCES = ['href', 'src', 'xlink:href', 'action', 'poster', 'srcset'] as const;

/** href, src, srcset, xlink:href and action values of elements (not <meta>, <base>). */
export function referencesOf(html: string): string[] {
  const refs: string[] = [];
  for (const el of selectAll(html, ':not(meta, base)')) {
    for (const name of REFERENCES) {
      const value = attr(el, name);
      if (value === undefined) continue;
      if (name === 'srcset') refs.push(...value.split(',').map((part) => part.trim().split(/\s+/)[0]!).filter(Boolean));
      else refs.push(value);
    }
  }
  return refs;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export function checkLinks(dist: string, base = '/'): LinkReport {
  const report: LinkReport = { pages: 0, checked: 0, anchors: 0, broken: [] };
  const idCache = new Map<string, Set<string>>();
  const idsIn = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) idCache.set(file, (ids = idsOf(readFileSync(file, 'utf8'))));
    return ids;
  };

  const check = (from: string, href: string) => {
    if (href === '' || EXTERNAL.test(href)) return;
    report.checked++;
    const fail = (reason: string) => {
      report.broken.push({ from, href, reason });
    };
    const url = new URL(href, `http://site${from}`);
    const path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) return fail(`在站点路径 ${base} 之外`);
    const target = path.slice(base.length);
    let file = join(dist, target);
    if (path.endsWith('/')) file = join(file, 'index.html');
    else if (existsSync(file) && statSync(file).isDirectory()) return fail('目录链接缺少结尾的 /');
    if (!existsSync(file)) return fail('目标文件不存在');
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && file.endsWith('.html')) {
      report.anchors++;
      // A fragment on the same page is checked against this page's ids.
      if (!idsIn(file).has(fragment)) fail(`页面上没有 id="${fragment}"`);
    }
  };

  for (const name of files(dist, '.html')) {
    report.pages++;
    const file = join(dist, name);
    const from = urlOf(name, base);
    for (const href of referencesOf(readFileSync(file, 'utf8'))) check(from, href);
  }
  for (const name of files(dist, '.css')) {
    const css = readFileSync(join(dist, name), 'utf8');
    for (const [, , value] of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) {
      if (!value!.startsWith('data:') && !value!.startsWith('#')) check(base + name, value!);
    }
  }
  return report;
}
