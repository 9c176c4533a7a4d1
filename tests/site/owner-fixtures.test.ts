// The owner's features on fixture content kept in a git repository of two
// commits: a step-level diff per version, review dates against a pinned
// "today", a resolved note, sign-off fingerprints, and a procedure written
// without `next` that charts exactly like its explicit twin.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Nodes } from 'hast';
import { buildSite, copyReferenceData, type SiteBuild } from '../helpers/fixture-build';
import { ROOT, readMdx } from '../helpers/content-files';
import { gitFixture } from '../helpers/git-fixture';
import { readPage } from '../helpers/dist';
import { attr, select, selectAll, source, text as textContent } from '../helpers/dom';
import { hasChromium, servedInBrowser } from '../helpers/browser';
import { procedureSchema } from '../../src/lib/procedure/schema';
import { stepFingerprint } from '../../src/lib/fingerprint';
import { scopedKey } from '../../src/lib/client/storage';

const SEEN_KEY = scopedKey('/', 'seen-revisions');

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'owner');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
const text = (node: Nodes) => textContent(node).replace(/\s+/g, ' ');
/** The section a heading (by its id) labels: the whole section, nested ones included. */
const section = (html: string, heading: string) => {
  const found = select(html, `section[aria-labelledby=${JSON.stringify(heading)}]`);
  expect(found, heading).toBeDefined();
  return found!;
};

/** The text of each diff item of one kind, without spaces. */
const diffItems = (root: Element, kind: string) =>
  selectAll(root, `li[data-diff=${JSON.stringify(kind)}]`).map((li) => textContent(li).replace(/\s+/g, ''));

let build: SiteBuild;
let repo: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'sop-owner-'));
  const content = join(repo, 'content');
  copyReferenceData(content);
  const dir = 'content/procedures/corporate';
  const others = Object.fromEntries(
    ['overdue.mdx', 'resolved-note.mdx', 'explicit-next.mdx', 'implicit-next.mdx'].map((n) => [`${dir}/${n}`, fixture(n)]),
  );
  gitFixture(
    [
      { message: 'version 1.0', files: { ...others, [`${dir}/changing.mdx`]: fixture('changing-v1.mdx') } },
      { message: 'version 1.1', files: { [`${dir}/changing.mdx`]: fixture('changing-v2.mdx') } },
    ],
    repo,
  );
  build = buildSite({ outDir: join(repo, 'dist'), content, env: { SOP_TODAY: '2027-03-01' } });
});

describe('a fixture handbook in git', () => {
  it('builds', () => {
    expect(build.status, plain(build.output)).toBe(0);
  });

  it('shows the step-level diff of 1.1 against 1.0 on the page (本版变更)', () => {
    const html = readPage('procedures/corporate/changing/', build.outDir);
    const box = section(html, 'this-version-title');
    expect(text(box)).toContain('本版变更(1.1 版,对比 1.0 版)');
    expect(diffItems(box, 'added')).toEqual(['新增步骤:查验证件']);
    expect(diffItems(box, 'removed')).toEqual(['删除步骤:奉茶', '删除步骤:请客人稍候']);
    expect(diffItems(box, 'moved')).toEqual(['调整顺序:登记来访']);
    expect(diffItems(box, 'changed')).toEqual([
      '修改:客人到达前台:标题、下一步与分支(原标题“客人到达”)',
      '修改:是否有预约?:下一步与分支',
      '修改:登记来访:话术、下一步与分支',
    ]);
    expect(select(box, '[href="#step-check-id"]')).toBeDefined();
  });

  it('marks the changed steps in the step list, hidden until the visit tracker shows them', () => {
    const html = readPage('procedures/corporate/changing/', build.outDir);
    const marked = selectAll(html, 'li.step[id^="step-"]')
      .filter((li) => select(li, '.badge.step-changed[data-changed-id="corporate/changing"][hidden]'))
      .map((li) => attr(li, 'id')!.slice('step-'.length));
    expect(marked).toEqual(['greet', 'booked', 'check-id', 'register']);
  });

  it('lists the same diff under the entry on 更新记录', () => {
    const html = readPage('changes/', build.outDir);
    // An entry of the change list (not the hidden "changed since your last visit" list above it).
    const entryOf = (id: string) => {
      const entry = selectAll(html, 'ul.change-list > li').find(
        (li) => select(li, `a[href="/procedures/corporate/${id}/"]`) && selectAll(li, '.version').some((v) => textContent(v) === '1.1 版'),
      );
      expect(entry, `${id} 1.1 on 更新记录`).toBeDefined();
      return entry!;
    };
    const block = entryOf('changing');
    expect(diffItems(block, 'added')).toEqual(['新增步骤:查验证件']);
    expect(diffItems(block, 'removed')).toEqual(['删除步骤:奉茶', '删除步骤:请客人稍候']);
    expect(diffItems(block, 'moved')).toEqual(['调整顺序:登记来访']);
    expect(diffItems(block, 'changed')).toHaveLength(3);
    expect(select(block, 'a[href="/procedures/corporate/changing/#step-check-id"]')).toBeDefined();
    // The first version has nothing to compare with; a version whose predecessor
    // was never committed says so instead of guessing.
    expect(text(entryOf('resolved-note'))).toContain('git 历史里找不到上一版的内容,无法逐步对比,只显示更新记录的文字。');
  });

  it('shows 待复核 on an overdue procedure and on the desk, and names it at the end of the build output', () => {
    const page = readPage('procedures/corporate/overdue/', build.outDir);
    const overdue = select(page, 'div[data-review="overdue"]');
    expect(overdue && text(overdue)).toMatch(/2027年1月10日[\s\S]*?待复核/);
    const desk = readPage('desk/', build.outDir);
    const row = select(desk, '[data-review-row="SOP-TEST-12"][data-review="overdue"]');
    expect(row && text(row)).toMatch(/培训经理 王敏[\s\S]*?待复核 · 已过 50 天/);
    const output = plain(build.output).trimEnd();
    const warning = output.lastIndexOf('待复核:1 个流程已过复核日期');
    expect(warning).toBeGreaterThan(output.lastIndexOf('[build] Complete!'));
    expect(output.slice(warning)).toContain('SOP-TEST-12 过期未复核的流程');
    // A procedure with a 12-month cycle, reviewed 2026-11-27, is not due yet.
    const ok = select(readPage('procedures/corporate/resolved-note/', build.outDir), 'div[data-review="ok"]');
    expect(ok && text(ok)).toContain('2027年11月27日');
  });

  it('moves a resolved note off the page and the open list, onto 已确认', () => {
    const page = readPage('procedures/corporate/resolved-note/', build.outDir);
    expect(page).not.toContain('登记时要查看哪些证件');
    expect(page).toContain('引领路线原文未写。');
    const desk = readPage('desk/', build.outDir);
    const open = source(desk, section(desk, 'open-title'));
    expect(open).not.toContain('登记时要查看哪些证件');
    expect(open).toContain('引领路线原文未写。');
    const decided = section(desk, 'decided-title');
    expect(text(decided)).toContain('决定:查看身份证或护照原件。(质量负责人 李静,2026年12月1日)');
  });

  it('prints version and step fingerprint on the sign-off sheet and shows the fingerprint on the page', () => {
    const data = procedureSchema.parse(readMdx(join(repo, 'content/procedures/corporate/changing.mdx')).frontmatter);
    const fp = stepFingerprint(data);
    const page = readPage('procedures/corporate/changing/', build.outDir);
    const sheet = select(page, 'section.signoff-sheet');
    expect(sheet && text(sheet)).toContain(`签字所依据的版本:1.1 · 步骤指纹 ${fp}`);
    expect(selectAll(page, 'span.fingerprint[data-fingerprint]').map(textContent)).toContain(fp);
  });

  it('charts a procedure written without next exactly like its explicit twin', () => {
    const svg = (id: string) => {
      const html = readPage(`procedures/corporate/${id}/`, build.outDir);
      const chart = select(html, 'figure.chart svg');
      return chart && source(html, chart);
    };
    expect(svg('explicit-next')).toBeTruthy();
    expect(svg('implicit-next')).toBe(svg('explicit-next'));
    const steps = (id: string) => text(section(readPage(`procedures/corporate/${id}/`, build.outDir), 'steps-title'));
    expect(steps('implicit-next')).toBe(steps('explicit-next'));
  });
});

describe.skipIf(!hasChromium)('changed steps for a returning reader', () => {
  const served = servedInBrowser(() => build.outDir);

  it('highlights the steps changed since the version the reader last saw, and only then', async () => {
    const page = await served.browser.newPage();
    const url = `${served.site.url}procedures/corporate/changing/`;
    await page.goto(url);
    // This browser last saw version 1.0.
    await page.evaluate((key) => {
      // The stored record (src/lib/client/storage.ts): a versioned envelope under the deployment's key.
      const seen = JSON.parse(localStorage.getItem(key) ?? '{"v":1,"data":{}}');
      localStorage.setItem(key, JSON.stringify({ v: 1, data: { ...seen.data, 'corporate/changing': '1.0@2026-11-01' } }));
      sessionStorage.clear();
    }, SEEN_KEY);
    await page.reload();
    await page.locator('#step-register .step-changed').waitFor({ state: 'visible' });
    const shown = await page.$$eval('.step-changed:not([hidden])', (els) => els.map((el) => el.closest('li.step')!.id));
    expect(shown).toEqual(['step-greet', 'step-booked', 'step-check-id', 'step-register']);

    // A reader who first comes to the page at 1.1 sees no marks.
    const fresh = await served.browser.newPage();
    await fresh.goto(url);
    await fresh.locator('changed-since-tracker').waitFor({ state: 'attached' });
    await fresh.waitForFunction((key) => localStorage.getItem(key) !== null, SEEN_KEY);
    expect(await fresh.locator('.step-changed:not([hidden])').count()).toBe(0);
  });
});
