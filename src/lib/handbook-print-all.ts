// 一次打印全部: a category printed in volumes (handbook-volumes.ts) put back
// together on its volume list page, to print as one binder: one cover for the
// category, one contents, every procedure in order, one glossary. What is
// taken from each volume, the checks that nothing is missing, and the texts.
// The DOM work is in src/components/handbook-print-all/.
import { handbookSectionId } from './print';

/** A volume as the list page hands it to the script. */
export interface PrintAllVolume {
  url: string;
  part: number;
  /** Handbook number of its first procedure, and how many it holds. */
  first: number;
  count: number;
}

export interface PrintAllPlan {
  volumes: PrintAllVolume[];
  /** Every glossary entry's id (term-note-…), in glossary order. */
  terms: string[];
}

/** What the script takes from a volume page (inside its <main>); the rest (intro, print controls) stays behind. */
export const VOLUME_PARTS = {
  /** The printable handbook: cover, contents, procedures, glossary. */
  doc: 'main .handbook-doc',
  /** Not taken: the category gets one cover (the list page's own). */
  cover: '.hb-cover',
  contents: '.hb-toc',
  /** The contents' lists: each volume's entries, numbered on. */
  contentsLists: '.hb-toc > ol',
  /** The contents' link to the glossary. */
  contentsGlossary: '.hb-toc > .toc-extra',
  procedures: '.handbook-doc > article.hb-procedure',
  glossary: '.hb-glossary',
  glossaryEntries: '.hb-glossary dl > [id]',
  /** A chart left for Mermaid to draw in the reader's browser (a build without Chromium). */
  undrawnChart: 'mermaid-fallback',
} as const;

/** What one loaded volume holds, by id. */
export interface VolumeOutline {
  /** Ids of its procedure sections (hb-<n>), in page order. */
  sections: string[];
  /** Ids of its glossary entries. */
  terms: string[];
}

export type Assembled = { ok: true; sections: string[]; terms: string[] } | { ok: false; problem: string };

export function printAllLabel(volumes: number, procedures: number): string {
  return `一次打印全部 ${volumes} 册(共 ${procedures} 个流程)`;
}

export function loadingText(part: number, parts: number): string {
  return `正在载入第 ${part}/${parts} 册…`;
}

export function printingText(procedures: number): string {
  return `已载入全部 ${procedures} 个流程,正在打开打印对话框…`;
}

/** A failure: what went wrong (in which volume, when known), that nothing was printed, and what to do. */
export function failureText(part: number | undefined, why: string): string {
  return `${part === undefined ? '各册没能合在一起' : `第 ${part} 册没能载入`}(${why}),所以没有打印。请检查网络后再试,或打开各册分别打印。`;
}

export const UNDRAWN_CHARTS_TEXT =
  '这一版手册的流程图要在各册页面里才能画出(构建时没有 Chromium),不能合在一起打印。请打开各册分别打印。';

/** The section ids volume `volume` must hold: its numbers, in order. */
export function expectedSections(volume: PrintAllVolume): string[] {
  return Array.from({ length: volume.count }, (_, i) => handbookSectionId(volume.first + i));
}

/** Undefined when the volume holds exactly the procedures the list page expects, else what is wrong. */
export function volumeProblem(volume: PrintAllVolume, outline: VolumeOutline): string | undefined {
  const expected = expectedSections(volume);
  if (outline.sections.length === expected.length && outline.sections.every((id, i) => id === expected[i])) return undefined;
  const last = volume.first + volume.count - 1;
  return `第 ${volume.part} 册应收第 ${volume.first}–${last} 个流程,载入的页面收了 ${outline.sections.length} 个,与本页不符(可能是旧版本),所以没有打印。请刷新本页后再试。`;
}

/** Ids in the order of `order`, each once; ids `order` does not know keep their first-seen order at the end. */
export function mergeInOrder(order: readonly string[], lists: readonly (readonly string[])[]): string[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const seen = [...new Set(lists.flat())];
  const known = seen.filter((id) => rank.has(id)).sort((a, b) => rank.get(a)! - rank.get(b)!);
  return [...known, ...seen.filter((id) => !rank.has(id))];
}

/**
 * The binder's order from the loaded volumes: every procedure section once, in
 * handbook order, and the glossary entries of all volumes merged in glossary
 * order; or the first problem, so a partial handbook is never printed as whole.
 */
export function assemble(plan: PrintAllPlan, outlines: readonly VolumeOutline[]): Assembled {
  if (outlines.length !== plan.volumes.length) {
    return { ok: false, problem: `只载入了 ${outlines.length}/${plan.volumes.length} 册,所以没有打印。` };
  }
  for (const [i, volume] of plan.volumes.entries()) {
    const problem = volumeProblem(volume, outlines[i]!);
    if (problem) return { ok: false, problem };
  }
  const sections = outlines.flatMap((o) => o.sections);
  if (new Set(sections).size !== sections.length) return { ok: false, problem: '各册收录的流程有重复,所以没有打印。请刷新本页后再试。' };
  return { ok: true, sections, terms: mergeInOrder(plan.terms, outlines.map((o) => o.terms)) };
}
