// What a procedure page shows, from the procedure model (build.ts): numbered
// steps, per-variant text, glossary links in reading order, and the term notes.
import type { Flag, Step } from './schema';
import type { GlossaryTerm } from '../reference-schemas';
import { createTermLinker, type Segment } from '../glossary-link';
import type { Procedure } from './build';
import type { StepNumber } from './numbering';

/** The text of a step; a step that variants change has one body per variant. */
export interface StepBody {
  variant?: string;
  variantLabel?: string;
  /** The title without the source's own label. */
  title: string;
  /** The source's own label of the step, as this variant words it. */
  sourceLabel?: string;
  detail: Segment[];
  say: Segment[][];
  cautions: Segment[][];
}

export interface StepView {
  step: Step;
  number: StepNumber;
  bodies: StepBody[];
  flags: Flag[];
  roleHref?: string;
  checklistTitle?: string;
}

export interface ProcedureView {
  summary: Segment[];
  steps: StepView[];
  /** Step id → its number and title, for links to other steps. */
  numbers: Map<string, StepNumber>;
  /** Glossary terms linked on the page, in order of first use. */
  terms: GlossaryTerm[];
  definitions: Map<string, string>;
}

export function buildProcedureView(
  procedure: Procedure,
  glossary: readonly GlossaryTerm[],
  roleHref: (role: string) => string | undefined,
): ProcedureView {
  const { data, base, variants, changed } = procedure;
  const linker = createTermLinker(glossary);
  const summary = linker.link(data.summary);
  const bodyOf = (index: number, wording: typeof base): StepBody => {
    const step = wording.steps[index]!;
    const { title, sourceLabel } = wording.numbers.get(step.id)!;
    return {
      ...(wording.id ? { variant: wording.id, variantLabel: wording.label } : {}),
      title,
      ...(sourceLabel ? { sourceLabel } : {}),
      detail: step.detail ? linker.link(step.detail) : [],
      say: step.say.map((line) => linker.link(line)),
      cautions: step.cautions.map((line) => linker.link(line)),
    };
  };
  const checklistTitles = new Map(data.checklists.map((c) => [c.id, c.title]));

  const steps = data.steps.map((step, index): StepView => {
    const bodies = changed.has(step.id) ? variants.map((v) => bodyOf(index, v)) : [bodyOf(index, base)];
    const href = step.role ? roleHref(step.role) : undefined;
    const checklistTitle = step.checklist ? checklistTitles.get(step.checklist) : undefined;
    return {
      step,
      number: base.numbers.get(step.id)!,
      bodies,
      // Resolved notes leave the page for the owner's desk.
      flags: data.flags.filter((f) => f.step === step.id && !f.resolved),
      ...(href ? { roleHref: href } : {}),
      ...(checklistTitle ? { checklistTitle } : {}),
    };
  });

  const terms = linker.used();
  return {
    summary,
    steps,
    numbers: base.numbers,
    terms,
    definitions: new Map(terms.map((t) => [t.id, t.definition])),
  };
}
