// What the "changed since your last visit" list shows of each procedure
// (ChangedSince): fetched only when something changed, and precached, rather
// than a hidden entry for every procedure inside the home and change-log pages.
import { getHandbook } from '../data/handbook';
import { latestChange } from '../lib/changelog';
import type { ChangeDigest } from '../lib/changed-since';
import { formatDate } from '../lib/dates';
import { paths, withBase } from '../lib/urls';

export async function GET() {
  const base = import.meta.env.BASE_URL;
  const digest: ChangeDigest = {};
  for (const p of (await getHandbook()).procedures) {
    const latest = latestChange(p.data);
    digest[p.id] = {
      title: p.data.title,
      href: withBase(base, paths.procedure(p.id)),
      ...(latest && { latest: `${latest.version} 版 · ${formatDate(latest.date)}:${latest.changes}` }),
    };
  }
  return new Response(JSON.stringify(digest), { headers: { 'content-type': 'application/json' } });
}
