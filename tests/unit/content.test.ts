// Every content file parses against its schema and passes the graph checks.
// Fast feedback for editors: `npm run check:content`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProcedureData } from '../../src/lib/procedure/schema';
import {
  categorySchema,
  glossaryTermSchema,
  receptionLevelSchema,
  roleSchema,
} from '../../src/lib/reference-schemas';
import { createRoleIndex } from '../../src/lib/roles';
import { validateCorpus } from '../../src/lib/procedure/validate';
import { checkProcedureFile } from '../../src/build/content-check';
import { procedureFiles, readYamlList, ROOT } from '../helpers/content-files';
import { relative } from 'node:path';

const roles = readYamlList('roles.yaml').map((r) => roleSchema.parse(r));
const categories = readYamlList('categories.yaml').map((c) => categorySchema.parse(c));
const context = { roles: createRoleIndex(roles), categories: new Set(categories.map((c) => c.id)) };
// Every file is checked on its own: one unreadable file (empty, not UTF-8, bad YAML) is one
// failure beside the others, never an abort that hides them.
const checks = await Promise.all(
  procedureFiles().map((file) => checkProcedureFile(relative(ROOT, file), readFileSync(file), context)),
);
const entries = checks.filter((c): c is typeof c & { data: ProcedureData } => c.data !== undefined);

describe('procedure content', () => {
  it('has procedures to check', () => {
    expect(checks.length).toBeGreaterThan(0);
  });

  it.each(checks.map((c) => [c.file, c] as const))('%s is valid', (_file, check) => {
    expect(check.report).toBe('');
  });

  it('uses each role under one spelling only: its canonical name', () => {
    const index = createRoleIndex(roles);
    const used = new Set(entries.flatMap(({ data }) => [...data.roles, ...data.steps.flatMap((s) => (s.role ? [s.role] : []))]));
    const notCanonical = [...used].filter((name) => !index.byName(name));
    expect(notCanonical).toEqual([]);
    // No two canonical names or aliases are the same written form.
    const forms = roles.flatMap((r) => [r.name, ...r.aliases]);
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('codes are unique', () => {
    expect(validateCorpus(entries)).toEqual([]);
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
