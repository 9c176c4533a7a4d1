// Finds glossary terms in running text so the first use of each term on a
// page can link to (and explain) its glossary entry.
import type { GlossaryTerm } from './reference-schemas';

export type Segment = string | { text: string; termId: string };

export interface TermLinker {
  /** Splits text; only a term's first appearance on this page becomes a link. */
  link(text: string): Segment[];
  /** Terms linked so far, in order of first use. */
  used(): GlossaryTerm[];
}

export function createTermLinker(terms: readonly GlossaryTerm[]): TermLinker {
  const forms = terms
    .flatMap((term) => [term.term, ...term.aliases].map((form) => ({ form, term })))
    .filter(({ form }) => form.length > 0)
    // Longest form first, so 免查房 wins over 免查 at the same position.
    .sort((a, b) => b.form.length - a.form.length || a.form.localeCompare(b.form));
  // By first character, longest first: each position of the text tries only the
  // forms that can start there (the profile of a warm build found this scan).
  const byFirst = new Map<string, typeof forms>();
  for (const entry of forms) {
    const first = entry.form[0]!;
    const bucket = byFirst.get(first);
    if (bucket) bucket.push(entry);
    else byFirst.set(first, [entry]);
  }
  const seen = new Map<string, GlossaryTerm>();

  return {
    link(text) {
      const segments: Segment[] = [];
      let plain = '';
      let i = 0;
      while (i < text.length) {
        const hit = byFirst.get(text[i]!)?.find(({ form }) => text.startsWith(form, i));
        if (hit) {
          if (!seen.has(hit.term.id)) {
            seen.set(hit.term.id, hit.term);
            if (plain) segments.push(plain);
            plain = '';
            segments.push({ text: hit.form, termId: hit.term.id });
          } else {
            plain += hit.form;
          }
          i += hit.form.length;
        } else {
          plain += text[i];
          i += 1;
        }
      }
      if (plain) segments.push(plain);
      return segments;
    },
    used: () => [...seen.values()],
  };
}
