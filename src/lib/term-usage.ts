// Which procedures use each glossary term, for the glossary's "见于" lines.
import type { ProcedureData } from './procedure/schema';
import type { GlossaryTerm } from './reference-schemas';

export function procedureText(data: ProcedureData): string {
  return [
    data.title,
    data.summary,
    ...data.steps.flatMap((s) => [s.title, s.detail ?? '', ...s.say, ...s.cautions]),
    ...data.checklists.flatMap((c) => [c.title, ...c.items.map((i) => i.text)]),
  ].join('\n');
}

export function termUsage(
  terms: readonly GlossaryTerm[],
  procedures: readonly { id: string; data: ProcedureData }[],
): Map<string, { id: string; title: string }[]> {
  const texts = procedures.map((p) => ({ id: p.id, title: p.data.title, text: procedureText(p.data) }));
  return new Map(
    terms.map((term) => {
      const forms = [term.term, ...term.aliases];
      return [term.id, texts.filter((p) => forms.some((f) => p.text.includes(f))).map(({ id, title }) => ({ id, title }))];
    }),
  );
}
