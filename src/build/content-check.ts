// `npm run check:content` for one procedure file, without a build: the same
// checks and messages as the build (src/data/handbook.ts and the MDX guard),
// from the bytes on disk, so a file that cannot be read is one message beside
// the other files' messages, never an abort.
import type { ProcedureData } from '../lib/procedure-schema';
import { readSource } from '../lib/procedure-source';
import { parseProcedure } from '../lib/schema-issues';
import { scriptUrlMessage } from '../lib/script-urls';
import { formatIssues, validateProcedure, type ValidationContext, type ValidationIssue } from '../lib/validate-procedure';
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

export async function checkProcedureFile(file: string, bytes: Uint8Array, context: ValidationContext): Promise<FileCheck> {
  const source = readSource(bytes);
  const done = (issues: ValidationIssue[], rest: Partial<FileCheck> = {}): FileCheck => ({
    file,
    ...rest,
    issues,
    report: issues.length > 0 ? formatIssues(file, issues) : '',
  });
  if (!source.ok) return done([{ message: source.message }]);
  const links = (await scriptUrlsIn(source.body)).map((found) => ({
    message: scriptUrlMessage({ ...found, ...(found.line ? { line: found.line + source.bodyLine - 1 } : {}) }),
  }));
  const parsed = parseProcedure(source.frontmatter);
  if (!parsed.ok) return done([...parsed.issues, ...links], { body: source.body });
  return done([...validateProcedure(parsed.data, context), ...links], { data: parsed.data, body: source.body });
}
