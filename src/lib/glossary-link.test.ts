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

  it('finds terms that share a first character, and terms outside the basic plane, as a scan of every form would', () => {
    const many = [
      { id: 'card', term: '房卡', aliases: [], definition: '' },
      { id: 'card-sleeve', term: '房卡套', aliases: [], definition: '' },
      { id: 'rate', term: '房价', aliases: [''], definition: '' },
      { id: 'rare', term: '𠮷野', aliases: ['𠮷'], definition: '' },
    ];
    // The reference: at each position, the longest form of all that starts there.
    const reference = (text: string) => {
      const forms = many.flatMap((t) => [t.term, ...t.aliases].filter(Boolean).map((form) => ({ form, id: t.id }))).sort((a, b) => b.form.length - a.form.length);
      const seen = new Set<string>();
      const out: (string | { text: string; termId: string })[] = [];
      let plain = '';
      for (let i = 0; i < text.length; ) {
        const hit = forms.find(({ form }) => text.startsWith(form, i));
        if (hit && !seen.has(hit.id)) {
          seen.add(hit.id);
          if (plain) out.push(plain);
          plain = '';
          out.push({ text: hit.form, termId: hit.id });
        } else plain += hit ? hit.form : text[i];
        i += hit ? hit.form.length : 1;
      }
      if (plain) out.push(plain);
      return out;
    };
    for (const text of ['房卡套和房卡', '房价房卡', '𠮷野家与𠮷', '房', '', '请把房卡套好,房价另议,𠮷']) {
      expect(createTermLinker(many).link(text), text).toEqual(reference(text));
    }
    expect(createTermLinker(many).link('先发房卡套')).toEqual(['先发', { text: '房卡套', termId: 'card-sleeve' }]);
  });
});
