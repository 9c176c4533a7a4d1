// Links in MDX prose that would run script when followed (javascript:,
// vbscript:, data: documents). Found by walking the HAST of the body, the
// same tree the page is rendered from: Markdown links, reference links,
// images and JSX elements alike, never by matching the text.
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';

/** Attributes that take a URL the browser may navigate to or load. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'formAction', 'xlinkHref', 'xlink:href', 'poster', 'data', 'cite', 'srcset', 'srcSet']);

/** Inline images the browser shows but never runs. */
const SAFE_DATA = /^data:image\/(?:png|gif|jpe?g|webp|avif)[;,]/;

/**
 * Whether a URL runs script: the scheme as a browser reads it (case ignored,
 * and tabs, newlines and leading control characters or spaces stripped, as the
 * URL parser does, so "java\tscript:" counts).
 */
export function isScriptUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const normal = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '').toLowerCase();
  if (normal.startsWith('javascript:') || normal.startsWith('vbscript:')) return true;
  return normal.startsWith('data:') && !SAFE_DATA.test(normal);
}

export interface ScriptUrl {
  url: string;
  /** 1-based line in the text that was parsed, when known. */
  line?: number;
}

/** A JSX attribute value written as an expression: only a plain string literal can be read here. */
function literal(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'value' in value) {
    const source = String((value as { value: unknown }).value).trim();
    const quoted = /^(['"`])([\s\S]*)\1$/.exec(source);
    return quoted ? quoted[2] : undefined;
  }
  return undefined;
}

export function findScriptUrls(tree: Root): ScriptUrl[] {
  const found: ScriptUrl[] = [];
  const report = (url: string, node: { position?: { start?: { line?: number | undefined } | undefined } | undefined }) => {
    const line = node.position?.start?.line;
    found.push({ url, ...(line ? { line } : {}) });
  };
  visit(tree, (node) => {
    if (node.type === 'element') {
      for (const [name, value] of Object.entries(node.properties ?? {})) {
        if (!URL_ATTRIBUTES.has(name)) continue;
        for (const url of Array.isArray(value) ? value : [value]) {
          if (typeof url === 'string' && isScriptUrl(url)) report(url, node);
        }
      }
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of (node as { attributes?: { type: string; name?: string; value?: unknown }[] }).attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !URL_ATTRIBUTES.has(attribute.name ?? '')) continue;
        const url = literal(attribute.value);
        if (url !== undefined && isScriptUrl(url)) report(url, node);
      }
    }
  });
  return found;
}

/** One message per link, in the content check's words. */
export function scriptUrlMessage(found: ScriptUrl): string {
  const shown = found.url.length > 40 ? `${found.url.slice(0, 40)}…` : found.url;
  return `正文${found.line ? `第 ${found.line} 行` : ''}的链接 "${shown}" 点开会执行脚本,不允许使用。修正:改成 https:// 网址或站内链接,或删去这个链接。`;
}
