// Schema (zod) errors in the words of the rest of the content check: in
// Chinese, a step named by its id rather than its array index, and a fix.
// Used by the build (src/data/handbook.ts) and by `npm run check:content`.
import type { ValidationIssue } from './validate';
import { editDistance, nearest } from '../nearest';
import { procedureSchema, type ProcedureData } from './schema';

/** The part of a zod issue read here (zod 4). */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: string;
  values?: readonly unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
}

const FIELD_NAMES: Record<string, string> = {
  code: '编号',
  title: '标题',
  category: '分类',
  order: '排序',
  department: '部门',
  roles: '角色列表',
  role: '角色',
  summary: '摘要',
  status: '状态',
  version: '版本',
  reviewed: '审核日期',
  source: '来源说明',
  draftNote: '草稿说明',
  corrections: '更正记录',
  flags: '标注',
  steps: '步骤',
  checklists: '检查表',
  variants: '版本差异',
  changelog: '更新记录',
  id: 'id',
  kind: '类型',
  detail: '说明',
  say: '话术',
  cautions: '注意事项',
  next: '下一步',
  branches: '分支',
  label: '分支标签',
  to: '分支去向',
  checklist: '检查表',
  template: '模板标记',
  from: '原文',
  text: '文字',
  items: '条目',
  when: '条件',
  overrides: '改写',
  step: '步骤',
  date: '日期',
  changes: '变更内容',
  note: '备注',
};

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表(每项以 - 开头)',
  object: '带字段的一项',
  date: '日期(例如 2026-11-27)',
};

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function typeOf(value: unknown): string {
  if (value === null) return '空值';
  if (Array.isArray(value)) return '列表';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '无效日期' : '日期';
  if (typeof value === 'string') return `文字 "${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`;
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (isObject(value)) return '带字段的一项';
  return typeof value;
}

function at(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = isObject(value) || Array.isArray(value) ? (value as any)[key as any] : undefined;
  return value;
}

/** "steps.3.branches.1.label" → where: 'branches 第 2 项的 label', step: the step's id. */
function describePath(data: unknown, path: readonly PropertyKey[]): { step?: string; where: string; key: string } {
  let step: string | undefined;
  const parts: string[] = [];
  let rest = path;
  if (path[0] === 'steps' && typeof path[1] === 'number') {
    const id = at(data, ['steps', path[1], 'id']);
    if (typeof id === 'string' && id.trim() !== '') step = id;
    else parts.push(`第 ${path[1] + 1} 个步骤(没有 id)`);
    rest = path.slice(2);
  }
  let parent: unknown[] = path.slice(0, path.length - rest.length) as unknown[];
  for (const key of rest) {
    if (typeof key === 'number') {
      const item = at(data, [...(parent as PropertyKey[]), key]);
      const id = isObject(item) && typeof item.id === 'string' ? item.id : undefined;
      parts.push(id ? `"${id}"` : `第 ${key + 1} 项`);
    } else {
      const name = FIELD_NAMES[String(key)];
      parts.push(name && name !== String(key) ? `${String(key)}(${name})` : String(key));
    }
    parent = [...parent, key];
  }
  const last = [...rest].reverse().find((k) => typeof k === 'string');
  return { ...(step ? { step } : {}), where: parts.join(' 的 ') || '文件开头的 frontmatter', key: String(last ?? '') };
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);
const own = (message: string) => message.replace(/[。.]$/, '');

function messageFor(issue: SchemaIssue, data: unknown, where: string, key: string): string {
  const value = at(data, issue.path);
  const parent = at(data, issue.path.slice(0, -1));
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) {
        // A misspelt key ("tilte") leaves the real one missing.
        const typo = isObject(parent)
          ? Object.keys(parent).find((k) => k !== key && editDistance(k, key) <= Math.max(1, Math.ceil(key.length / 3)))
          : undefined;
        return typo
          ? `缺少 ${where}。修正:"${typo}" 是不是 "${key}" 的拼写错误?改成 ${key}。`
          : `缺少 ${where}。修正:写上 ${key}: …${issue.expected && TYPE_NAMES[issue.expected] ? `(${TYPE_NAMES[issue.expected]})` : ''}。`;
      }
      const expected = TYPE_NAMES[issue.expected ?? ''] ?? issue.expected;
      return `${where} 应为${expected},现在是${typeOf(value)}。修正:改成${expected}。`;
    }
    case 'invalid_value': {
      const values = (issue.values ?? []).map(String);
      const guess = typeof value === 'string' ? nearest(value, values) : undefined;
      return `${where} 只能是 ${values.join(' / ')},现在是${typeOf(value)}。修正:${guess ? `是不是 "${guess}"?` : '改成其中之一。'}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (typeof value === 'string') {
        return `${where} 太长:${value.length} 个字,上限 ${max} 个字。修正:缩短到 ${max} 个字以内,细节写进 detail(说明)或正文。`;
      }
      if (Array.isArray(value)) {
        return `${where} 有 ${value.length} 项,上限 ${max} 项。修正:${key === 'steps' ? '把流程拆成几个流程,或合并相近的步骤' : `减少到 ${max} 项以内`}。`;
      }
      return `${where} 太大(上限 ${max})。修正:改小一些。`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (typeof value === 'string') return `${where} 不能为空。修正:写上内容,或删去这一行。`;
      if (Array.isArray(value)) {
        return `${where} 至少要有 ${min} 项,现在有 ${value.length} 项。${hasChinese(issue.message) ? `(${own(issue.message)})` : ''}修正:补足到 ${min} 项。`;
      }
      return `${where} 太小(下限 ${min})。修正:改大一些。`;
    }
    case 'invalid_format':
      return `${where} 格式不对,现在是${typeOf(value)}。修正:${hasChinese(issue.message) ? own(issue.message) : '按说明改正'}。`;
    default:
      return `${where}:${hasChinese(issue.message) ? own(issue.message) : '不符合要求'}。修正:对照 src/lib/procedure/schema.ts 改正。`;
  }
}

/** Zod issues of one file's frontmatter → issues naming the step by id, each with a fix. */
export function schemaIssues(data: unknown, issues: readonly SchemaIssue[]): ValidationIssue[] {
  return issues.map((issue) => {
    const { step, where, key } = describePath(data, issue.path);
    return { ...(step ? { step } : {}), message: messageFor(issue, data, where, key) };
  });
}

/** Frontmatter → procedure data, or the schema's issues in the content check's words. */
export function parseProcedure(data: unknown): { ok: true; data: ProcedureData } | { ok: false; issues: ValidationIssue[] } {
  const parsed = procedureSchema.safeParse(data);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, issues: schemaIssues(data, parsed.error.issues) };
}
