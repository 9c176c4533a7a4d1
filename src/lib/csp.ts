// The Content Security Policy every page carries (astro.config.mjs passes it
// to Astro's security.csp, which adds the hashes of the scripts and styles it
// bundles and writes a <meta http-equiv="content-security-policy"> per page).
// A <style> the site writes itself in a page's body (print margins, variant
// switch, a chart's own styles) is allowed by its hash: the component that
// writes it registers the CSS (trustStyle), and src/middleware.ts adds the
// hashes to the page's policy once the page is rendered (Astro wrote the
// <meta> before the body's components ran). Text that arrives some other way
// (a paste in MDX prose) registers nothing, so the browser refuses it.
import { createHash } from 'node:crypto';
import type { AstroUserConfig } from 'astro';

/** Same as Astro's default, so hashes added by hand match the ones it adds. */
export const CSP_ALGORITHM = 'SHA-256';

/** Everything except scripts and styles, which Astro writes itself. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  // Pagefind's index and WebAssembly, the service worker's update checks.
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

export function cspConfig(): CspConfig {
  return {
    algorithm: CSP_ALGORITHM,
    directives: [...CSP_DIRECTIVES],
    scriptDirective: {
      // 'self': the bundled modules and Pagefind; 'wasm-unsafe-eval': Pagefind's
      // WebAssembly (compiling it, not eval of strings). No 'unsafe-inline' and
      // no 'unsafe-hashes': inline module scripts run by the hashes Astro adds,
      // and event handlers and javascript: links (script-src-attr falls back
      // to this) never run.
      resources: ["'self'", "'wasm-unsafe-eval'"],
    },
    styleDirective: {
      // style-src stays Astro's 'self' plus hashes. Mermaid's charts carry
      // hundreds of style="" attributes (box sizes, label layout): those, and
      // only those, are allowed inline (style-src-attr).
      resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }],
    },
  };
}

/** The CSP source for an inline script or style: 'sha256-' and the base64 digest of its text. */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const CHARACTER_REFERENCE = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text of every <style> element in a piece of SVG markup, as the browser
 * hashes it. Inside <svg> the HTML parser decodes character references in a
 * <style> (it is foreign content, not raw text), so `&gt;` counts as `>`.
 */
export function svgStyleTexts(svg: string): string[] {
  return [...svg.matchAll(STYLE_ELEMENT)].map(([, body]) =>
    body!.replace(CHARACTER_REFERENCE, (whole, dec: string, hex: string, name: string) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      return NAMED[name.toLowerCase()] ?? whole;
    }),
  );
}

/** What a page's components register while it renders (see src/middleware.ts). */
export interface InlineStyles {
  /** Hashes of the <style> elements the page's components write. */
  hashes: Set<string>;
  /** A script on the page writes <style> elements of its own (Mermaid drawing a chart in the browser). */
  fromScripts: boolean;
}

export interface TrustedInline {
  inlineStyles?: InlineStyles;
}

/** Allows one <style> element's text on the page being rendered. */
export function trustStyle(locals: TrustedInline, css: string): void {
  locals.inlineStyles?.hashes.add(cspHash(css));
}

/**
 * For a page whose chart Mermaid draws in the browser (a build without
 * Chromium): Mermaid writes <style> elements no build can hash, so the page
 * allows inline <style> elements. Scripts stay as strict as on every page.
 */
export function allowStylesFromScripts(locals: TrustedInline): void {
  if (locals.inlineStyles) locals.inlineStyles.fromScripts = true;
}

const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
/**
 * An inline <script> or <style> of the page's HTML. Both are raw text there: the
 * element ends at the first closing tag, so a pattern reads them as the parser does.
 * (A <style> inside <svg> is decoded first; its hash comes from trustStyle.)
 */
const RAW_TEXT_ELEMENT = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;
const HASH_SOURCE = /^'sha(256|384|512)-/;
/** Script types a browser runs; JSON data blocks are not run, so CSP does not check them. */
const RUN_TYPE = /^\s*(|module|(text|application)\/(java|ecma)script)\s*$/i;

/**
 * The page with its policy's <style> sources (style-src-elem when the policy
 * has one, else style-src) extended: the given hashes added, or, with
 * `fromScripts`, 'unsafe-inline' in place of every hash (a browser ignores
 * 'unsafe-inline' next to a hash). Undefined when the page carries no policy.
 */
export function extendStylePolicy(html: string, styles: InlineStyles): string | undefined {
  const match = CSP_META.exec(html);
  if (!match) return undefined;
  // Sorted: two builds write the same page whatever order its components finished in.
  const added = [...styles.hashes].sort().map((hash) => `'${hash}'`);
  if (added.length === 0 && !styles.fromScripts) return html;
  const directives = match[2]!.split(';');
  const names = directives.map((d) => d.trim().split(/\s+/)[0]);
  let at = names.includes('style-src-elem') ? names.indexOf('style-src-elem') : names.indexOf('style-src');
  if (at === -1) {
    at = directives.length - 1;
    directives.splice(at, 0, " style-src 'self'");
  }
  const [name, ...sources] = directives[at]!.trim().split(/\s+/);
  const kept = styles.fromScripts ? sources.filter((s) => !/^'sha(256|384|512)-/.test(s)) : sources;
  const extra = styles.fromScripts ? ["'unsafe-inline'"] : added;
  const lead = /^\s*/.exec(directives[at]!)![0];
  directives[at] = `${lead}${[name, ...new Set([...kept, ...extra])].join(' ')}`;
  const start = match.index + match[1]!.length;
  return html.slice(0, start) + directives.join(';') + html.slice(start + match[2]!.length);
}

/** Hashes of the inline scripts and styles a page carries, as Astro hashes them (the raw text). */
export function inlineHashes(html: string): Set<string> {
  const hashes = new Set<string>();
  for (const [, tag, attributes, body] of html.matchAll(RAW_TEXT_ELEMENT)) {
    if (/\ssrc\s*=/i.test(attributes!)) continue;
    const type = /\stype\s*=\s*"([^"]*)"/i.exec(attributes!)?.[1] ?? '';
    if (tag!.toLowerCase() === 'script' && !RUN_TYPE.test(type)) continue;
    hashes.add(cspHash(body!));
  }
  return hashes;
}

/**
 * The page's policy without the hashes of scripts and styles it does not carry.
 * Astro names every inline script and style of the whole site on every page
 * (2 KB a page); a page needs only its own. `keep`: hashes the page's
 * components registered (trustStyle), kept whatever the page's text says.
 */
export function narrowPolicy(html: string, keep: ReadonlySet<string> = new Set()): string | undefined {
  const match = CSP_META.exec(html);
  if (!match) return undefined;
  const present = inlineHashes(html);
  const directives = match[2]!.split(';').map((directive) => {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (!name || !/^(script|style)-src(-elem)?$/.test(name)) return directive;
    const kept = sources.filter((source) => !HASH_SOURCE.test(source) || present.has(source.slice(1, -1)) || keep.has(source.slice(1, -1)));
    return `${/^\s*/.exec(directive)![0]}${[name, ...kept].join(' ')}`;
  });
  const start = match.index + match[1]!.length;
  return html.slice(0, start) + directives.join(';') + html.slice(start + match[2]!.length);
}
