// The built learning pages: paths in the order of the data file, quizzes and
// trainer sheets matching the generator, the procedure page's learning box
// within its JS budget, and a wrong code in the paths file stopping the build.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST, eagerScripts, readPage } from '../helpers/dist';
import { attr, is, select, selectAll, text } from '../helpers/dom';
import { eagerStyles } from '../helpers/page-weight';
import { contentPaths, contentProcedures } from '../helpers/quizzes';
import { buildFixture } from '../helpers/fixture-build';
import { optionLetter } from '../../src/lib/quiz';

const procedures = contentProcedures();
const learningPaths = contentPaths();
const byCode = new Map(procedures.map((p) => [p.data.code, p]));
const gzip = (code: string) => gzipSync(code).length;

describe('learning path pages', () => {
  it('lists every path, and each path page its procedures in order with their why', () => {
    const index = readPage('paths/');
    for (const path of learningPaths) {
      expect(index).toContain(`href="/paths/${path.id}/"`);
      const html = readPage(`paths/${path.id}/`);
      const codes = selectAll(html, 'li.path-item').map((li) => attr(li, 'data-code'));
      expect(codes).toEqual(path.items.map((i) => i.code));
      for (const item of path.items) {
        // The why stands in its own procedure's item, not just somewhere on the page.
        expect(text(select(html, `li.path-item[data-code=${JSON.stringify(item.code)}]`)!)).toContain(item.why);
        const procedure = byCode.get(item.code)!;
        expect(html).toContain(`href="/procedures/${procedure.id}/"`);
        if (procedure.quiz.length > 0) expect(html).toContain(`href="/quiz/${procedure.id}/"`);
      }
      expect(html).toContain(`href="/trainer/paths/${path.id}/"`);
    }
  });

  it('are linked from the navigation and the home page', () => {
    expect(readPage('')).toContain('href="/paths/"');
    expect(selectAll(readPage('procedures/spa/lobby-shoe-bar/'), 'a[href="/paths/"]').map(text)).toContain('学习路径');
  });
});

describe('quiz pages', () => {
  it.each(procedures.map((p) => [p.id, p] as const))('%s shows the generated questions, or has no quiz page at all', (id, p) => {
    if (p.quiz.length === 0) {
      // A quiz that can never be taken or passed is not offered: no page, no sheet, no link.
      expect(existsSync(join(DIST, 'quiz', id)), id).toBe(false);
      expect(existsSync(join(DIST, 'trainer/procedures', id)), id).toBe(false);
      expect(readPage(`procedures/${id}/`)).not.toContain(`href="/quiz/${id}/"`);
      expect(readPage('trainer/')).not.toContain(`href="/trainer/procedures/${id}/"`);
      return;
    }
    const html = readPage(`quiz/${id}/`);
    const prompts = selectAll(html, 'legend').map((legend) => text(legend).trim());
    expect(prompts.length).toBe(p.quiz.length);
    p.quiz.forEach((q, i) => expect(prompts[i]).toContain(q.prompt));
    // Every "why" link points at an anchor that exists on the procedure page.
    const page = readPage(`procedures/${id}/`);
    for (const q of p.quiz) expect(page).toContain(`id="${q.anchor}"`);
  });

  it('no draft template step is ever the subject of a question', () => {
    const withTemplates = procedures.filter((x) => x.data.steps.some((s) => s.template));
    // The content has template steps (the brief's gaps): otherwise this would check nothing.
    expect(withTemplates.length).toBeGreaterThan(0);
    for (const p of withTemplates) {
      const templates = p.data.steps.filter((s) => s.template).map((s) => `step-${s.id}`);
      for (const q of p.quiz) expect(templates, `${p.id}: ${q.prompt}`).not.toContain(q.anchor);
      if (p.quiz.length === 0) continue;
      const html = readPage(`quiz/${p.id}/`);
      for (const anchor of templates) expect(html).not.toContain(`#${anchor}"`);
    }
  });

  it('gives most procedures a quiz: the generator is not silently skipping them', () => {
    const quizzed = procedures.filter((p) => p.quiz.length > 0);
    expect(quizzed.length).toBeGreaterThanOrEqual(Math.ceil(procedures.length / 2));
    expect(quizzed.every((p) => existsSync(join(DIST, 'quiz', p.id, 'index.html')))).toBe(true);
  });
});

describe('trainer quiz sheets', () => {
  it.each(procedures.filter((p) => p.quiz.length > 0).map((p) => [p.id, p] as const))('%s: the answer key gives the generated answers, on a page of its own', (id, p) => {
    const html = readPage(`trainer/procedures/${id}/`);
    const keys = selectAll(html, 'td.key-answer').map((td) => {
      const letter = select(td, ':scope > strong:first-child');
      return letter && text(letter);
    });
    expect(keys).toEqual(p.quiz.map((q) => optionLetter(q.answer)));
    // Questions come before the key (both there: a missing list of questions used to pass).
    const order = selectAll(html, '.sheet-questions, .answer-key').map((el) => (is(el, '.answer-key') ? 'key' : 'questions'));
    expect(order[0]).toBe('questions');
    expect(order).toContain('key');
  });

  it('puts the answer key on a new printed page', () => {
    const html = readPage('trainer/procedures/spa/lobby-shoe-bar/');
    const css = eagerStyles(html).map((style) => style.code).join('\n');
    // The rule is rooted in the sheet, so it holds only if the key sits inside it.
    expect(css).toMatch(/\.sheet \.answer-key\{[^}]*break-before:page/);
    expect(selectAll(html, '.sheet .answer-key')).toHaveLength(1);
  });

  it('a path sheet numbers questions through all its procedures', () => {
    for (const path of learningPaths) {
      const html = readPage(`trainer/paths/${path.id}/`);
      const total = path.items.reduce((n, i) => n + byCode.get(i.code)!.quiz.length, 0);
      const keys = selectAll(html, 'td.key-number').map((td) => Number(text(td)));
      expect(keys).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    }
  });
});

describe('procedure pages', () => {
  it('offer the quiz and badge template steps', () => {
    for (const p of procedures) {
      const html = readPage(`procedures/${p.id}/`);
      expect(html).toContain(`data-learning-code="${p.data.code}"`);
      if (p.quiz.length > 0) expect(html).toContain(`href="/quiz/${p.id}/"`);
      const badges = selectAll(html, '.badge.template-badge').length;
      expect(badges, p.id).toBe(p.data.steps.filter((s) => s.template).length);
    }
  });

  it('keep the progress tracker under 1 KB gzipped, and the whole page under 30 KB', () => {
    for (const p of procedures) {
      const scripts = eagerScripts(readPage(`procedures/${p.id}/`));
      const total = scripts.reduce((n, s) => n + gzip(s.code), 0);
      const tracker = scripts.filter((s) => /ProcedureLearning|progress-store/.test(s.name));
      expect(tracker.length, p.id).toBeGreaterThan(0);
      expect(tracker.reduce((n, s) => n + gzip(s.code), 0), p.id).toBeLessThan(1024);
      expect(total, p.id).toBeLessThanOrEqual(30 * 1024);
    }
  });
});

describe('a learning path naming a procedure that does not exist', () => {
  it('stops the build, naming the file, the path and the code', () => {
    const yaml = [
      '- id: test-path',
      '  title: 测试路径',
      '  order: 1',
      '  roles: [前台接待员]',
      '  description: 测试',
      '  items:',
      '    - { code: SOP-TEST-02, why: 存在 }',
      '    - { code: SOP-TEST-09, why: 不存在 }',
    ].join('\n');
    const build = buildFixture(['small-valid.mdx'], { SOP_NO_CHROMIUM: '1' }, { 'learning-paths.yaml': yaml });
    const output = build.output.replace(/\x1b\[[0-9;]*m/g, '');
    expect(build.status).not.toBe(0);
    expect(output).toContain(
      'content/learning-paths.yaml: 学习路径 "test-path"(测试路径) 第 2 项: 流程编号 SOP-TEST-09 不存在。修正:改成已有流程的编号,是不是 SOP-TEST-02?',
    );
  });
});
