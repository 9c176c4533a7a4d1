// The real learning paths and the draft marks they rely on, checked without a build.
import { describe, expect, it } from 'vitest';
import { learningPathSchema, validateLearningPaths } from '../../src/lib/learning-paths';
import { procedureSchema } from '../../src/lib/procedure/schema';
import { DRAFT_STATUS } from '../../src/lib/procedure/status';
import { roleSchema } from '../../src/lib/reference-schemas';
import { createRoleIndex } from '../../src/lib/roles';
import { procedureFiles, readProcedure, readYamlList } from '../helpers/content-files';

// Files that cannot be read or do not match the schema are reported by content.test.ts;
// skipping them here keeps one bad file from aborting this file's checks too.
const procedures = procedureFiles().flatMap((file) => {
  const { file: name, source } = readProcedure(file);
  const parsed = source.ok ? procedureSchema.safeParse(source.frontmatter) : undefined;
  return parsed?.success ? [{ file: name, data: parsed.data }] : [];
});
const roles = createRoleIndex(readYamlList('roles.yaml').map((r) => roleSchema.parse(r)));
const paths = readYamlList('learning-paths.yaml').map((p) => learningPathSchema.parse(p));

describe('content/learning-paths.yaml', () => {
  it('names only existing procedures and roles', () => {
    const codes = new Set(procedures.map((p) => p.data.code));
    expect(validateLearningPaths('content/learning-paths.yaml', paths, { codes, roles })).toEqual([]);
  });

  it('has a path for each job the handbook trains', () => {
    expect(paths.map((p) => p.title)).toEqual(
      expect.arrayContaining(['前台接待员', '销售人员 / 业务员', '酒店前厅接待', '洗浴中心服务员']),
    );
  });
});

describe('template steps', () => {
  const TEMPLATE_MARK = /^[((]模板[,,]待业务确认[))]/;

  it.each(procedures.map((p) => [p.file, p] as const))('%s marks exactly its template steps', (_file, p) => {
    for (const step of p.data.steps) {
      expect(Boolean(step.template), `${step.id}: template flag vs "(模板,待业务确认)" in detail`).toBe(
        TEMPLATE_MARK.test(step.detail ?? ''),
      );
      if (step.template) expect(p.data.status, `${step.id}: template step in a published procedure`).toBe(DRAFT_STATUS);
    }
  });
});
