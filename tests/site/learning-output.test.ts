// The built learning pages: paths in the order of the data file, quizzes and
// trainer sheets matching the generator, the procedure page's learning box
// within its JS budget, and a wrong code in the paths file stopping the build.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST, eagerScripts, readPage } from '../helpers/dist';
import { contentPaths, contentProcedures } from '../helpers/quizzes';
import { buildFixture } from '../helpers/fixture-build';
import { optionLetter } from '../../src/lib/quiz';

const procedures = contentProcedures();
const learningPaths = contentPaths();
const byCode = new Map(procedures.map((p) => [p.data.code, p]));
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const gzip = (code: string) => gzipSync(code).length;

describe('learning path pages', () => {
  it('lists every path, and each path page its procedures in order with their why', () => {
    const index = readPage('paths/');
    for (const path of learningPaths) {
      expect(index).toContain(`href="/paths/${path.id}/"`);
      const html = readPage(`paths/${path.id}/`);
      const codes = [...html.matchAll(/<li class="path-item"[^>]*data-code="([^"]+)"/g)].map((m) => m[1]);
      expect(codes).toEqual(path.items.map((i) => i.code));
      for (const item of path.items) {
        expect(text(html)).toContain(item.why);
        const procedure = byCode.get(item.code)!;
        expect(html).toContain(`href="/procedures/${procedure.id}/"`);
        if (procedure.quiz.length > 0) expect(html).toContain(`href="/quiz/${procedure.id}/"`);
      }
      expect(html).toContain(`href="/trainer/paths/${path.id}/"`);
    }
  });

  it('are linked from the navigation and the home page', () => {
    expect(readPage('')).toContain('href="/paths/"');
    expect(readPage('procedures/spa/lobby-shoe-bar/')).toMatch(/<a href="\/paths\/"[^>]*>学习路径<\/a>/);
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
    const prompts = [...html.matchAll(/<legend[^>]*>([\s\S]*?)<\/legend>/g)].map((m) => text(m[1]!).trim());
    expect(prompts.length).toBe(p.quiz.length);
    p.quiz.forEach((q, i) => expect(prompts[i]).toContain(q.prompt));
    // Every "why" link points at an anchor that exists on the procedure page.
    const page = readPage(`procedures/${id}/`);
    for (const q of p.quiz) expect(page).toContain(`id="${q.anchor}"`);
  });

  it('no draft template step is ever the subject of a question', () => {
    for (const p of procedures.filter((x) => x.quiz.length > 0 && x.data.steps.some((s) => s.template))) {
      const html = readPage(`quiz/${p.id}/`);
      for (const step of p.data.steps.filter((s) => s.template)) expect(html).not.toContain(`#step-${step.id}"`);
    }
  });
});

describe('trainer quiz sheets', () => {
  it.each(procedures.filter((p) => p.quiz.length > 0).map((p) => [p.id, p] as const))('%s: the answer key gives the generated answers, on a page of its own', (id, p) => {
    const html = readPage(`trainer/procedures/${id}/`);
    const keys = [...html.matchAll(/<td class="key-answer"[^>]*>\s*<strong[^>]*>([A-D])<\/strong>/g)].map((m) => m[1]);
    expect(keys).toEqual(p.quiz.map((q) => optionLetter(q.answer)));
    // Questions come before the key.
    if (p.quiz.length > 0) expect(html.indexOf('class="sheet-questions"')).toBeLessThan(html.indexOf('class="answer-key"'));
  });

  it('puts the answer key on a new printed page', () => {
    const html = readPage('trainer/procedures/spa/lobby-shoe-bar/');
    const css = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)]
      .map((m) => readFileSync(join(DIST, m[1]!), 'utf8'))
      .join('\n') + [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
    expect(css).toMatch(/\.answer-key\[[^\]]+\]\{[^}]*break-before:page/);
  });

  it('a path sheet numbers questions through all its procedures', () => {
    for (const path of learningPaths) {
      const html = readPage(`trainer/paths/${path.id}/`);
      const total = path.items.reduce((n, i) => n + byCode.get(i.code)!.quiz.length, 0);
      const keys = [...html.matchAll(/<td class="key-number"[^>]*>(\d+)<\/td>/g)].map((m) => Number(m[1]));
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
      const badges = (html.match(/class="badge template-badge/g) ?? []).length;
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
