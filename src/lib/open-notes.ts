// The owner's desk: every 待确认 / 原文缺失 / 原文矛盾 note in the handbook,
// open or resolved, with where it sits; grouped for a meeting agenda.
import type { Flag, ProcedureData, Resolution } from './procedure/schema';
import type { StepNumber } from './procedure/numbering';

export interface NoteSource {
  id: string;
  data: Pick<ProcedureData, 'code' | 'title' | 'department' | 'steps' | 'flags'>;
  /** The procedure model's step numbers (procedure/build.ts). */
  model: { base: { numbers: ReadonlyMap<string, StepNumber> } };
}

export interface Note {
  /** Procedure id (page) the note is shown on. */
  procedureId: string;
  code: string;
  title: string;
  department: string;
  kind: string;
  text: string;
  /** The step it belongs to, numbered as on the page. */
  step?: StepNumber & { id: string };
  /** Where it sits when not on a step (e.g. a reception level). */
  place?: string;
  resolved?: Resolution;
}

export interface LevelNoteSource {
  name: string;
  flags: readonly { kind: string; text: string; resolved?: Resolution | undefined }[];
}

function noteOf(source: NoteSource, flag: Flag): Note {
  const number = flag.step === undefined ? undefined : source.model.base.numbers.get(flag.step);
  return {
    procedureId: source.id,
    code: source.data.code,
    title: source.data.title,
    department: source.data.department,
    kind: flag.kind,
    text: flag.text,
    ...(number ? { step: { id: flag.step!, ...number } } : {}),
    ...(flag.resolved ? { resolved: flag.resolved } : {}),
  };
}

/**
 * Every note, in handbook order. Reception-level notes are shown on the page
 * that places the levels table (`levelsPage`), so they belong to it here too.
 */
export function collectNotes(
  procedures: readonly NoteSource[],
  levels: readonly LevelNoteSource[] = [],
  levelsPage?: NoteSource,
): Note[] {
  const notes: Note[] = [];
  for (const source of procedures) {
    notes.push(...source.data.flags.map((flag) => noteOf(source, flag)));
    if (source === levelsPage) {
      for (const level of levels) {
        for (const flag of level.flags) {
          notes.push({
            ...noteOf(source, { kind: flag.kind as Flag['kind'], text: flag.text, ...(flag.resolved ? { resolved: flag.resolved } : {}) }),
            place: `接待标准:${level.name}`,
          });
        }
      }
    }
  }
  return notes;
}

export const openNotes = (notes: readonly Note[]) => notes.filter((n) => !n.resolved);
/** Resolved notes, most recently decided first. */
export const resolvedNotes = (notes: readonly Note[]) =>
  notes.filter((n) => n.resolved).sort((a, b) => b.resolved!.date.getTime() - a.resolved!.date.getTime());

export interface NoteGroup {
  department: string;
  count: number;
  procedures: { procedureId: string; code: string; title: string; notes: Note[] }[];
}

/** By department (in order of first appearance), then by procedure, keeping handbook order. */
export function groupNotes(notes: readonly Note[]): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  for (const note of notes) {
    let group = groups.get(note.department);
    if (!group) groups.set(note.department, (group = { department: note.department, count: 0, procedures: [] }));
    group.count += 1;
    let entry = group.procedures.find((p) => p.procedureId === note.procedureId);
    if (!entry) group.procedures.push((entry = { procedureId: note.procedureId, code: note.code, title: note.title, notes: [] }));
    entry.notes.push(note);
  }
  return [...groups.values()];
}

/** Counts by kind, in the schema's order of kinds. */
export function countByKind(notes: readonly Note[]): { kind: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const note of notes) counts.set(note.kind, (counts.get(note.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}

/**
 * A resolved note changes what the page says, so the change log must record
 * it: an entry dated on or after the decision.
 */
export function resolutionIssues(data: Pick<ProcedureData, 'flags' | 'changelog'>): { step?: string; message: string }[] {
  const latest = Math.max(...data.changelog.map((c) => c.date.getTime()), -Infinity);
  return data.flags
    .filter((flag) => flag.resolved && flag.resolved.date.getTime() > latest)
    .map((flag) => {
      const day = flag.resolved!.date.toISOString().slice(0, 10);
      return {
        ...(flag.step ? { step: flag.step } : {}),
        message: `标注“${flag.text.slice(0, 20)}${flag.text.length > 20 ? '…' : ''}”已于 ${day} 确认,但 changelog 里没有这一天或之后的条目。修正:在 changelog 加一条(写明这个决定),并把 version 提高到这一条的版本。`,
      };
    });
}
