import { describe, expect, it } from 'vitest';
import { learningPathSchema, validateLearningPaths, type LearningPath } from './learning-paths';
import { createRoleIndex } from './roles';

const roles = createRoleIndex([
  { id: 'front-desk', name: '前台接待员', aliases: ['接待员'], description: '前台' },
  { id: 'bellboy', name: '行李生', aliases: [], description: '行李' },
]);
const codes = new Set(['SOP-CORP-04', 'SOP-HOTEL-01', 'SOP-HOTEL-02']);
const FILE = 'content/learning-paths.yaml';

const path = (patch: Partial<LearningPath> = {}): LearningPath =>
  learningPathSchema.parse({
    id: 'front-desk',
    title: '前台接待员',
    roles: ['前台接待员'],
    description: '前台',
    order: 1,
    items: [
      { code: 'SOP-CORP-04', why: '每天的主线' },
      { code: 'SOP-HOTEL-01', why: '团队入住' },
    ],
    ...patch,
  });

describe('learning path schema', () => {
  it('needs at least one item and well-formed codes', () => {
    expect(learningPathSchema.safeParse({ ...path(), items: [] }).success).toBe(false);
    const bad = learningPathSchema.safeParse({ ...path(), items: [{ code: 'corp-4', why: '为什么' }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toContain('SOP-大写字母-两位数字');
    expect(learningPathSchema.safeParse({ ...path(), items: [{ code: 'SOP-CORP-04', why: ' ' }] }).success).toBe(false);
  });
});

describe('validateLearningPaths', () => {
  it('accepts paths whose codes and roles exist', () => {
    expect(validateLearningPaths(FILE, [path()], { codes, roles })).toEqual([]);
  });

  it('names the file, the path, the item and the code that does not exist, with a guess', () => {
    const problems = validateLearningPaths(
      FILE,
      [path({ items: [{ code: 'SOP-CORP-04', why: 'a' }, { code: 'SOP-HOTEL-03', why: 'b' }] })],
      { codes, roles },
    );
    expect(problems).toEqual([
      'content/learning-paths.yaml: 学习路径 "front-desk"(前台接待员) 第 2 项: 流程编号 SOP-HOTEL-03 不存在。修正:改成已有流程的编号,是不是 SOP-HOTEL-01?',
    ]);
  });

  it('reports a code listed twice and a role alias', () => {
    const problems = validateLearningPaths(
      FILE,
      [
        path({
          roles: ['接待员', '保安'],
          items: [
            { code: 'SOP-CORP-04', why: 'a' },
            { code: 'SOP-CORP-04', why: 'b' },
          ],
        }),
      ],
      { codes, roles },
    );
    expect(problems).toEqual([
      'content/learning-paths.yaml: 学习路径 "front-desk"(前台接待员) 第 2 项: 流程 SOP-CORP-04 已是第 1 项。修正:每个流程在一条路径里只列一次。',
      'content/learning-paths.yaml: 学习路径 "front-desk"(前台接待员): 角色 "接待员" 是 "前台接待员" 的别名。修正:写成 "前台接待员"。',
      'content/learning-paths.yaml: 学习路径 "front-desk"(前台接待员): 角色 "保安" 不在 content/roles.yaml 中。修正:先在 roles.yaml 里加上这个角色。',
    ]);
  });

  it('reports a duplicate path id', () => {
    expect(validateLearningPaths(FILE, [path(), path()], { codes })).toEqual([
      'content/learning-paths.yaml: 学习路径 "front-desk"(前台接待员): id 重复。修正:每条路径用一个唯一的 id。',
    ]);
  });
});
