// Synthetic procedures for the build-scale benchmark: realistic in size and
// shape (15–30 steps, decisions with side paths, checklists, some variants,
// Chinese text with glossary terms), deterministic for a given seed, and
// valid under the real schema and validator.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { procedureSchema, type ProcedureInput } from '../../src/lib/procedure/schema';
import { categorySchema, glossaryTermSchema, roleSchema } from '../../src/lib/reference-schemas';
import { createRoleIndex } from '../../src/lib/roles';
import { formatIssues, validateCorpus, validateProcedure } from '../../src/lib/procedure/validate';
import { CONTENT, readYamlList } from './content-files';

export const REFERENCE_FILES = ['categories.yaml', 'roles.yaml', 'glossary.yaml', 'reception-levels.yaml'];

/** Small, fast, seedable PRNG (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

const VERBS = ['核对', '确认', '引领', '登记', '检查', '准备', '通知', '安排', '询问', '递交', '整理', '记录', '陪同', '介绍', '协助', '复核'];
const OBJECTS = [
  '客人预订信息', '来访人员名单', '会议室茶水', '房卡与押金', '客人行李', '手牌与更衣柜', '接待车辆', '就餐安排',
  '台签与样本', '访客登记表', '客人证件', '洗衣单', '账单明细', '欢迎词', '礼品与资料', '停车位', '电梯与楼层',
  '销售资料', '样板间钥匙', '客户意向', '服务项目价目表', '客房设施', '叫醒服务', '发票信息',
];
const PLACES = ['大堂', '前台', '电梯厅', '会议室', '一更', '二更', '休息大厅', '餐厅包间', '样板间', '停车场', '客房走廊'];
const QUESTIONS = [
  '客人是否有预约?', '是否为团队客人?', '证件是否齐全?', '客人是否需要洗衣?', '房间是否已清扫?',
  '是否超过接待级别标准?', '客人是否同意?', '押金是否已收取?', '是否需要陪同人员?', '客户是否满意?',
];
const SAYINGS = [
  '您好,欢迎光临,请问有什么可以帮您?', '请您稍等,我马上为您办理。', '这边请,小心台阶。', '请问您贵姓?',
  '感谢您的耐心等待。', '请您核对一下信息是否正确。', '祝您休息愉快,欢迎再次光临。', '请拿好您的手牌和随身物品。',
];
const CAUTIONS = [
  '接待过程中始终面带微笑,使用标准普通话。', '不得向无关人员透露客人的姓名和房号。', '贵重物品须提醒客人自行保管。',
  '如遇客人投诉,先致歉再报告值班经理。', '押金收据须当面交给客人并请客人核对。', '交接时须在交接本上签字。',
];

function sentence(r: Random, terms: readonly string[]): string {
  const parts = [
    `${r.pick(VERBS)}${r.pick(OBJECTS)}`,
    `在${r.pick(PLACES)}${r.pick(VERBS)}${r.pick(OBJECTS)}`,
    r.chance(0.5) ? `注意${r.pick(terms)}的要求` : `按${r.pick(terms)}的规定办理`,
  ];
  return `${parts.slice(0, r.int(2, 3)).join(',')}。`;
}

function paragraph(r: Random, terms: readonly string[], sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(r, terms)).join('');
}

interface Reference {
  categories: string[];
  roles: string[];
  terms: string[];
}

export function readReference(): Reference {
  return {
    categories: readYamlList('categories.yaml').map((c) => categorySchema.parse(c).id),
    roles: readYamlList('roles.yaml').map((r) => roleSchema.parse(r).name),
    terms: readYamlList('glossary.yaml').map((g) => glossaryTermSchema.parse(g).term),
  };
}

/** Code prefixes need letters only and the number two digits: 26 × 100 per category. */
function codeFor(category: string, index: number): string {
  const letters = category.replace(/[^a-z]/g, '').toUpperCase().slice(0, 4) || 'X';
  return `SOP-${letters}${String.fromCharCode(65 + Math.floor(index / 100))}-${String(index % 100).padStart(2, '0')}`;
}

export interface SyntheticProcedure {
  /** Path under content/procedures/, e.g. "spa/bench-0007.mdx". */
  path: string;
  data: ProcedureInput;
  body: string;
}

export function syntheticProcedure(index: number, ref: Reference, seed = 1): SyntheticProcedure {
  const r = random(seed * 100_003 + index);
  const category = ref.categories[index % ref.categories.length]!;
  const perCategory = Math.floor(index / ref.categories.length);
  const roles = [...new Set(Array.from({ length: r.int(2, 3) }, () => r.pick(ref.roles)))];
  const count = r.int(15, 30);

  // A main line with decisions; each decision's "other" branch runs through a
  // side task that rejoins the line two steps later, or ends the procedure.
  const steps: NonNullable<ProcedureInput['steps']> = [];
  const id = (i: number) => `step-${i}`;
  const last = count - 1;
  let i = 0;
  while (i < last) {
    const kind = i === 0 ? 'start' : i + 3 < last && r.chance(0.22) ? 'decision' : 'task';
    const role = r.pick(roles);
    if (kind === 'decision') {
      const side = i + 1;
      const rejoin = i + 2;
      steps.push({
        id: id(i),
        kind,
        title: r.pick(QUESTIONS),
        role,
        detail: paragraph(r, ref.terms, 1),
        branches: [
          { label: '是', to: id(rejoin) },
          { label: '否', to: id(side) },
        ],
      });
      steps.push({
        id: id(side),
        kind: 'task',
        title: `${r.pick(VERBS)}${r.pick(OBJECTS)}后再继续`,
        role,
        detail: paragraph(r, ref.terms, r.int(1, 2)),
        next: id(rejoin),
      });
      i = rejoin;
      continue;
    }
    steps.push({
      id: id(i),
      kind,
      title: `${r.pick(VERBS)}${r.pick(OBJECTS)}`,
      role,
      detail: paragraph(r, ref.terms, r.int(1, 3)),
      say: r.chance(0.4) ? [r.pick(SAYINGS)] : [],
      cautions: r.chance(0.3) ? [r.pick(CAUTIONS)] : [],
      next: id(i + 1),
    });
    i++;
  }
  steps.push({ id: id(last), kind: 'end', title: '送别客人,流程结束' });

  const checklistIds = ['before', 'after'].slice(0, r.int(1, 2));
  const checklists = checklistIds.map((cid) => ({
    id: cid,
    title: cid === 'before' ? '准备检查表' : '收尾检查表',
    items: Array.from({ length: r.int(4, 8) }, (_, n) => ({
      id: `item-${n}`,
      text: `${r.pick(VERBS)}${r.pick(OBJECTS)}`,
      ...(n > 0 && r.chance(0.15) ? { when: `item-${n - 1}` } : {}),
    })),
  }));

  // One procedure in ten has two variants that retitle a step: two charts.
  const retitled = steps.find((s) => s.kind === 'task')!;
  const variants =
    index % 10 === 3
      ? [
          { id: 'male', label: '男宾部', overrides: [] },
          { id: 'female', label: '女宾部', overrides: [{ step: retitled.id, title: `${retitled.title}(女宾部)` }] },
        ]
      : [];

  const data: ProcedureInput = {
    code: codeFor(category, perCategory),
    title: `${r.pick(OBJECTS)}${r.pick(['服务流程', '接待程序', '操作规范', '办理流程'])}(样例 ${index + 1})`,
    category,
    order: perCategory + 100,
    department: r.pick(['前厅部', '销售部', '客房部', '综合部', '休闲部']),
    roles,
    summary: paragraph(r, ref.terms, 2),
    status: r.chance(0.1) ? '草稿' : '正式',
    version: '1.0',
    reviewed: '2026-11-27',
    source: '基准测试生成的样例流程',
    flags: r.chance(0.3) ? [{ kind: '待确认', text: paragraph(r, ref.terms, 1), step: id(1) }] : [],
    steps,
    checklists,
    variants,
    changelog: [{ version: '1.0', date: '2026-11-27', changes: '生成。' }],
  };
  const body = [
    '## 适用范围',
    '',
    paragraph(r, ref.terms, r.int(2, 4)),
    '',
    '## 要点',
    '',
    ...Array.from({ length: r.int(3, 6) }, (_, n) => `${n + 1}. ${sentence(r, ref.terms)}`),
    '',
    `<Checklist id="${checklistIds[0]}" />`,
    '',
  ].join('\n');
  const slug = `bench-${String(index).padStart(4, '0')}`;
  return { path: `${category}/${slug}.mdx`, data, body };
}

export function syntheticCorpus(count: number, seed = 1, ref = readReference()): SyntheticProcedure[] {
  return Array.from({ length: count }, (_, index) => syntheticProcedure(index, ref, seed));
}

/** Throws with the validator's own messages when a procedure is invalid. */
export function validateSynthetic(procedures: readonly SyntheticProcedure[]): void {
  const roles = createRoleIndex(readYamlList('roles.yaml').map((r) => roleSchema.parse(r)));
  const categories = new Set(readReference().categories);
  const problems: string[] = [];
  const parsed = procedures.map((p) => ({ file: p.path, data: procedureSchema.parse(p.data) }));
  for (const { file, data } of parsed) {
    const issues = validateProcedure(data, { roles, categories });
    if (issues.length > 0) problems.push(formatIssues(file, issues));
  }
  problems.push(...validateCorpus(parsed));
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

export function toMdx(p: SyntheticProcedure): string {
  return `---\n${yaml.dump(p.data, { lineWidth: -1, flowLevel: 4 })}---\n\n${p.body}`;
}

/** Writes a whole content folder: the real reference YAML plus the procedures. */
export function writeCorpus(dir: string, procedures: readonly SyntheticProcedure[]): void {
  for (const name of REFERENCE_FILES) cpSync(join(CONTENT, name), join(dir, name));
  for (const p of procedures) {
    const file = join(dir, 'procedures', p.path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, toMdx(p));
  }
}
