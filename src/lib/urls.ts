// Every internal link goes through here, so the site works under any base
// path (set once, in astro.config.mjs, from SOP_BASE).

/** Joins the site's base ("/" or "/sop/") with a site-relative path. */
export function withBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return head + path.replace(/^\/+/, '');
}

export const paths = {
  home: () => '',
  category: (id: string) => `categories/${id}/`,
  procedure: (id: string) => `procedures/${id}/`,
  glossary: (termId?: string) => (termId ? `glossary/#term-${termId}` : 'glossary/'),
  roles: () => 'roles/',
  role: (id: string) => `roles/${id}/`,
  search: () => 'search/',
  handbook: (categoryId?: string) => (categoryId ? `handbook/${categoryId}/` : 'handbook/'),
  changes: () => 'changes/',
  learningPaths: () => 'paths/',
  learningPath: (id: string) => `paths/${id}/`,
  quiz: (procedureId: string) => `quiz/${procedureId}/`,
  trainer: () => 'trainer/',
  /** 本机离线内容: the sets and pages this device keeps for offline use. */
  kept: () => 'kept/',
  /** The word groups search treats as one (src/pages/search-synonyms.json.ts): one file, not a copy in every page. */
  searchSynonyms: () => 'search-synonyms.json',
  /** Title, page and latest change of each procedure, for "changed since your last visit" (src/pages/change-digest.json.ts). */
  changeDigest: () => 'change-digest.json',
  /** The SOP owner's desk: open questions, reviews due, decisions. */
  desk: () => 'desk/',
  quizSheet: (procedureId: string) => `trainer/procedures/${procedureId}/`,
  pathQuizSheet: (pathId: string) => `trainer/paths/${pathId}/`,
};

/** Anchor of a step on its procedure page. */
export function stepAnchor(stepId: string): string {
  return `step-${stepId}`;
}

/** Anchor of a checklist on its procedure page. */
export function checklistAnchor(checklistId: string): string {
  return `checklist-${checklistId}`;
}
