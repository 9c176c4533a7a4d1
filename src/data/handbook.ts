// The only door from pages to content: loads every collection once, runs the
// graph checks, and fails the build with file, step and fix when one fails.
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ProcedureData } from '../lib/procedure-schema';
import type { Category, GlossaryTerm, ReceptionLevel, Role } from '../lib/reference-schemas';
import { createRoleIndex, type RoleIndex } from '../lib/roles';
import { formatIssues, validateCorpus, validateProcedure } from '../lib/validate-procedure';
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
  for (const entry of procedureEntries) {
    const issues = validateProcedure(entry.data, context);
    if (issues.length > 0) problems.push(formatIssues(entry.filePath ?? entry.id, issues));
  }
  problems.push(...validateCorpus(procedureEntries.map((e) => ({ file: e.filePath ?? e.id, data: e.data }))));
  const synonyms = synonymEntries.map((e) => e.data);
  problems.push(...synonymIssues(synonyms));
  if (problems.length > 0) {
    throw new ContentError(`流程内容有误,构建已停止:\n${problems.join('\n')}`);
  }

  const categoryOrder = new Map(categories.map((c, i) => [c.id, i]));
  const procedures = procedureEntries
    .map((entry) => ({
      id: entry.id,
      file: entry.filePath ?? entry.id,
      data: entry.data,
      category: categories.find((c) => c.id === entry.data.category)!,
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

let cached: Promise<Handbook> | undefined;

export function getHandbook(): Promise<Handbook> {
  cached ??= load();
  return cached;
}
