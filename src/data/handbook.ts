// The only door from pages to content: loads every collection once, runs the
// graph checks, and fails the build with file, step and fix when one fails.
import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ProcedureData } from '../lib/procedure/schema';
import { buildProcedure, type Procedure } from '../lib/procedure/build';
import type { Category, GlossaryTerm, ReceptionLevel, Role } from '../lib/reference-schemas';
import { createRoleIndex, type RoleIndex } from '../lib/roles';
import { formatIssues, validateCorpus, validateProcedure, type ValidationIssue } from '../lib/procedure/validate';
import { parseProcedure } from '../lib/procedure/schema-issues';
import { decodeSource, EMPTY_FILE } from '../lib/procedure/source';
import { synonymIssues, type SynonymGroup } from '../lib/synonyms';
import { revisionOf } from '../lib/changelog';
import type { Revisions } from '../lib/changed-since';
import { resolve } from 'node:path';
import { stepFingerprint } from '../lib/fingerprint';
import { reviewStatus, today as todayOf, type ReviewStatus } from '../lib/review';
import { collectNotes, type Note } from '../lib/open-notes';
import { versionDiffs, type VersionDiff } from '../lib/version-history';
import { readHistories } from '../build/git-history';
import { reportReviews } from '../build/review-report';
import { planVolumes, type HandbookVolumes } from '../lib/handbook-volumes';
import { byHandbookOrder } from '../lib/handbook-order';
import { placedComponents, type PlacedComponents } from '../lib/mdx-components';

export interface ProcedureEntry {
  id: string;
  /** Path of the MDX file, as written in error messages. */
  file: string;
  data: ProcedureData;
  /** Everything derived from the data, once: numbering, variants, charts, the walk. */
  model: Procedure;
  category: Category;
  entry: CollectionEntry<'procedures'>;
  /** Short hash of the step data, printed on the signed sheet. */
  fingerprint: string;
  review: ReviewStatus;
  /** Step diff of each change-log version against the one before, newest first. */
  versions: VersionDiff[];
  /** Components the MDX body places (checklists, the levels table, tools). */
  placed: PlacedComponents;
}

export interface Handbook {
  procedures: ProcedureEntry[];
  categories: Category[];
  roles: Role[];
  roleIndex: RoleIndex;
  glossary: GlossaryTerm[];
  levels: ReceptionLevel[];
  /** Search synonyms and variant spellings (content/synonyms.yaml). */
  synonyms: SynonymGroup[];
  /** Procedure id → its revision, which every page hands the visit tracker; worked out once. */
  revisions: Revisions;
  /** Every 待确认 / 原文缺失 / 原文矛盾 note, open or resolved, in handbook order. */
  notes: Note[];
  /** How the printable handbook is cut into pages. */
  volumes: HandbookVolumes<ProcedureEntry>;
  /** The day review dates are measured against (SOP_TODAY pins it). */
  today: Date;
}

/**
 * `loc` and `hint` are what Astro's dev error overlay shows: the MDX file at
 * the first step in question, and the fixes.
 */
export class ContentError extends Error {
  override name = 'ContentError';
  title = '流程内容有误';
  loc?: { file: string; line: number; column: number };
  hint?: string;
}

/** Line (1-based) of a step's `id:` in an MDX file, or of the frontmatter start. */
function stepLine(file: string, step: string | undefined): number {
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    const index = step === undefined ? -1 : lines.findIndex((l) => new RegExp(`^\\s*-?\\s*id:\\s*["']?${step}["']?\\s*$`).test(l));
    return index + 1 || 1;
  } catch {
    return 1;
  }
}

async function load(): Promise<Handbook> {
  const [procedureEntries, categoryEntries, roleEntries, glossaryEntries, levelEntries, synonymEntries] = await Promise.all([
    getCollection('procedures'),
    getCollection('categories'),
    getCollection('roles'),
    getCollection('glossary'),
    getCollection('receptionLevels'),
    getCollection('synonyms'),
  ]);
  const categories = categoryEntries.map((e) => e.data).sort((a, b) => a.order - b.order);
  const roles = roleEntries.map((e) => e.data);
  const roleIndex = createRoleIndex(roles);
  const context = { roles: roleIndex, categories: new Set(categories.map((c) => c.id)) };

  const problems: string[] = [];
  const valid: { entry: CollectionEntry<'procedures'>; file: string; data: ProcedureData }[] = [];
  let first: { file: string; step?: string; fixes: string[] } | undefined;
  for (const entry of procedureEntries) {
    const file = entry.filePath ?? entry.id;
    const issues = fileIssues(entry, context);
    if (issues.issues.length > 0) {
      problems.push(formatIssues(file, issues.issues));
      first ??= {
        file: resolve(file),
        ...(issues.issues[0]!.step ? { step: issues.issues[0]!.step } : {}),
        fixes: issues.issues.map((i) => `${i.step ? `步骤 "${i.step}":` : ''}${i.message.slice(Math.max(0, i.message.indexOf('修正:')))}`),
      };
    } else if (issues.data) valid.push({ entry, file, data: issues.data });
  }
  problems.push(...validateCorpus(valid));
  const synonyms = synonymEntries.map((e) => e.data);
  problems.push(...synonymIssues(synonyms));
  if (problems.length > 0) {
    const error = new ContentError(`流程内容有误,构建已停止:\n${problems.join('\n')}`);
    if (first) {
      error.loc = { file: first.file, line: stepLine(first.file, first.step), column: 1 };
      error.hint = first.fixes.join('\n');
    }
    throw error;
  }

  const today = todayOf();
  const histories = readHistories(procedureEntries.map((e) => e.filePath ?? e.id));
  const levels = levelEntries.map((e) => e.data).sort((a, b) => a.order - b.order);
  const procedures = byHandbookOrder(
    valid.map(({ entry, file, data }) => ({
      id: entry.id,
      file,
      data,
      model: buildProcedure(data),
      category: categories.find((c) => c.id === data.category)!,
      entry,
      fingerprint: stepFingerprint(data),
      review: reviewStatus(data, today),
      versions: versionDiffs(data, histories.files.get(resolve(file)) ?? 'no-git'),
      placed: placedComponents(entry.body),
    })),
    categories.map((c) => c.id),
    (p) => p.data,
  );

  reportReviews(procedures.map((p) => ({ file: p.file, code: p.data.code, title: p.data.title, review: p.review })));
  // The levels table's notes belong to the page that places it.
  const levelsPage = procedures.find((p) => p.placed.levels);

  return {
    procedures,
    categories,
    roles,
    roleIndex,
    glossary: glossaryEntries.map((e) => e.data).sort((a, b) => a.term.localeCompare(b.term, 'zh-CN')),
    levels,
    synonyms,
    revisions: Object.fromEntries(procedures.map((p) => [p.id, revisionOf(p.data)])),
    notes: collectNotes(procedures, levels, levelsPage),
    volumes: planVolumes(procedures, categories.map((c) => c.id), (p) => p.data.category, (p) => p.data.steps.length),
    today,
  };
}

/**
 * One file's problems: not UTF-8 or empty (said once, instead of the schema
 * errors they cause), then the schema, then the graph and reference checks.
 */
function fileIssues(
  entry: CollectionEntry<'procedures'>,
  context: Parameters<typeof validateProcedure>[1],
): { issues: ValidationIssue[]; data?: ProcedureData } {
  let bytes: Uint8Array | undefined;
  try {
    bytes = entry.filePath ? readFileSync(entry.filePath) : undefined;
  } catch {
    // read by the loader already; nothing more to learn from the bytes
  }
  if (bytes) {
    const decoded = decodeSource(bytes);
    if (!decoded.ok) return { issues: [{ message: decoded.message }] };
    if (decoded.text.trim() === '') return { issues: [{ message: EMPTY_FILE }] };
  }
  const parsed = parseProcedure(entry.data);
  if (!parsed.ok) return { issues: parsed.issues };
  return { issues: validateProcedure(parsed.data, context), data: parsed.data };
}

let cached: Promise<Handbook> | undefined;

export function getHandbook(): Promise<Handbook> {
  // A failed load is not kept: in dev the next request tries again once the file is fixed.
  cached ??= load().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
