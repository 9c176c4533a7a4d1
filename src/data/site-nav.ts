// The site navigation model, built once per build from the handbook.
import { createSiteNav, type SiteNavModel } from '../lib/site-nav';
import { withBase } from '../lib/urls';
import { isDraft } from '../lib/procedure/status';
import { getHandbook } from './handbook';

let cached: Promise<SiteNavModel> | undefined;

export function getSiteNav(): Promise<SiteNavModel> {
  cached ??= getHandbook().then(({ categories, procedures }) =>
    createSiteNav(
      categories,
      procedures.map((p) => ({ id: p.id, title: p.data.title, category: p.data.category, draft: isDraft(p.data) })),
      (path) => withBase(import.meta.env.BASE_URL, path),
    ),
  );
  return cached;
}
