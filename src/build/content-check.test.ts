// What a content author sees for each kind of mistake: one clear message
// naming the file, the step (by id) where there is one, and the fix.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkContentDir, checkProcedureFile } from './content-check';
import { roleSchema, categorySchema } from '../lib/reference-schemas';
import { createRoleIndex } from '../lib/roles';
import { LIMITS } from '../lib/procedure/schema';
import { MAX_CHART_EDGES } from '../lib/procedure/validate';
import { CONTENT, ROOT, readYamlList } from '../../tests/helpers/content-files';

const context = {
  roles: createRoleIndex(readYamlList('roles.yaml').map((r) => roleSchema.parse(r))),
  categories: new Set(readYamlList('categories.yaml').map((c) => categorySchema.parse(c).id)),
};
const FILE = 'content/procedures/corporate/example.mdx';
const valid = readFileSync(join(ROOT, 'tests/fixtures/procedures/small-valid.mdx'), 'utf8');
const [, frontText, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(valid)!;
const front = () => yaml.load(frontText!) as Record<string, any>;
const mdx = (data: Record<string, unknown>, prose = body!) => `---\n${yaml.dump(data)}---\n${prose}`;
const check = (text: string | Uint8Array) =>
  checkProcedureFile(FILE, typeof text === 'string' ? new TextEncoder().encode(text) : text, context);

describe('check:content messages', () => {
  it('passes the valid fixture', async () => {
    expect((await check(valid)).report).toBe('');
  });

  it('names a missing step field by step id, in Chinese, with a fix, and no stray **', async () => {
    const data = front();
    delete data.steps[3].title;
    const { report, issues } = await check(mdx(data));
    expect(issues).toEqual([{ step: 'lead-guest', message: expect.stringContaining('缺少 title(标题)') }]);
    expect(report).toContain(FILE);
    expect(report).toContain('步骤 "lead-guest"');
    expect(report).toContain('修正:');
    expect(report).not.toMatch(/steps\.\d|\*\*|Required|Invalid input/);
  });

  it('points out a misspelt field name', async () => {
    const data = front();
    data.steps[1].tilte = data.steps[1].title;
    delete data.steps[1].title;
    expect((await check(mdx(data))).issues[0]!.message).toContain('"tilte" 是不是 "title" 的拼写错误');
  });

  it('suggests the right value for a wrong enum, by step id', async () => {
    const data = front();
    data.steps[2].kind = 'tsak';
    expect((await check(mdx(data))).issues).toEqual([
      { step: 'register', message: expect.stringMatching(/kind\(类型\) 只能是 start \/ task \/ decision \/ end.*修正:是不是 "task"/) },
    ]);
  });

  it('gives a YAML syntax error the file and the line of the file it is on', async () => {
    const lines = valid.split('\n');
    const broken = lines.findIndex((l) => l.startsWith('summary:'));
    lines[broken] = 'summary: [未闭合的列表';
    const { report } = await check(lines.join('\n'));
    expect(report).toContain(FILE);
    expect(report).toMatch(/YAML 写法有误\(第 (\d+) 行/);
    const line = Number(/第 (\d+) 行/.exec(report)![1]);
    // js-yaml reports where it noticed the problem: the broken line or the one after it, never before.
    expect(line === broken + 1 || line === broken + 2).toBe(true);
    expect(report).toContain('修正:');
  });

  it('reports the exact line of a bad indentation', async () => {
    const lines = valid.split('\n');
    const at = lines.findIndex((l) => l.startsWith('department:'));
    lines[at] = '   department: 测试部';
    const { report } = await check(lines.join('\n'));
    expect(report).toContain(`第 ${at + 1} 行`);
  });

  it('says a GBK file is not UTF-8 and how to fix it, instead of enum errors', async () => {
    // "status: 正式" and a title in GBK bytes.
    const gbk = Buffer.concat([
      Buffer.from('---\ncode: SOP-TEST-02\ntitle: '),
      Buffer.from([0xd0, 0xa1, 0xc1, 0xf7, 0xb3, 0xcc]), // 小流程
      Buffer.from('\nstatus: '),
      Buffer.from([0xd5, 0xfd, 0xca, 0xbd]), // 正式
      Buffer.from('\n---\n'),
    ]);
    const { issues, report } = await check(gbk);
    expect(issues).toHaveLength(1);
    expect(report).toContain('不是 UTF-8 编码');
    expect(report).toContain('GBK');
    expect(report).toContain('修正:');
    expect(report).not.toContain('只能是');
  });

  it('reports an empty file as one error', async () => {
    const { issues } = await check('');
    expect(issues).toEqual([{ message: expect.stringContaining('文件是空的') }]);
    expect((await check('\n  \n')).issues).toHaveLength(1);
  });

  it('suggests only the right role for a typo, without "add it to roles"', async () => {
    const data = front();
    data.steps[2].role = '前台接待';
    const { issues } = await check(mdx(data));
    expect(issues).toEqual([{ step: 'register', message: '角色 "前台接待" 拼写有误。修正:改成 "前台接待员"。' }]);
  });

  it('still says to list a real, unlisted role in roles', async () => {
    const data = front();
    data.steps[2].role = '保洁阿姨';
    expect((await check(mdx(data))).issues).toEqual([{ step: 'register', message: expect.stringContaining('没有列在 roles 里') }]);
  });

  it('rejects a version with no matching change-log entry', async () => {
    const data = front();
    data.version = '2.0';
    data.changelog = [{ version: '1.0', date: '2026-11-27', changes: '首次发布。' }];
    const { report } = await check(mdx(data));
    expect(report).toContain('version 是 "2.0",但 changelog 里没有这个版本');
    expect(report).toContain('修正:');
    data.changelog.push({ version: '2.0', date: '2026-12-01', changes: '改了登记。' });
    expect((await check(mdx(data))).report).toBe('');
  });

  it('rejects a version whose entry is not the newest one', async () => {
    const data = front();
    data.version = '2.0';
    data.changelog = [
      { version: '2.0', date: '2026-11-01', changes: '改了登记。' },
      { version: '1.0', date: '2026-11-27', changes: '首次发布。' },
    ];
    expect((await check(mdx(data))).report).toContain('日期最新的一条是 "1.0"');
  });

  it.each([
    ['[点我](javascript:alert(1))', 'javascript:alert(1)'],
    ['[点我](JavaScript:alert(1))', 'JavaScript:alert(1)'],
    ['<a href="vbscript:msgbox(1)">点我</a>', 'vbscript:msgbox(1)'],
    ['[点我][x]\n\n[x]: javascript:void(0)', 'javascript:void(0)'],
    ['[点我](data:text/html;base64,PHNjcmlwdD4=)', 'data:text/html;base64,PHNjcmlwdD4='],
    ['<a href={"javascript:alert(1)"}>点我</a>', 'javascript:alert(1)'],
  ])('rejects a script link in prose: %s', async (prose, url) => {
    const { report, issues } = await check(`${valid}\n正文。\n\n${prose}\n`);
    expect(issues).toHaveLength(1);
    expect(report).toContain(FILE);
    expect(report).toContain(url);
    expect(report).toMatch(/第 \d+ 行/);
    expect(report).toContain('修正:');
  });

  it('names the line of a script link in the file', async () => {
    const text = `${valid}\n第一段。\n\n[点我](javascript:alert(1))\n`;
    const line = text.split('\n').findIndex((l) => l.includes('javascript:')) + 1;
    expect((await check(text)).report).toContain(`正文第 ${line} 行`);
  });

  it('lets ordinary links and inline images through', async () => {
    const prose = '[官网](https://example.com) [本站](/procedures/) [邮件](mailto:a@b.cn) ![图](data:image/png;base64,iVBORw0KGgo=)';
    expect((await check(`${valid}\n${prose}\n`)).report).toBe('');
  });

  it('limits title lengths and steps per procedure, with clear messages', async () => {
    const data = front();
    data.title = '长'.repeat(2000);
    data.steps[2].title = '很'.repeat(LIMITS.stepTitle + 1);
    const { issues } = await check(mdx(data));
    expect(issues).toContainEqual({ message: expect.stringContaining(`title(标题) 太长:2000 个字,上限 ${LIMITS.procedureTitle} 个字`) });
    expect(issues).toContainEqual({ step: 'register', message: expect.stringContaining(`上限 ${LIMITS.stepTitle} 个字`) });
    for (const issue of issues) expect(issue.message).toContain('修正:');

    const many = front();
    many.steps = [
      { id: 's0', kind: 'start', title: '开始', next: 's1' },
      ...Array.from({ length: LIMITS.steps }, (_, i) => ({ id: `s${i + 1}`, kind: 'task', title: `第 ${i + 1} 步`, next: `s${i + 2}` })),
      { id: `s${LIMITS.steps + 1}`, kind: 'end', title: '结束' },
    ];
    many.roles = ['前台接待员'];
    expect((await check(mdx(many))).issues).toEqual([
      { message: expect.stringContaining(`steps(步骤) 有 ${LIMITS.steps + 2} 项,上限 ${LIMITS.steps} 项。修正:把流程拆成几个流程`) },
    ]);
  });

  it(`stops a chart with more than ${MAX_CHART_EDGES} edges at content check, with the count and the fix`, async () => {
    // Decisions with the most branches each, all leading on: within every other limit, too many edges.
    const decisions = 70;
    const steps: Record<string, unknown>[] = [{ id: 'start', kind: 'start', title: '开始', next: 'd0' }];
    for (let i = 0; i < decisions; i++) {
      const next = i + 1 < decisions ? `d${i + 1}` : 'done';
      steps.push({
        id: `d${i}`,
        kind: 'decision',
        title: `判断 ${i}`,
        branches: Array.from({ length: LIMITS.branches }, (_, b) => ({ label: `情况${b}`, to: b === 0 ? next : 'done' })),
      });
    }
    steps.push({ id: 'done', kind: 'end', title: '结束' });
    const data = { ...front(), steps };
    const edges = 1 + decisions * LIMITS.branches;
    expect(edges).toBeGreaterThan(MAX_CHART_EDGES);
    const { issues, report } = await check(mdx(data));
    expect(issues).toEqual([{ message: expect.stringContaining(`流程图有 ${edges} 条连线`) }]);
    expect(report).toContain(FILE);
    expect(report).toContain('修正:把流程拆成几个流程');
  });
});

describe('checking a whole content folder, as the build does before compiling pages', () => {
  it('reports every bad file at once, each in its own block, and passes the good one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-check-'));
    try {
      for (const name of ['roles.yaml', 'categories.yaml']) cpSync(join(CONTENT, name), join(dir, name));
      mkdirSync(join(dir, 'procedures', 'corporate'), { recursive: true });
      writeFileSync(join(dir, 'procedures', 'corporate', 'good.mdx'), valid);
      writeFileSync(join(dir, 'procedures', 'corporate', 'empty.mdx'), '');
      writeFileSync(join(dir, 'procedures', 'corporate', 'gbk.mdx'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xd5, 0xfd, 0x0a]));
      const reports = await checkContentDir(dir);
      expect(reports).toHaveLength(2);
      expect(reports[0]).toMatch(/empty\.mdx: 1 处问题\n  - 文件是空的/);
      expect(reports[1]).toMatch(/gbk\.mdx: 1 处问题\n  - 文件不是 UTF-8 编码/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
