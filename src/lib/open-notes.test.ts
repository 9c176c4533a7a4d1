import { describe, expect, it } from 'vitest';
import { collectNotes, countByKind, groupNotes, openNotes, resolutionIssues, resolvedNotes } from './open-notes';
import { procedure } from '../../tests/helpers/fixtures';
import { buildProcedure } from './procedure/build';

const resolution = { date: '2026-12-01', by: '培训经理 王敏', decision: '按现行做法执行。' };

const withFlags = procedure((p) => {
  p.flags = [
    { kind: '待确认', text: '登记要哪些证件?', step: 'register' },
    { kind: '原文缺失', text: '没写引领路线。', step: 'lead-guest', resolved: resolution },
    { kind: '原文矛盾', text: '两处说法不一。' },
  ];
  p.changelog = [{ version: '1.0', date: '2026-12-01', changes: '确认引领路线。' }];
});
const other = procedure((p) => {
  p.code = 'SOP-TEST-02';
  p.title = '另一个流程';
  p.department = '前厅部';
  p.flags = [{ text: '默认是待确认。' }];
});
const sources = [
  { id: 'corporate/a', data: withFlags, model: buildProcedure(withFlags) },
  { id: 'hotel/b', data: other, model: buildProcedure(other) },
];

describe('collectNotes', () => {
  it('lists every note with its procedure and step number', () => {
    const notes = collectNotes(sources);
    expect(notes).toHaveLength(4);
    expect(notes[0]).toMatchObject({
      procedureId: 'corporate/a',
      code: 'SOP-TEST-01',
      kind: '待确认',
      step: { id: 'register', number: 3, title: '登记来访' },
    });
    expect(notes[2]!.step).toBeUndefined();
    expect(notes[3]!.kind).toBe('待确认');
  });

  it('separates open notes from resolved ones, which keep the decision', () => {
    const notes = collectNotes(sources);
    expect(openNotes(notes).map((n) => n.text)).toEqual(['登记要哪些证件?', '两处说法不一。', '默认是待确认。']);
    const [done] = resolvedNotes(notes);
    expect(done!.resolved).toMatchObject({ by: '培训经理 王敏', decision: '按现行做法执行。' });
  });

  it('adds reception-level notes to the page that shows the levels table', () => {
    const notes = collectNotes(sources, [{ name: '特级', flags: [{ kind: '原文矛盾', text: '上限低于高级。' }] }], sources[1]);
    expect(notes.at(-1)).toMatchObject({ procedureId: 'hotel/b', place: '接待标准:特级', text: '上限低于高级。' });
  });

  it('groups by department, then procedure, with counts', () => {
    const groups = groupNotes(openNotes(collectNotes(sources)));
    expect(groups.map((g) => [g.department, g.count, g.procedures.map((p) => [p.code, p.notes.length])])).toEqual([
      ['测试部', 2, [['SOP-TEST-01', 2]]],
      ['前厅部', 1, [['SOP-TEST-02', 1]]],
    ]);
    expect(countByKind(openNotes(collectNotes(sources)))).toEqual([
      { kind: '待确认', count: 2 },
      { kind: '原文矛盾', count: 1 },
    ]);
  });
});

describe('resolutionIssues', () => {
  it('expects a change-log entry on or after the decision', () => {
    expect(resolutionIssues(withFlags)).toEqual([]);
    const late = procedure((p) => {
      p.flags = [{ kind: '待确认', text: '登记要哪些证件?', step: 'register', resolved: { ...resolution, date: '2026-12-05' } }];
      p.changelog = [{ version: '1.0', date: '2026-12-01', changes: '首版。' }];
    });
    const [issue] = resolutionIssues(late);
    expect(issue!.step).toBe('register');
    expect(issue!.message).toMatch(/已于 2026-12-05 确认,但 changelog 里没有这一天或之后的条目。修正:在 changelog 加一条/);
  });
});
