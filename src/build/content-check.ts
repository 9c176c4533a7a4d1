// `npm run check:content` for one procedure file, without a build: the same
// checks and messages as the build (src/data/handbook.ts and the MDX guard),
// from the bytes on disk, so a file that cannot be read is one message beside
// the other files' messages, never an abort.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import yaml from 'js-yaml';
import type { ProcedureData } from '../lib/procedure/schema';
import { categorySchema, roleSchema } from '../lib/reference-schemas';
import { createRoleIndex } from '../lib/roles';
import { contentDir } from '../lib/content-dir';
import { readSource } from '../lib/procedure/source';
import { parseProcedure } from '../lib/procedure/schema-issues';
import { scriptUrlMessage } from '../lib/script-urls';
import { formatIssues, validateCorpus, validateProcedure, type ValidationContext, type ValidationIssue } from '../lib/procedure/validate';
import { scriptUrlsIn } from './script-url-guard';

export interface FileCheck {
  file: string;
  /** The procedure, when its frontmatter matches the schema. */
  data?: ProcedureData;
  body?: string;
  issues: ValidationIssue[];
  /** formatIssues of `issues`, or '' when there are none. */
  report: string;
}

/** `links: false` leaves out the prose links (the build checks them as it compiles the MDX). */
export async function checkProcedureFile(
  file: string,
  bytes: Uint8Array,
  context: ValidationContext,
  { links = true }: { links?: boolean } = {},
): Promise<FileCheck> {
  const source = readSource(bytes);
  const done = (issues: ValidationIssue[], rest: Partial<FileCheck> = {}): FileCheck => ({
    file,
    ...rest,
    issues,
    report: issues.length > 0 ? formatIssues(file, issues) : '',
  });
  if (!source.ok) return done([{ message: source.message }]);
  const linkIssues = (links ? await scriptUrlsIn(source.body) : []).map((link) => ({
    message: scriptUrlMessage({ ...link, ...(link.line ? { line: link.line + source.bodyLine - 1 } : {}) }),
  }));
  const parsed = parseProcedure(source.frontmatter);
  if (!parsed.ok) return done([...parsed.issues, ...linkIssues], { body: source.body });
  return done([...validateProcedure(parsed.data, context), ...linkIssues], { data: parsed.data, body: source.body });
}

/** Roles and categories for the checks; a file that cannot be read is left to Astro to report. */
function contextOf(dir: string): ValidationContext {
  const list = (name: string): unknown[] => {
    try {
      const data = yaml.load(readFileSync(join(dir, name), 'utf8'));
      return Array.isArray(data) ? data : [];
    } catch {
      return [];
    }
  };
  const roles = list('roles.yaml').flatMap((r) => {
    const parsed = roleSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  const categories = list('categories.yaml').flatMap((c) => {
    const parsed = categorySchema.safeParse(c);
    return parsed.success ? [parsed.data.id] : [];
  });
  return {
    ...(roles.length > 0 ? { roles: createRoleIndex(roles) } : {}),
    ...(categories.length > 0 ? { categories: new Set(categories) } : {}),
  };
}

/** Every procedure file of a content folder: one report per file with problems, plus corpus problems. */
export async function checkContentDir(dir: string, options: { links?: boolean } = {}): Promise<string[]> {
  const context = contextOf(dir);
  const base = join(dir, 'procedures');
  const files = readdirSync(base, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .sort();
  const checks = await Promise.all(
    files.map((name) => checkProcedureFile(relative(process.cwd(), join(base, name)), readFileSync(join(base, name)), context, options)),
  );
  const valid = checks.flatMap((c) => (c.data ? [{ file: c.file, data: c.data }] : []));
  return [...checks.flatMap((c) => (c.report ? [c.report] : [])), ...validateCorpus(valid)];
}

/**
 * Checks the content before Vite compiles a page: a file that is not UTF-8
 * would otherwise fail inside the bundler with an unrelated message, and every
 * bad file is reported at once.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'sop-content-check',
    hooks: {
      'astro:build:start': async () => {
        const problems = await checkContentDir(contentDir(), { links: false });
        if (problems.length > 0) throw new Error(`流程内容有误,构建已停止:\n${problems.join('\n')}`);
      },
    },
  };
}
