// The table of contents every page carries. It is built once per build and
// only the current page's mark changes from page to page, so a large handbook
// does not pay for it thousands of times. Past NAV_FULL_LIMIT procedures it
// lists only the current category's procedures (the others link to their
// category page): a phone should not download a thousand links on every page.
// A category longer than NAV_CATEGORY_WINDOW lists the procedures around the
// current one, and links to the category page for the rest.
import { paths } from './urls';

export const NAV_FULL_LIMIT = 60;
export const NAV_CATEGORY_WINDOW = 30;
/** Past NAV_FULL_LIMIT, the home page shows this many of each category, then links to the category page. */
export const HOME_CATEGORY_PREVIEW = 8;

export interface NavProcedure {
  id: string;
  title: string;
  category: string;
  draft: boolean;
}

export interface NavCategory {
  id: string;
  name: string;
}

export interface NavCategoryView {
  id: string;
  name: string;
  href: string;
  count: number;
  /** The procedures listed under the category; empty when folded away. */
  items: { href: string; title: string; draft: boolean; current: boolean }[];
  /** `items` is a window of a longer list: the category page has them all. */
  partial: boolean;
}

export interface SiteNavModel {
  /** The category whose procedures a page lists, by the page's site-relative path. */
  categoryOf(current: string | undefined): string | undefined;
  categories(current: string | undefined): NavCategoryView[];
}

export function createSiteNav(
  categories: readonly NavCategory[],
  procedures: readonly NavProcedure[],
  link: (path: string) => string,
  fullLimit = NAV_FULL_LIMIT,
  window = NAV_CATEGORY_WINDOW,
): SiteNavModel {
  const full = procedures.length <= fullLimit;
  // Every page that belongs to a procedure or a category, → its category (and procedure page).
  const owner = new Map<string, string>();
  const procedureOf = new Map<string, string>();
  for (const c of categories) owner.set(paths.category(c.id), c.id);
  for (const p of procedures) {
    for (const path of [paths.procedure(p.id), paths.quiz(p.id), paths.quizSheet(p.id)]) {
      owner.set(path, p.category);
      procedureOf.set(path, paths.procedure(p.id));
    }
  }
  const lists = new Map(
    categories.map((c) => [
      c.id,
      procedures
        .filter((p) => p.category === c.id)
        .map((p) => ({ path: paths.procedure(p.id), href: link(paths.procedure(p.id)), title: p.title, draft: p.draft })),
    ]),
  );
  const categoryOf = (current: string | undefined) => (current === undefined ? undefined : owner.get(current));

  return {
    categoryOf,
    categories(current) {
      const open = categoryOf(current);
      return categories.map((c) => {
        const list = lists.get(c.id)!;
        let shown = full || c.id === open ? list : [];
        const partial = shown.length > window;
        if (partial) {
          const at = Math.max(0, shown.findIndex((item) => item.path === procedureOf.get(current ?? '')));
          const start = Math.min(Math.max(0, at - Math.floor(window / 2)), shown.length - window);
          shown = shown.slice(start, start + window);
        }
        return {
          id: c.id,
          name: c.name,
          href: link(paths.category(c.id)),
          count: list.length,
          items: shown.map(({ path, ...item }) => ({ ...item, current: path === current })),
          partial,
        };
      });
    },
  };
}
