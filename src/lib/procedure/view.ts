// What a procedure page shows, computed from the data once: numbered steps,
// per-variant text, glossary links in reading order, and the term notes.
import type { Flag, ProcedureData, Step } from './schema';
import type { GlossaryTerm } from '../reference-schemas';
import { createTermLinker, type Segment } from '../glossary-link';
import { stepsForVariant } from './variants';

/** The text of a step; a step that variants change has one body per variant. */
export interface StepBody {
  variant?: string;
  variantLabel?: string;
  title: string;
  detail: Segment[];
  say: Segment[][];
  cautions: Segment[][];
}

export interface StepView {
  step: Step;
  number: number;
  bodies: StepBody[];
  flags: Flag[];
  roleHref?: string;
  checklistTitle?: string;
}

export interface ProcedureView {
  summary: Segment[];
  steps: StepView[];
  titles: Map<string, { number: number; title: string }>;
  /** Glossary terms linked on the page, in order of first use. */
  terms: GlossaryTerm[];
  definitions: Map<string, string>;
  /** Variants whose step titles differ get a chart of their own. */
  chartVariants: string[];
}

export function buildProcedureView(
  data: ProcedureData,
  glossary: readonly GlossaryTerm[],
  roleHref: (role: string) => string | undefined,
): ProcedureView {
  const linker = createTermLinker(glossary);
  const summary = linker.link(data.summary);
  const changed = new Set(data.variants.flatMap((v) => v.overrides.map((o) => o.step)));
  const variantSteps = data.variants.map((v) => ({ variant: v, steps: stepsForVariant(data, v.id) }));
  const bodyOf = (step: Step, variant?: { id: string; label: string }): StepBody => ({
    ...(variant ? { variant: variant.id, variantLabel: variant.label } : {}),
    title: step.title,
    detail: step.detail ? linker.link(step.detail) : [],
    say: step.say.map((line) => linker.link(line)),
    cautions: step.cautions.map((line) => linker.link(line)),
  });
  const checklistTitles = new Map(data.checklists.map((c) => [c.id, c.title]));

  const steps = data.steps.map((step, index): StepView => {
    const bodies = changed.has(step.id)
      ? variantSteps.map(({ variant, steps: vs }) => bodyOf(vs[index]!, variant))
      : [bodyOf(step)];
    const href = step.role ? roleHref(step.role) : undefined;
    const checklistTitle = step.checklist ? checklistTitles.get(step.checklist) : undefined;
    return {
      step,
      number: index + 1,
      bodies,
      // Resolved notes leave the page for the owner's desk.
      flags: data.flags.filter((f) => f.step === step.id && !f.resolved),
      ...(href ? { roleHref: href } : {}),
      ...(checklistTitle ? { checklistTitle } : {}),
    };
  });

  const titlesDiffer = variantSteps.some(({ steps: vs }) => vs.some((s, i) => s.title !== data.steps[i]!.title));
  const terms = linker.used();
  return {
    summary,
    steps,
    titles: new Map(data.steps.map((s, i) => [s.id, { number: i + 1, title: s.title }])),
    terms,
    definitions: new Map(terms.map((t) => [t.id, t.definition])),
    chartVariants: titlesDiffer ? data.variants.map((v) => v.id) : [],
  };
}
