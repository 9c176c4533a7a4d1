// The content folder is ./content unless SOP_CONTENT_DIR points elsewhere
// (build tests and the benchmark build fixture corpora this way).
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  const dir = env.SOP_CONTENT_DIR?.trim();
  return (dir ? dir : './content').replace(/\/+$/, '');
}
