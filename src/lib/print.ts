// Print helpers: the live URL a paper copy points back to, the running
// header/footer text (CSS page margin boxes) and the handbook's version date.
import { isDraft } from './procedure/status';
import { withBase } from './urls';

/** Absolute URL of a site-relative path, for the printed link and its QR code. */
export function absoluteUrl(site: string | URL, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n\f]+/g, ' ').replace(/</g, '\\3c ')}"`;
}

export interface RunningText {
  /** Top left of every page after the first: what the document is. */
  left: string;
  /** Top right: its version and date. */
  right: string;
  /** Bottom left of every page, the first too, in place of the handbook's line: a draft's warning. */
  footer?: string | undefined;
}

/** The bottom line of every printed page of a draft, the sign-off sheet included. */
export const DRAFT_FOOTER = '草稿 · 尚未正式发布,不作为执行依据 · 接待流程手册';

/** The running text of a printed procedure; a draft says so at the top and bottom of every page. */
export function procedureRunningText(
  data: { code: string; title: string; version: string; reviewed: Date; status: string },
  date: string,
  prefix = '',
): RunningText {
  const draft = isDraft(data);
  return {
    left: `${draft ? '草稿 · ' : ''}${prefix}${data.code} ${data.title}`,
    right: `版本 ${data.version} · 审核日期 ${date}`,
    ...(draft ? { footer: DRAFT_FOOTER } : {}),
  };
}

/**
 * @page rules with the running header (and footer). Without a page name it applies
 * to the whole document (the first page, which has the header block, keeps only
 * the footer); with one, only to elements printed with `page: <name>`.
 */
export function pageMarginRules(text: RunningText, pageName?: string): string {
  const footer = text.footer ? `@bottom-left{content:${cssString(text.footer)}}` : '';
  const boxes = `@top-left{content:${cssString(text.left)}}@top-right{content:${cssString(text.right)}}${footer}`;
  if (pageName) return `@page ${pageName}{${boxes}}`;
  return `@page{${boxes}}@page :first{@top-left{content:none}@top-right{content:none}}`;
}

/** The handbook's version date: the newest review date of what it contains. */
export function newestDate(dates: readonly Date[]): Date | undefined {
  return dates.reduce<Date | undefined>((newest, d) => (!newest || d > newest ? d : newest), undefined);
}

/** Id of the handbook section holding the procedure printed n-th (1-based). */
export function handbookSectionId(n: number): string {
  return `hb-${n}`;
}

/**
 * Where a link written in a procedure's prose points once that prose sits in
 * the handbook. Authors write page-relative links ("../guest-privacy/"), which
 * only resolve from the procedure's own page; in the handbook they become the
 * linked procedure's section when it is printed there, else its page.
 * Links with a scheme, fragments and site-absolute paths are left alone.
 */
export function handbookHref(
  href: string,
  base: string,
  fromPath: string,
  sections: ReadonlyMap<string, string>,
): string {
  if (/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(href)) return href;
  const origin = 'http://handbook.invalid';
  const resolved = new URL(href, new URL(withBase(base, fromPath), origin));
  const page = withBase(base, '');
  const sitePath = resolved.pathname.startsWith(page) ? resolved.pathname.slice(page.length) : undefined;
  const section = sitePath === undefined ? undefined : sections.get(sitePath);
  if (section) return `#${section}`;
  return resolved.pathname + resolved.search + resolved.hash;
}
