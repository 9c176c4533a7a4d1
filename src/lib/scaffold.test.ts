import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { scaffoldProcedure, type ScaffoldInput } from './scaffold';
import { procedureSchema } from './procedure/schema';
import { validateProcedure } from './procedure/validate';
import { createRoleIndex } from './roles';
import { roleSchema, categorySchema } from './reference-schemas';
import { readYamlList } from '../../tests/helpers/content-files';
import { loadProcedures } from '../../tests/helpers/procedures';
import { DRAFT_STATUS } from './procedure/status';

const roles = readYamlList('roles.yaml').map((r) => roleSchema.parse(r));
const categories = readYamlList('categories.yaml').map((c) => categorySchema.parse(c));
const existing = loadProcedures().map(({ id, data }) => ({ id, category: data.category, code: data.code, department: data.department, roles: data.roles }));
const input = (patch: Partial<ScaffoldInput> = {}): ScaffoldInput => ({
  category: 'hotel',
  title: '退房结账',
  existing,
  categories,
  roles: roles.map((r) => r.name),
  today: new Date('2026-12-01T00:00:00Z'),
  ...patch,
});

describe('scaffoldProcedure', () => {
  it('writes a procedure that parses and passes every content check', () => {
    const made = scaffoldProcedure(input());
    const frontmatter = yaml.load(/^---\n([\s\S]*?)\n---/.exec(made.text)![1]!);
    const data = procedureSchema.parse(frontmatter);
    expect(validateProcedure(data, { roles: createRoleIndex(roles), categories: new Set(categories.map((c) => c.id)) })).toEqual([]);
    expect(data.title).toBe('退房结账');
    expect(data.status).toBe(DRAFT_STATUS);
    expect(data.steps.map((s) => [s.kind, s.next])).toEqual([
      ['start', 'first-task'],
      ['task', 'done'],
      ['end', undefined],
    ]);
    expect(data.changelog).toEqual([{ version: '0.1', date: new Date('2026-12-01T00:00:00Z'), changes: '新建草稿。' }]);
    expect(data.version).toBe('0.1');
  });

  it("takes the category's next free code, its usual department and role", () => {
    const hotel = existing.filter((p) => p.category === 'hotel');
    const highest = Math.max(...hotel.map((p) => Number(p.code.slice(-2))));
    const made = scaffoldProcedure(input());
    expect(made.code).toBe(`SOP-HOTEL-${String(highest + 1).padStart(2, '0')}`);
    expect(made.path).toBe(`procedures/hotel/hotel-${String(highest + 1).padStart(2, '0')}.mdx`);
    expect(scaffoldProcedure(input({ slug: 'check-out' })).path).toBe('procedures/hotel/check-out.mdx');
    expect(made.text).toContain(`department: "${hotel[0]!.department}"`);
  });

  it('says how to fix an unknown category, a bad slug or an empty title', () => {
    expect(() => scaffoldProcedure(input({ category: 'hotels' }))).toThrow(/分类 "hotels" 不存在。修正:用 content\/categories.yaml 里的一个 id:corporate/);
    expect(() => scaffoldProcedure(input({ slug: 'Check Out' }))).toThrow(/不合规。修正/);
    expect(() => scaffoldProcedure(input({ title: ' ' }))).toThrow(/缺少标题。修正/);
    const taken = existing.find((p) => p.category === 'hotel')!.id.split('/')[1]!;
    expect(() => scaffoldProcedure(input({ slug: taken }))).toThrow(/已存在。修正/);
  });
});
