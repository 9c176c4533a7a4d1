import { describe, expect, it } from 'vitest';
import { searchSynonyms, synonymGroupSchema, synonymIssues } from './synonyms';

describe('synonym groups', () => {
  it('need two different words', () => {
    expect(synonymGroupSchema.safeParse({ id: 'a', words: ['结账'] }).success).toBe(false);
    expect(synonymGroupSchema.safeParse({ id: 'a', words: ['结账', '结账'] }).success).toBe(false);
    expect(synonymGroupSchema.safeParse({ id: 'a', words: ['结账', '结帐'] }).success).toBe(true);
  });

  it('report a word in two groups, naming both and the fix', () => {
    const issues = synonymIssues([
      { id: 'pay', words: ['结账', '买单'] },
      { id: 'bill', words: ['买单', '账单'] },
    ]);
    expect(issues).toEqual([
      'content/synonyms.yaml: "买单" 同时出现在 "pay" 和 "bill" 两组。修正:合并成一组,或删掉其中一处。',
    ]);
    expect(synonymIssues([{ id: 'pay', words: ['结账', '结帐'] }])).toEqual([]);
  });
});

describe('searchSynonyms', () => {
  it('adds role and glossary names with their aliases and merges groups sharing a word', () => {
    const groups = searchSynonyms(
      [{ words: ['结帐单', '账单'] }, { words: ['离店', '退房'] }],
      [
        { name: '结帐单', aliases: ['结账单'] },
        { name: '销售人员', aliases: ['置业顾问'] },
        { name: '技师', aliases: [] },
      ],
    );
    expect(groups).toEqual([
      ['结帐单', '账单', '结账单'],
      ['离店', '退房'],
      ['销售人员', '置业顾问'],
      ['技师'],
    ]);
  });

  it('cleans words the way queries are cleaned', () => {
    expect(searchSynonyms([], [{ name: '免查房/保密房', aliases: ['保密房'] }])).toEqual([['免查房 保密房', '保密房']]);
  });
});
