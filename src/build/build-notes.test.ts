import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addBuildNote, clearBuildNotes, formatBuildNotes, notesFile, takeBuildNotes } from './build-notes';

describe('build notes', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'sop-notes-')), 'dist');

  it('keeps notes per output folder and hands them out once, in order', () => {
    addBuildNote(out, { level: 'info', text: '流程图:渲染 3 张' });
    addBuildNote(out, { level: 'warn', text: '未找到 Chromium' });
    addBuildNote(`${out}-other`, { level: 'info', text: 'another build' });
    expect(takeBuildNotes(out).map((note) => note.text)).toEqual(['流程图:渲染 3 张', '未找到 Chromium']);
    expect(takeBuildNotes(out)).toEqual([]);
    expect(takeBuildNotes(`${out}-other`)).toHaveLength(1);
  });

  it('a new build starts without the last build’s notes', () => {
    addBuildNote(out, { level: 'warn', text: 'old' });
    clearBuildNotes(out);
    expect(takeBuildNotes(out)).toEqual([]);
    expect(notesFile(out)).not.toBe(notesFile(`${out}-other`));
  });

  it('prints the chart summary or fallback notice after every other note, whoever left it first', () => {
    const notes = [
      { level: 'warn' as const, text: '[流程图] 没有可用的 Chromium', last: true },
      { level: 'warn' as const, text: '待复核:1 个流程' },
      { level: 'warn' as const, text: '[print] 印刷版不含网址' },
    ];
    expect(formatBuildNotes(notes).split('\n')).toEqual(['⚠ 待复核:1 个流程', '⚠ [print] 印刷版不含网址', '⚠ [流程图] 没有可用的 Chromium']);
    for (const at of [0, 1, 2]) {
      const summary = { level: 'info' as const, text: '流程图:渲染 3 张', last: true };
      const others = [{ level: 'warn' as const, text: 'a' }, { level: 'info' as const, text: 'b' }];
      const mixed = [...others.slice(0, at), summary, ...others.slice(at)];
      expect(formatBuildNotes(mixed).split('\n').at(-1)).toBe('流程图:渲染 3 张');
    }
  });

  it('marks warnings so they stand out', () => {
    expect(formatBuildNotes([{ level: 'info', text: 'a' }, { level: 'warn', text: 'b' }])).toBe('a\n⚠ b');
  });
});
