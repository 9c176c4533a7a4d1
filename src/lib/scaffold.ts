// `npm run new`: a new procedure file from a category and a title, with a
// valid start and end, a placeholder step and a first change-log entry.
// No runtime imports, so scripts/new-procedure.ts runs it under plain Node.

export interface ScaffoldInput {
  category: string;
  title: string;
  /** File name without .mdx; derived from the code when left out. */
  slug?: string;
  /** The procedures already there. */
  existing: readonly { id: string; category: string; code: string; department: string; roles: readonly string[] }[];
  categories: readonly { id: string; name: string }[];
  /** Canonical role names (content/roles.yaml), in file order. */
  roles: readonly string[];
  today: Date;
}

export interface Scaffold {
  /** Path under the content folder. */
  path: string;
  code: string;
  text: string;
}

const mostCommon = (values: readonly string[]): string | undefined => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
};

export function scaffoldProcedure(input: ScaffoldInput): Scaffold {
  const title = input.title.trim();
  if (!input.categories.some((c) => c.id === input.category)) {
    throw new Error(
      `分类 "${input.category}" 不存在。修正:用 content/categories.yaml 里的一个 id:${input.categories.map((c) => `${c.id}(${c.name})`).join('、')}。`,
    );
  }
  if (!title) throw new Error('缺少标题。修正:npm run new -- <分类> <标题>,例如 npm run new -- hotel 退房结账');

  const siblings = input.existing.filter((p) => p.category === input.category);
  const prefix =
    mostCommon(siblings.map((p) => /^(SOP-[A-Z]+)-\d{2}$/.exec(p.code)?.[1] ?? '').filter(Boolean)) ??
    `SOP-${input.category.toUpperCase().replace(/[^A-Z]/g, '')}`;
  const taken = input.existing.filter((p) => p.code.startsWith(`${prefix}-`)).map((p) => Number(p.code.slice(prefix.length + 1)));
  const number = Math.max(0, ...taken) + 1;
  if (number > 99) throw new Error(`编号 ${prefix}-01…99 已用完。修正:在 content/categories.yaml 新建一个分类。`);
  const code = `${prefix}-${String(number).padStart(2, '0')}`;

  const slug = input.slug?.trim() || `${prefix.slice(4).toLowerCase()}-${String(number).padStart(2, '0')}`;
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new Error(`文件名 "${slug}" 不合规。修正:只用小写英文字母、数字和连字符,例如 check-out。`);
  }
  if (input.existing.some((p) => p.id === `${input.category}/${slug}`)) {
    throw new Error(`content/procedures/${input.category}/${slug}.mdx 已存在。修正:换一个文件名(第三个参数)。`);
  }
  const role = mostCommon(siblings.flatMap((p) => p.roles)) ?? input.roles[0];
  if (!role) throw new Error('content/roles.yaml 里没有角色。修正:先加一个角色。');
  const department = mostCommon(siblings.map((p) => p.department)) ?? '待填写';
  const day = input.today.toISOString().slice(0, 10);
  const q = (s: string) => JSON.stringify(s);

  const text = `---
code: ${code}
title: ${q(title)}
category: ${input.category}
order: ${siblings.length + 1}
department: ${q(department)}
roles: [${q(role)}]
summary: 待填写:一两句话说明这个流程做什么、什么时候用。
status: 草稿
version: "0.1"
reviewed: ${day}
reviewEveryMonths: 12
source: 待填写:原文出处。
draftNote: 新建的草稿,步骤待按原文填写。
steps:
  # 每一步:id(小写英文和连字符)、kind(start / task / decision / end)、title、role。
  # 下一步就是列表里的下一个时不用写 next;判断步骤写 branches(label → to)。
  - id: begin
    kind: start
    title: 待填写:流程从什么开始
    role: ${q(role)}
    template: true
  - id: first-task
    kind: task
    title: 待填写:第一步做什么
    role: ${q(role)}
    template: true
  - id: done
    kind: end
    title: 结束
changelog:
  - { version: "0.1", date: ${day}, changes: 新建草稿。 }
---

## 说明

待填写。
`;
  return { path: `procedures/${input.category}/${slug}.mdx`, code, text };
}
