// Step-level difference between two versions of a procedure: which steps
// were added, removed or moved, and which changed their title, 话术, cautions
// or where they lead.
import type { Step } from './procedure/schema';

export type StepField = 'title' | 'role' | 'detail' | 'say' | 'cautions' | 'flow';

export const FIELD_LABEL: Record<StepField, string> = {
  title: '标题',
  role: '负责角色',
  detail: '说明',
  say: '话术',
  cautions: '注意事项',
  flow: '下一步与分支',
};

export interface StepRef {
  id: string;
  title: string;
}

export interface ChangedStep extends StepRef {
  fields: StepField[];
  /** The old title, when the title changed. */
  oldTitle?: string;
}

export interface StepDiff {
  added: StepRef[];
  removed: StepRef[];
  /** Steps whose place in the list changed relative to the others. */
  moved: StepRef[];
  changed: ChangedStep[];
}

type DiffStep = Pick<Step, 'id' | 'title' | 'role' | 'detail' | 'say' | 'cautions' | 'next' | 'branches'>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const flowOf = (s: DiffStep) => [s.next ?? null, s.branches.map((b) => [b.label, b.to])];

/** Longest common subsequence of two id lists: the steps that kept their relative order. */
function keptInOrder(a: readonly string[], b: readonly string[]): Set<string> {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return kept;
}

export function diffSteps(before: readonly DiffStep[], after: readonly DiffStep[]): StepDiff {
  const oldById = new Map(before.map((s) => [s.id, s]));
  const newIds = new Set(after.map((s) => s.id));
  const common = (list: readonly DiffStep[], other: { has(id: string): boolean }) =>
    list.filter((s) => other.has(s.id)).map((s) => s.id);
  const kept = keptInOrder(common(before, newIds), common(after, oldById));
  const ref = (s: DiffStep): StepRef => ({ id: s.id, title: s.title });

  const diff: StepDiff = {
    added: after.filter((s) => !oldById.has(s.id)).map(ref),
    removed: before.filter((s) => !newIds.has(s.id)).map(ref),
    moved: after.filter((s) => oldById.has(s.id) && !kept.has(s.id)).map(ref),
    changed: [],
  };
  for (const step of after) {
    const old = oldById.get(step.id);
    if (!old) continue;
    const fields: StepField[] = [];
    if (old.title !== step.title) fields.push('title');
    if (!same(old.role, step.role)) fields.push('role');
    if (!same(old.detail, step.detail)) fields.push('detail');
    if (!same(old.say, step.say)) fields.push('say');
    if (!same(old.cautions, step.cautions)) fields.push('cautions');
    if (!same(flowOf(old), flowOf(step))) fields.push('flow');
    if (fields.length > 0) diff.changed.push({ ...ref(step), fields, ...(fields.includes('title') ? { oldTitle: old.title } : {}) });
  }
  return diff;
}

export const isEmptyDiff = (d: StepDiff) =>
  d.added.length + d.removed.length + d.moved.length + d.changed.length === 0;

/** Ids of the steps a reader should look at again: added, moved or changed. */
export function touchedSteps(d: StepDiff): Set<string> {
  return new Set([...d.added, ...d.moved, ...d.changed].map((s) => s.id));
}
