// Learning paths: for each job, the procedures a new hire reads in order, each
// with a short why. Defined in content/learning-paths.yaml; every code and
// role must exist, or the build stops naming the file, the path and the fix.
import { z } from 'astro/zod';
import type { RoleIndex } from './roles';
import { nearest } from './nearest';

const nonEmpty = z.string().trim().min(1, '不能为空');

export const learningPathItemSchema = z.object({
  /** Procedure code (SOP-XXX-00): codes are the handbook's stable identifiers. */
  code: z.string().regex(/^SOP-[A-Z]+-\d{2}$/, '编号格式应为 SOP-大写字母-两位数字,例如 SOP-HOTEL-02'),
  /** One or two sentences: why this procedure, at this point of the path. */
  why: nonEmpty,
});

export const learningPathSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, '只能用小写字母、数字和连字符'),
  /** The job as staff say it: 前台接待员, 销售人员 / 业务员 … */
  title: nonEmpty,
  /** Canonical role names from content/roles.yaml this path trains. */
  roles: z.array(nonEmpty).default([]),
  description: nonEmpty,
  order: z.number().int(),
  items: z.array(learningPathItemSchema).min(1, '学习路径至少要有一个流程'),
});

export type LearningPathItem = z.infer<typeof learningPathItemSchema>;
export type LearningPath = z.infer<typeof learningPathSchema>;

export interface LearningPathContext {
  codes: ReadonlySet<string>;
  roles?: RoleIndex;
}

/** One line per problem, each naming the file, the path, the item and the fix. */
export function validateLearningPaths(
  file: string,
  paths: readonly LearningPath[],
  context: LearningPathContext,
): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const path of paths) {
    const where = `${file}: 学习路径 "${path.id}"(${path.title})`;
    if (ids.has(path.id)) problems.push(`${where}: id 重复。修正:每条路径用一个唯一的 id。`);
    ids.add(path.id);
    const seen = new Map<string, number>();
    path.items.forEach((item, index) => {
      const at = `${where} 第 ${index + 1} 项`;
      if (!context.codes.has(item.code)) {
        const guess = nearest(item.code, context.codes);
        problems.push(
          `${at}: 流程编号 ${item.code} 不存在。修正:改成已有流程的编号${guess ? `,是不是 ${guess}?` : '。'}`,
        );
      }
      const earlier = seen.get(item.code);
      if (earlier !== undefined) {
        problems.push(`${at}: 流程 ${item.code} 已是第 ${earlier + 1} 项。修正:每个流程在一条路径里只列一次。`);
      } else {
        seen.set(item.code, index);
      }
    });
    const roleIndex = context.roles;
    for (const name of path.roles) {
      if (!roleIndex || roleIndex.byName(name)) continue;
      const owner = roleIndex.byAlias(name);
      const guess = owner?.name ?? nearest(name, roleIndex.names());
      problems.push(
        owner
          ? `${where}: 角色 "${name}" 是 "${owner.name}" 的别名。修正:写成 "${owner.name}"。`
          : `${where}: 角色 "${name}" 不在 content/roles.yaml 中。修正:${guess ? `是不是 "${guess}"?` : '先在 roles.yaml 里加上这个角色。'}`,
      );
    }
  }
  return problems;
}
