import { describe, expect, it } from 'vitest';
import { createTermLinker } from './glossary-link';

const terms = [
  { id: 'deposit', term: '押金', aliases: [], definition: '入住时预收的钱。' },
  { id: 'private-room', term: '免查房/保密房', aliases: ['免查房', '保密房', '免查'], definition: '不对外透露信息的房间。' },
];

describe('createTermLinker', () => {
  it('links only the first use of each term on the page', () => {
    const linker = createTermLinker(terms);
    expect(linker.link('收取押金,核对押金')).toEqual(['收取', { text: '押金', termId: 'deposit' }, ',核对押金']);
    expect(linker.link('押金单')).toEqual(['押金单']);
  });

  it('prefers the longest form and counts aliases as the same term', () => {
    const linker = createTermLinker(terms);
    expect(linker.link('保密房与免查')).toEqual([{ text: '保密房', termId: 'private-room' }, '与免查']);
    expect(linker.used().map((t) => t.id)).toEqual(['private-room']);
  });

  it('returns text without terms unchanged', () => {
    expect(createTermLinker(terms).link('请这边走')).toEqual(['请这边走']);
  });
});
