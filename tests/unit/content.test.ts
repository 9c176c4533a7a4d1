// Every content file parses against its schema and passes the graph checks.
// Fast feedback for editors: `npm run check:content`.
import { describe, expect, it } from 'vitest';
import { procedureSchema, type ProcedureData } from '../../src/lib/procedure-schema';
import {
  categorySchema,
  glossaryTermSchema,
  receptionLevelSchema,
  roleSchema,
} from '../../src/lib/reference-schemas';
import { createRoleIndex } from '../../src/lib/roles';
import { formatIssues, validateCorpus, validateProcedure } from '../../src/lib/validate-procedure';
import { procedureFiles, readMdx, readYamlList } from '../helpers/content-files';

const roles = readYamlList('roles.yaml').map((r) => roleSchema.parse(r));
const categories = readYamlList('categories.yaml').map((c) => categorySchema.parse(c));
const context = { roles: createRoleIndex(roles), categories: new Set(categories.map((c) => c.id)) };
const entries = procedureFiles().map(readMdx);

describe('procedure content', () => {
  it('has procedures to check', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s is valid', (_file, entry) => {
    const parsed = procedureSchema.safeParse(entry.frontmatter);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
      expect.fail(`${entry.file}: frontmatter does not match the schema\n${lines.join('\n')}`);
    }
    const issues = validateProcedure(parsed.data, context);
    expect(issues.length === 0 ? '' : formatIssues(entry.file, issues)).toBe('');
  });

  it('uses each role under one spelling only: its canonical name', () => {
    const index = createRoleIndex(roles);
    const used = new Set(
      entries.flatMap((e) => {
        const data = procedureSchema.parse(e.frontmatter);
        return [...data.roles, ...data.steps.flatMap((s) => (s.role ? [s.role] : []))];
      }),
    );
    const notCanonical = [...used].filter((name) => !index.byName(name));
    expect(notCanonical).toEqual([]);
    // No two canonical names or aliases are the same written form.
    const forms = roles.flatMap((r) => [r.name, ...r.aliases]);
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('codes are unique', () => {
    const parsed = entries.map((e) => ({ file: e.file, data: e.frontmatter as ProcedureData }));
    expect(validateCorpus(parsed)).toEqual([]);
  });
});

describe('reference data', () => {
  it('roles, categories and glossary match their schemas; each role is spelled one way', () => {
    expect(roles.length).toBeGreaterThan(0);
    expect(categories.map((c) => c.id)).toEqual(['corporate', 'hotel', 'spa', 'property']);
    for (const term of readYamlList('glossary.yaml')) {
      const result = glossaryTermSchema.safeParse(term);
      expect(result.success, JSON.stringify(term)).toBe(true);
    }
  });

  it('reception levels match their schema', () => {
    const levels = readYamlList('reception-levels.yaml').map((l) => receptionLevelSchema.parse(l));
    expect(levels.map((l) => l.name)).toEqual(['普通', '高级', '特级']);
  });
});
