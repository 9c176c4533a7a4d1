// The only door from pages to content: loads every collection once, runs the
// graph checks, and fails the build with file, step and fix when one fails.
import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ProcedureData } from '../lib/procedure-schema';
import type { Category, GlossaryTerm, ReceptionLevel, Role } from '../lib/reference-schemas';
import { createRoleIndex, type RoleIndex } from '../lib/roles';
import { formatIssues, validateCorpus, validateProcedure, type ValidationIssue } from '../lib/validate-procedure';
import { parseProcedure } from '../lib/schema-issues';
import { decodeSource, EMPTY_FILE } from '../lib/procedure-source';
import { synonymIssues, type SynonymGroup } from '../lib/synonyms';
import { revisionOf } from '../lib/changelog';
import type { Revisions } from '../lib/visits';

export interface ProcedureEntry {
  id: string;
  /** Path of the MDX file, as written in error messages. */
  file: string;
  data: ProcedureData;
  category: Category;
  entry: CollectionEntry<'procedures'>;
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
}

export class ContentError extends Error {
  override name = 'ContentError';
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
  for (const entry of procedureEntries) {
    const file = entry.filePath ?? entry.id;
    const issues = fileIssues(entry, context);
    if (issues.issues.length > 0) problems.push(formatIssues(file, issues.issues));
    else if (issues.data) valid.push({ entry, file, data: issues.data });
  }
  problems.push(...validateCorpus(valid));
  const synonyms = synonymEntries.map((e) => e.data);
  problems.push(...synonymIssues(synonyms));
  if (problems.length > 0) {
    throw new ContentError(`流程内容有误,构建已停止:\n${problems.join('\n')}`);
  }

  const categoryOrder = new Map(categories.map((c, i) => [c.id, i]));
  const procedures = valid
    .map(({ entry, file, data }) => ({
      id: entry.id,
      file,
      data,
      category: categories.find((c) => c.id === data.category)!,
      entry,
    }))
    // Sorted by category, then order, then code: never by file-system order.
    .sort(
      (a, b) =>
        categoryOrder.get(a.data.category)! - categoryOrder.get(b.data.category)! ||
        a.data.order - b.data.order ||
        a.data.code.localeCompare(b.data.code),
    );

  return {
    procedures,
    categories,
    roles,
    roleIndex,
    glossary: glossaryEntries.map((e) => e.data).sort((a, b) => a.term.localeCompare(b.term, 'zh-CN')),
    levels: levelEntries.map((e) => e.data).sort((a, b) => a.order - b.order),
    synonyms,
    revisions: Object.fromEntries(procedures.map((p) => [p.id, revisionOf(p.data)])),
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
  cached ??= load();
  return cached;
}
