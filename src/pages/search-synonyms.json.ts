// The word groups search treats as one (searchSynonyms), fetched by the
// search panel on first use and precached by the worker: one small file, not
// a copy inside every page's header.
import { getHandbook } from '../data/handbook';
import { searchSynonyms } from '../lib/synonyms';

export async function GET() {
  const { synonyms, roles, glossary } = await getHandbook();
  const groups = searchSynonyms(synonyms, [...roles, ...glossary.map((t) => ({ name: t.term, aliases: t.aliases }))]);
  return new Response(JSON.stringify(groups), { headers: { 'content-type': 'application/json' } });
}
