// Graph and cross-reference checks the zod schema cannot express. Each issue
// names the step it is about and says how to fix it.
import type { ProcedureData, Step } from './schema';
import type { RoleIndex } from '../roles';
import { nearest } from '../nearest';
import { latestChange } from '../changelog';
import { reachable, targetsOf } from './graph';

/**
 * Mermaid refuses a chart with more edges than its maxEdges setting (500 by
 * default, which chart-config.ts leaves as it is): stop at content check instead,
 * with the file, the count and the fix, rather than in the chart renderer.
 */
export const MAX_CHART_EDGES = 500;
import { resolutionIssues } from '../open-notes';
import { reviewIssues } from '../review';

export interface ValidationIssue {
  /** The step the issue is about, when there is one. */
  step?: string;
  message: string;
}

export interface ValidationContext {
  roles?: RoleIndex;
  categories?: ReadonlySet<string>;
}

type StepLike = Pick<Step, 'id' | 'kind' | 'next' | 'branches'>;

function unknownTarget(field: string, target: string, ids: Set<string>): string {
  const guess = nearest(target, ids);
  const hint = guess ? `是不是 "${guess}"?` : `已有的步骤:${[...ids].join('、')}。`;
  return `${field}指向不存在的步骤 "${target}"。修正:改成一个已有的步骤 id,${hint}`;
}

function checkShape(step: StepLike, issues: ValidationIssue[]): void {
  const at = { step: step.id };
  const hasNext = step.next !== undefined;
  const hasBranches = step.branches.length > 0;
  switch (step.kind) {
    case 'decision': {
      if (hasNext) {
        issues.push({ ...at, message: '判断步骤不能用 next。修正:去掉 next,把每条出路写成带标签的 branches。' });
      }
      if (step.branches.length < 2) {
        issues.push({
          ...at,
          message: `判断步骤只有 ${step.branches.length} 个分支。修正:判断至少要有两个带标签的分支(例如 是 / 否);只有一条出路就改为 kind: task 并用 next。`,
        });
      }
      const seen = new Set<string>();
      step.branches.forEach((branch, index) => {
        const label = branch.label.trim();
        if (!label) {
          issues.push({
            ...at,
            message: `第 ${index + 1} 个分支(→ "${branch.to}")没有标签。修正:给它写上 label,例如 是 / 否。`,
          });
        } else if (seen.has(label)) {
          issues.push({ ...at, message: `分支标签 "${label}" 重复。修正:每个分支用不同的标签。` });
        }
        seen.add(label);
      });
      break;
    }
    case 'end':
      if (hasNext || hasBranches) {
        issues.push({ ...at, message: '结束步骤不能有 next 或 branches。修正:删去它们,或把 kind 改为 task。' });
      }
      break;
    default:
      if (hasBranches) {
        issues.push({
          ...at,
          message: `${step.kind} 步骤不能有 branches。修正:改为 kind: decision,或只保留 next。`,
        });
      }
      if (!hasNext) {
        issues.push({ ...at, message: '缺少 next。修正:写明下一步的 id,或把它改为 kind: end。' });
      }
  }
}

export function validateSteps(steps: readonly StepLike[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const ids = new Set<string>();
  const firstIndex = new Map<string, number>();
  steps.forEach((step, index) => {
    if (ids.has(step.id)) {
      issues.push({
        step: step.id,
        message: `步骤 id 重复(第 ${firstIndex.get(step.id)! + 1} 个和第 ${index + 1} 个步骤)。修正:给其中一个换一个唯一的 id。`,
      });
    } else {
      firstIndex.set(step.id, index);
    }
    ids.add(step.id);
  });

  const edgeCount = steps.reduce((n, step) => n + targetsOf(step).length, 0);
  if (edgeCount > MAX_CHART_EDGES) {
    issues.push({
      message: `流程图有 ${edgeCount} 条连线(next 和分支),超过上限 ${MAX_CHART_EDGES} 条,画不出来。修正:把流程拆成几个流程(每个流程一张图),或合并相近的步骤和分支。`,
    });
  }

  const starts = steps.filter((s) => s.kind === 'start');
  if (starts.length === 0) {
    issues.push({ message: '没有开始步骤。修正:把流程的第一个步骤设为 kind: start。' });
  } else if (starts.length > 1) {
    issues.push({
      step: starts[1]!.id,
      message: `有 ${starts.length} 个开始步骤(${starts.map((s) => s.id).join('、')})。修正:只保留一个 kind: start,其余改为 task。`,
    });
  }
  if (!steps.some((s) => s.kind === 'end')) {
    issues.push({ message: '没有结束步骤。修正:至少加一个 kind: end 的步骤。' });
  }

  const edges = new Map<string, string[]>();
  const reverse = new Map<string, string[]>();
  const broken = new Set<string>();
  for (const step of steps) {
    checkShape(step, issues);
    const known: string[] = [];
    if (step.next !== undefined && !ids.has(step.next)) {
      issues.push({ step: step.id, message: unknownTarget('next ', step.next, ids) });
      broken.add(step.id);
    }
    step.branches.forEach((branch) => {
      if (!ids.has(branch.to)) {
        issues.push({ step: step.id, message: unknownTarget(`分支 "${branch.label}" `, branch.to, ids) });
        broken.add(step.id);
      }
    });
    for (const target of targetsOf(step)) {
      if (target === step.id) {
        issues.push({ step: step.id, message: '步骤指向了它自己。修正:让 next 或分支指向另一个步骤。' });
      }
      if (ids.has(target)) known.push(target);
    }
    edges.set(step.id, [...(edges.get(step.id) ?? []), ...known]);
    for (const target of known) reverse.set(target, [...(reverse.get(target) ?? []), step.id]);
  }

  // Reachability only makes sense with a single start and every target known;
  // otherwise it would repeat the same mistake as a cascade of other issues.
  if (broken.size > 0) return issues;
  if (starts.length === 1) {
    const reached = reachable([starts[0]!.id], (id) => edges.get(id) ?? []);
    for (const step of steps) {
      if (!reached.has(step.id)) {
        issues.push({
          step: step.id,
          message: '从开始步骤走不到这个步骤。修正:让某个步骤的 next 或分支指向它,或者删掉它。',
        });
      }
    }
  }
  const ends = steps.filter((s) => s.kind === 'end').map((s) => s.id);
  if (ends.length > 0) {
    const canFinish = reachable(ends, (id) => reverse.get(id) ?? []);
    for (const step of steps) {
      if (!canFinish.has(step.id)) {
        issues.push({
          step: step.id,
          message: '从这个步骤出发永远到不了结束步骤(死路或死循环)。修正:让这条路最终指向一个 kind: end 的步骤。',
        });
      }
    }
  }
  return issues;
}

/** References to roles, categories, checklists, flags and variants. */
function validateReferences(procedure: ProcedureData, context: ValidationContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stepIds = new Set(procedure.steps.map((s) => s.id));

  if (context.categories && !context.categories.has(procedure.category)) {
    const guess = nearest(procedure.category, context.categories);
    issues.push({
      message: `分类 "${procedure.category}" 不存在。修正:改成 content/categories.yaml 里的 id${guess ? `,是不是 "${guess}"?` : `:${[...context.categories].join('、')}。`}`,
    });
  }

  const roleIndex = context.roles;
  /** Reports a role name that is not a canonical one; false when it did. */
  const checkRole = (name: string, where: string, step?: string): boolean => {
    if (!roleIndex || roleIndex.byName(name)) return true;
    const owner = roleIndex.byAlias(name);
    const guess = owner?.name ?? nearest(name, roleIndex.names());
    issues.push({
      ...(step ? { step } : {}),
      message: owner
        ? `${where}角色 "${name}" 是 "${owner.name}" 的别名。修正:写成 "${owner.name}"。`
        : guess
          ? `${where}角色 "${name}" 拼写有误。修正:改成 "${guess}"。`
          : `${where}角色 "${name}" 不在 content/roles.yaml 中。修正:改成 roles.yaml 里已有的角色(${roleIndex.names().join('、')}),或确是新角色时先在 roles.yaml 里加上它。`,
    });
    return false;
  };
  procedure.roles.forEach((name) => checkRole(name, 'roles 中的'));
  const listed = new Set(procedure.roles);
  for (const step of procedure.steps) {
    if (step.role === undefined) continue;
    // A misspelt or alias role gets one message, with the right name; "add it to roles" would repeat the typo.
    if (!checkRole(step.role, '', step.id)) continue;
    if (!listed.has(step.role)) {
      issues.push({ step: step.id, message: `角色 "${step.role}" 没有列在 roles 里。修正:把它加进 roles。` });
    }
  }

  const standing = new Set<string>();
  for (const { role } of procedure.standingRoles?.roles ?? []) {
    checkRole(role, 'standingRoles 中的');
    if (!listed.has(role)) {
      issues.push({ message: `standingRoles 中的角色 "${role}" 没有列在 roles 里。修正:把它加进 roles。` });
    }
    if (standing.has(role)) {
      issues.push({ message: `standingRoles 中的角色 "${role}" 写了两次。修正:把它的职责合成一条。` });
    }
    standing.add(role);
  }

  const checklistIds = new Set<string>();
  for (const checklist of procedure.checklists) {
    if (checklistIds.has(checklist.id)) {
      issues.push({ message: `检查表 id "${checklist.id}" 重复。修正:换一个唯一的 id。` });
    }
    checklistIds.add(checklist.id);
    const earlier = new Set<string>();
    for (const item of checklist.items) {
      if (earlier.has(item.id)) {
        issues.push({ message: `检查表 "${checklist.id}" 的条目 id "${item.id}" 重复。修正:换一个唯一的 id。` });
      }
      if (item.when !== undefined && !earlier.has(item.when)) {
        issues.push({
          message: `检查表 "${checklist.id}" 的条目 "${item.id}" 的 when 指向 "${item.when}",它不是前面的条目。修正:when 只能指向同一检查表里排在前面的条目 id。`,
        });
      }
      earlier.add(item.id);
    }
  }
  for (const step of procedure.steps) {
    if (step.checklist !== undefined && !checklistIds.has(step.checklist)) {
      const guess = nearest(step.checklist, checklistIds);
      issues.push({
        step: step.id,
        message: `checklist 指向不存在的检查表 "${step.checklist}"。修正:${guess ? `是不是 "${guess}"?` : '在 checklists 里加上它,或删去这一行。'}`,
      });
    }
  }
  for (const flag of procedure.flags) {
    if (flag.step !== undefined && !stepIds.has(flag.step)) {
      issues.push({ message: `标注(${flag.kind})指向不存在的步骤 "${flag.step}"。修正:改成已有的步骤 id。` });
    }
  }
  const variantIds = new Set<string>();
  for (const variant of procedure.variants) {
    if (variantIds.has(variant.id)) {
      issues.push({ message: `版本 id "${variant.id}" 重复。修正:换一个唯一的 id。` });
    }
    variantIds.add(variant.id);
    for (const override of variant.overrides) {
      if (!stepIds.has(override.step)) {
        issues.push({
          message: `版本 "${variant.label}" 改写了不存在的步骤 "${override.step}"。修正:改成已有的步骤 id。`,
        });
      }
    }
  }
  const latest = latestChange(procedure);
  if (latest && latest.version !== procedure.version) {
    const listedVersion = procedure.changelog.some((c) => c.version === procedure.version);
    issues.push({
      message: listedVersion
        ? `version 是 "${procedure.version}",但 changelog 里日期最新的一条是 "${latest.version}"。修正:把 "${procedure.version}" 那一条的 date 改成它发布的日期,或把 version 改成 "${latest.version}"。`
        : `version 是 "${procedure.version}",但 changelog 里没有这个版本(最新一条是 "${latest.version}")。修正:在 changelog 里加一条 { version: "${procedure.version}", date: 发布日期, changes: 改了什么 },或把 version 改回 "${latest.version}"。`,
    });
  }
  if (procedure.variants.length === 1) {
    issues.push({ message: '只有一个版本。修正:版本(variants)至少要有两个,否则删去 variants。' });
  }
  return issues;
}

export function validateProcedure(procedure: ProcedureData, context: ValidationContext = {}): ValidationIssue[] {
  return [
    ...validateSteps(procedure.steps),
    ...validateReferences(procedure, context),
    ...resolutionIssues(procedure),
    ...reviewIssues(procedure).map((message) => ({ message })),
  ];
}

/** One readable block per file, one line per issue. */
export function formatIssues(file: string, issues: readonly ValidationIssue[]): string {
  const lines = issues.map((issue) => `  - ${issue.step ? `步骤 "${issue.step}": ` : ''}${issue.message}`);
  return `${file}: ${issues.length} 处问题\n${lines.join('\n')}`;
}

/** Checks across procedures: codes are the handbook's stable identifiers. */
export function validateCorpus(entries: ReadonlyArray<{ file: string; data: Pick<ProcedureData, 'code'> }>): string[] {
  const byCode = new Map<string, string>();
  const problems: string[] = [];
  for (const { file, data } of entries) {
    const other = byCode.get(data.code);
    if (other) {
      problems.push(`${file}: 编号 ${data.code} 已被 ${other} 使用。修正:每个流程用一个唯一的编号。`);
    } else {
      byCode.set(data.code, file);
    }
  }
  return problems;
}
