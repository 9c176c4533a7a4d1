// Procedure id → revision, for "changed since your last visit": one small
// file that the worker precaches, rather than a copy inside every page.
import { getHandbook } from '../data/handbook';

export async function GET() {
  return new Response(JSON.stringify((await getHandbook()).revisions), { headers: { 'content-type': 'application/json' } });
}
