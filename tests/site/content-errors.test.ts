// Content mistakes stop the real build with one clear message each, naming the
// file, the step (by id) where there is one, and the fix; one bad file never
// hides the others. check:content says the same (src/build/content-check.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from '../helpers/fixture-build';
import { ROOT } from '../helpers/content-files';

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
const valid = readFileSync(join(ROOT, 'tests/fixtures/procedures/small-valid.mdx'), 'utf8');
const [, frontText, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(valid)!;
/** The valid fixture with a new code, changed by `edit`. */
function variant(code: string, edit: (data: Record<string, any>) => void, prose = body!): string {
  const data = yaml.load(frontText!) as Record<string, any>;
  data.code = code;
  edit(data);
  return `---\n${yaml.dump(data)}---\n${prose}`;
}
const at = (name: string) => `procedures/corporate/${name}`;

describe('a build with several broken procedures', () => {
  const gbk = Buffer.concat([
    Buffer.from('---\ncode: SOP-TEST-31\ntitle: '),
    Buffer.from([0xd0, 0xa1, 0xc1, 0xf7, 0xb3, 0xcc]), // 小流程, in GBK
    Buffer.from('\nstatus: '),
    Buffer.from([0xd5, 0xfd, 0xca, 0xbd]), // 正式, in GBK
    Buffer.from('\n---\n'),
  ]);
  const files = {
    [at('empty.mdx')]: '',
    [at('gbk.mdx')]: gbk,
    [at('no-title.mdx')]: variant('SOP-TEST-32', (d) => delete d.steps[3].title),
    [at('role-typo.mdx')]: variant('SOP-TEST-33', (d) => (d.steps[2].role = '前台接待')),
    [at('no-changelog-entry.mdx')]: variant('SOP-TEST-34', (d) => {
      d.version = '2.0';
      d.changelog = [{ version: '1.0', date: '2026-11-27', changes: '首次发布。' }];
    }),
    [at('long-title.mdx')]: variant('SOP-TEST-35', (d) => (d.title = '长'.repeat(2000))),
  };
  let status: number | null = null;
  let output = '';
  beforeAll(() => {
    const build = buildFixture(['small-valid.mdx'], {}, files);
    status = build.status;
    output = plain(build.output);
  }, 300_000);

  it('stops, and reports every file at once', () => {
    expect(status).not.toBe(0);
    for (const name of Object.keys(files)) expect(output).toContain(`${name}: 1 处问题`);
  });

  it('says an empty file is empty', () => {
    expect(output).toMatch(/empty\.mdx: 1 处问题\n  - 文件是空的。修正:/);
  });

  it('says a GBK file is not UTF-8, and how to fix it', () => {
    expect(output).toMatch(/gbk\.mdx: 1 处问题\n  - 文件不是 UTF-8 编码\(看起来是 GBK\/GB2312\).*修正:/);
  });

  it('names a missing field by step id, in Chinese, without ** or array indexes', () => {
    expect(output).toMatch(/no-title\.mdx: 1 处问题\n  - 步骤 "lead-guest": 缺少 title\(标题\)。修正:/);
    expect(output).not.toMatch(/\*\*steps|steps\.\d+\.title/);
  });

  it('suggests the right role for a typo, and only that', () => {
    expect(output).toContain('role-typo.mdx: 1 处问题\n  - 步骤 "register": 角色 "前台接待" 拼写有误。修正:改成 "前台接待员"。');
  });

  it('rejects a version without its change-log entry', () => {
    expect(output).toMatch(/no-changelog-entry\.mdx: 1 处问题\n  - version 是 "2\.0",但 changelog 里没有这个版本.*修正:/);
  });

  it('limits the title length', () => {
    expect(output).toMatch(/long-title\.mdx: 1 处问题\n  - title\(标题\) 太长:2000 个字,上限 40 个字。修正:/);
  });
});

describe('a script link in MDX prose', () => {
  it('stops the build, naming the file, the line and the fix', () => {
    const text = `${valid}\n请看说明。\n\n[点我](javascript:alert(1))\n`;
    const line = text.split('\n').findIndex((l) => l.includes('javascript:')) + 1;
    const build = buildFixture([], {}, { [at('script-link.mdx')]: text });
    expect(build.status).not.toBe(0);
    const output = plain(build.output);
    expect(output).toContain('script-link.mdx: 1 处问题');
    expect(output).toContain(`正文第 ${line} 行的链接 "javascript:alert(1)" 点开会执行脚本,不允许使用。修正:`);
  });
});

describe('a YAML syntax error', () => {
  it('stops the build, naming the file and the line of the file', () => {
    const lines = valid.split('\n');
    const broken = lines.findIndex((l) => l.startsWith('department:'));
    lines[broken] = '   department: 测试部';
    const build = buildFixture([], {}, { [at('yaml-broken.mdx')]: lines.join('\n') });
    expect(build.status).not.toBe(0);
    const output = plain(build.output);
    expect(output).toContain('yaml-broken.mdx');
    expect(output).toMatch(new RegExp(`yaml-broken\\.mdx:${broken + 1}\\b|第 ${broken + 1} 行|line ${broken + 1}\\b`));
  });
});
