// Reading the built site in dist/ (npm test builds it before the site tests).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './content-files';
import type { Nodes } from 'hast';
import { attr, parse, select, selectAll, text } from './dom';

export const DIST = join(ROOT, 'dist');

export function readPage(path: string, dist = DIST): string {
  const file = join(dist, path, path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`not built: ${file} (run npm run build first)`);
  return readFileSync(file, 'utf8');
}

/**
 * Whether the build drew its charts in Chromium (true) or, with no browser to
 * be had, left them to Mermaid in the reader's browser. Tests of pre-rendered
 * charts skip on such a build, and fail under CI=true, where a browser must be.
 */
export function chartsPrerendered(dist = DIST): boolean {
  const pages = readdirSync(join(dist, 'procedures'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('index.html'));
  const fellBack = pages.some((page) => select(readFileSync(join(dist, 'procedures', page), 'utf8'), 'mermaid-fallback'));
  if (fellBack && process.env.CI === 'true') {
    throw new Error('CI=true 但这次构建没有预渲染流程图(没有可用的 Chromium):相关测试不能跳过。');
  }
  if (fellBack) console.warn('[构建产物测试] 已跳过预渲染流程图的检查:构建时没有可用的 Chromium。');
  return !fellBack;
}

/** The chart figures of a page, each with the step ids its nodes carry. */
export function chartsOf(html: string): { svg: boolean; stepIds: string[] }[] {
  return selectAll(html, 'figure.chart').map((figure) => ({
    svg: select(figure, 'svg') !== undefined,
    stepIds: selectAll(figure, 'g[data-step-id]').map((g) => attr(g, 'data-step-id')!),
  }));
}

/**
 * The JavaScript a page loads before any interaction: inline and external
 * module scripts plus everything they import statically (not lazy import()).
 */
export function eagerScripts(html: string, dist = DIST, base = '/'): { name: string; code: string }[] {
  const found = new Map<string, string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    const code = readFileSync(join(dist, file), 'utf8');
    found.set(file, code);
    for (const [, spec] of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      if (spec!.startsWith('.')) visit(join(file, '..', spec!));
      else if (spec!.startsWith(base)) visit(spec!.slice(base.length));
    }
  };
  const inline: { name: string; code: string }[] = [];
  for (const script of selectAll(html, 'script')) {
    const src = attr(script, 'src');
    if (src) visit(src.startsWith(base) ? src.slice(base.length) : src);
    else if (!/^application\/(ld\+)?json$/i.test(attr(script, 'type') ?? '')) inline.push({ name: 'inline', code: text(script) });
  }
  for (const item of inline) {
    for (const [, spec] of item.code.matchAll(/import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      if (spec!.startsWith(base)) visit(spec!.slice(base.length));
    }
  }
  return [...inline, ...[...found].map(([name, code]) => ({ name, code }))];
}

/** The visible text of a page's main content: script, style and SVG left out. */
export function pageText(html: string): string {
  const tree = parse(html);
  const skip = new Set<Nodes>(selectAll(tree, 'script, style, svg'));
  const visible = (node: Nodes): string =>
    node.type === 'text' ? node.value : 'children' in node && !skip.has(node) ? node.children.map(visible).join('') : '';
  return visible(select(tree, 'main') ?? tree);
}

/** The data a page hands a widget (<JsonData name="…">), parsed from the page's DOM. */
export function pageData<T>(html: string, name: string): T | undefined {
  const script = select(html, `script[data-json=${JSON.stringify(name)}]`);
  return script === undefined ? undefined : (JSON.parse(text(script)) as T);
}
