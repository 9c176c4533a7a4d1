// A link check over a built site: every internal href/src (pages, assets,
// chart nodes' #step anchors, glossary #term anchors) must reach a file, and
// every fragment an id on the target page. Links that leave the base path
// count as broken: under /sop/ a link to /favicon.svg is a 404.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
  /** Broken links the caller chose to tolerate (see `tolerate`). */
  tolerated: BrokenLink[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[name] ?? whole;
  });

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
  const ids = new Set<string>();
  for (const [, value] of html.matchAll(/\sid="([^"]*)"/g)) ids.add(decodeEntities(value!));
  for (const [tag] of html.matchAll(/<a\b[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    if (name) ids.add(decodeEntities(name));
  }
  return ids;
}

/** href, src, srcset, xlink:href and action values inside tags, skipping script and style bodies. */
export function referencesOf(html: string): string[] {
  const refs: string[] = [];
  const markup = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/g, '<$1$2></$1>');
  for (const [tag] of markup.matchAll(/<[a-zA-Z][^>]*>/g)) {
    if (/^<(meta|base)\b/i.test(tag)) continue;
    for (const [, name, value] of tag.matchAll(/\s(href|src|xlink:href|action|poster|srcset)="([^"]*)"/g)) {
      const decoded = decodeEntities(value!);
      if (name === 'srcset') refs.push(...decoded.split(',').map((part) => part.trim().split(/\s+/)[0]!).filter(Boolean));
      else refs.push(decoded);
    }
  }
  return refs;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export function checkLinks(
  dist: string,
  base = '/',
  tolerate: (target: string, link: BrokenLink) => boolean = () => false,
): LinkReport {
  const report: LinkReport = { pages: 0, checked: 0, anchors: 0, broken: [], tolerated: [] };
  const idCache = new Map<string, Set<string>>();
  const idsIn = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) idCache.set(file, (ids = idsOf(readFileSync(file, 'utf8'))));
    return ids;
  };

  const check = (from: string, href: string) => {
    if (href === '' || EXTERNAL.test(href)) return;
    report.checked++;
    const fail = (reason: string, target: string) => {
      const link = { from, href, reason };
      (tolerate(target, link) ? report.tolerated : report.broken).push(link);
    };
    const url = new URL(href, `http://site${from}`);
    const path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) return fail(`在站点路径 ${base} 之外`, path);
    const target = path.slice(base.length);
    let file = join(dist, target);
    if (path.endsWith('/')) file = join(file, 'index.html');
    else if (existsSync(file) && statSync(file).isDirectory()) return fail('目录链接缺少结尾的 /', target);
    if (!existsSync(file)) return fail('目标文件不存在', target);
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && file.endsWith('.html')) {
      report.anchors++;
      // A fragment on the same page is checked against this page's ids.
      if (!idsIn(file).has(fragment)) fail(`页面上没有 id="${fragment}"`, `${target}#${fragment}`);
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
