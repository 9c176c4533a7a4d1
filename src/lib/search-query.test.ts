import { describe, expect, it } from 'vitest';
import {
  cleanQuery,
  coverage,
  expandQuery,
  MAX_QUERY_CHARS,
  mergeResults,
  placeResult,
  queryTerms,
  rankLocations,
  trimExcerpt,
  type Location,
} from './search-query';

describe('cleanQuery', () => {
  it('keeps Chinese words and folds punctuation to single spaces', () => {
    expect(cleanQuery('  叫早,押金。 ')).toEqual({ text: '叫早 押金', empty: false, truncated: false });
    expect(cleanQuery('“没有您要查找客人的登记记录”!').text).toBe('没有您要查找客人的登记记录');
  });

  it('treats spaces and punctuation alone as empty', () => {
    for (const raw of ['', '   ', '\u3000\u3000', ',。!?、', ' ... --- /// ', '★ ※ →']) {
      expect(cleanQuery(raw), JSON.stringify(raw)).toMatchObject({ empty: true });
    }
  });

  it('folds full-width Latin and keeps hyphens inside codes', () => {
    expect(cleanQuery('ＳＯＰ－ＨＯＴＥＬ－０２').text).toBe('SOP-HOTEL-02');
    expect(cleanQuery('-sop-spa-04-').text).toBe('sop-spa-04');
    expect(cleanQuery('VIP').empty).toBe(false);
  });

  it('cuts a long query to MAX_QUERY_CHARS characters and says so', () => {
    const long = '客人'.repeat(100);
    const clean = cleanQuery(long);
    expect([...clean.text]).toHaveLength(MAX_QUERY_CHARS);
    expect(clean.truncated).toBe(true);
    expect(cleanQuery('客人').truncated).toBe(false);
  });
});

describe('expandQuery', () => {
  const groups = [
    ['结账', '结帐', '买单'],
    ['离店', '退房'],
    ['前台接待员', '前台', '接待员'],
  ];

  it('puts the query as typed first, then one swap per variant', () => {
    expect(expandQuery('结账', groups)).toEqual(['结账', '结帐', '买单']);
    expect(expandQuery('退房 取鞋', groups)).toEqual(['退房 取鞋', '离店 取鞋']);
  });

  it('returns the query alone when no group matches', () => {
    expect(expandQuery('叫早', groups)).toEqual(['叫早']);
  });

  it('matches the longest word and never a word inside it', () => {
    expect(expandQuery('前台接待员', groups)).toEqual(['前台接待员', '前台', '接待员']);
  });

  it('swaps single words before combining them, within the limit', () => {
    const variants = expandQuery('退房 结账', groups, 8);
    expect(variants.slice(0, 4)).toEqual(['退房 结账', '离店 结账', '退房 结帐', '退房 买单']);
    expect(variants).toContain('离店 结帐');
    expect(variants).toHaveLength(6);
    expect(expandQuery('退房 结账', groups, 3)).toHaveLength(3);
  });

  it('stays bounded on a long query full of synonyms', () => {
    const many = Array.from({ length: 40 }, (_, i) => ['甲' + i, '乙' + i]);
    const text = many.map((g) => g[0]).join(' ');
    const started = performance.now();
    expect(expandQuery(text, many)).toHaveLength(8);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('mergeResults', () => {
  it('keeps each page once with its best score, best first', () => {
    const merged = mergeResults(
      [
        [{ id: 'a', score: 2 }, { id: 'b', score: 1 }],
        [{ id: 'b', score: 5 }, { id: 'c', score: 0.5 }],
      ],
      1,
    );
    expect(merged.map((r) => [r.id, r.score, r.from])).toEqual([
      ['b', 5, 1],
      ['a', 2, 0],
      ['c', 0.5, 1],
    ]);
  });

  it('discounts pages found only through a synonym', () => {
    const merged = mergeResults([[{ id: 'typed', score: 3 }], [{ id: 'synonym', score: 5 }, { id: 'typed', score: 4 }]]);
    expect(merged.map((r) => [r.id, r.score, r.from])).toEqual([
      ['typed', 3, 0],
      ['synonym', 2.5, 1],
    ]);
  });

  it('prefers the words as typed on a tie', () => {
    const merged = mergeResults([[{ id: 'a', score: 3 }], [{ id: 'b', score: 3 }, { id: 'a', score: 3 }]], 1);
    expect(merged.map((r) => [r.id, r.from])).toEqual([['a', 0], ['b', 1]]);
  });
});

describe('queryTerms and coverage', () => {
  it('splits a query into the words Pagefind matches', () => {
    expect(queryTerms('鞋 护理')).toEqual(['鞋', '护理']);
    expect(queryTerms('SOP-Hotel')).toEqual(['sop', 'hotel']);
    expect(queryTerms(' ,。')).toEqual([]);
  });

  it('counts the query words an excerpt highlights, as prefixes', () => {
    const at = (excerpt: string): Location => ({ title: '', url: '', excerpt, weighted_locations: [] });
    expect(coverage(at('客人的<mark>鞋</mark>是否需要<mark>护理</mark>?'), ['鞋', '护理'])).toBe(2);
    expect(coverage(at('引领到<mark>鞋吧</mark>换<mark>鞋</mark>'), ['鞋', '护理'])).toBe(1);
    expect(coverage(at('没有高亮'), ['鞋'])).toBe(0);
  });
});

describe('rankLocations', () => {
  const at = (id: string | undefined, excerpt: string, ...scores: number[]): Location => ({
    title: id ?? 'page',
    url: id ? `/p/#${id}` : '/p/',
    excerpt,
    ...(id ? { anchor: { id } } : {}),
    weighted_locations: scores.map((balanced_score) => ({ balanced_score })),
  });

  it('puts steps first, each by the weight of its hits', () => {
    const ranked = rankLocations([at(undefined, '', 9), at('step-a', '', 1), at('terms', '', 20), at('step-b', '', 2, 2)]);
    expect(ranked.map((l) => l.title)).toEqual(['step-b', 'step-a', 'terms', 'page']);
  });

  it('puts a place with more of the words typed before a step with fewer', () => {
    const ranked = rankLocations(
      [at('step-a', '<mark>鞋</mark>吧', 30), at('notes', '<mark>鞋</mark><mark>护理</mark>', 1), at('step-b', '<mark>鞋</mark>要<mark>护理</mark>', 1)],
      ['鞋', '护理'],
    );
    expect(ranked.map((l) => l.title)).toEqual(['step-b', 'notes', 'step-a']);
  });
});

describe('trimExcerpt', () => {
  it('leaves a short excerpt as it is', () => {
    expect(trimExcerpt('与领队确认<mark>叫早</mark>时间')).toBe('与领队确认<mark>叫早</mark>时间');
  });

  it('cuts a long one around the most highlighted text, marking the cuts', () => {
    const html = `${'甲'.repeat(100)}确认<mark>叫</mark><mark>早</mark>时间${'乙'.repeat(100)}`;
    const out = trimExcerpt(html, 30);
    expect(out).toBe(`…${'甲'.repeat(10)}确认<mark>叫早</mark>时间${'乙'.repeat(14)}…`);
  });

  it('drops the step title it starts with, which the result shows already', () => {
    const html = '第 5 步:与领队确认<mark>叫早</mark>时间. 负责:前台接待员. 与领队确认<mark>叫早</mark>。';
    expect(trimExcerpt(html, 90, '第 5 步:与领队确认叫早时间')).toBe('负责:前台接待员. 与领队确认<mark>叫早</mark>。');
    expect(trimExcerpt('第 1 步:<mark>结束</mark>. ', 90, '第 1 步:结束')).toBe('');
    expect(trimExcerpt('别的开头<mark>叫早</mark>', 90, '第 5 步')).toBe('别的开头<mark>叫早</mark>');
  });

  it('keeps entities encoded and never cuts one in half', () => {
    const html = `${'&lt;'.repeat(50)}<mark>押金</mark>&amp;房卡${'&gt;'.repeat(50)}`;
    const out = trimExcerpt(html, 20);
    expect(out).toBe(`…${'&lt;'.repeat(12)}<mark>押金</mark>&amp;房卡${'&gt;'.repeat(3)}…`);
    expect(out.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });
});

describe('placeResult', () => {
  const step = (id: string, excerpt: string): Location => ({
    title: `步骤 ${id}`,
    url: `/p/#step-${id}`,
    excerpt,
    anchor: { id: `step-${id}` },
    weighted_locations: [{ balanced_score: 1 }],
  });
  const page = {
    title: '团队客人入住登记程序',
    url: '/p/',
    excerpt: '页首摘要',
    locations: [step('a', '<mark>押金</mark>'), step('b', '<mark>叫</mark><mark>早</mark>'), step('c', '<mark>叫</mark>')],
  };

  it('opens at the best step, listing the next ones', () => {
    const placed = placeResult(page, ['叫', '早']);
    expect(placed).toMatchObject({ href: '/p/#step-b', where: '步骤 b', excerpt: '<mark>叫</mark><mark>早</mark>' });
    expect(placed.others.map((o) => o.url)).toEqual(['/p/#step-c', '/p/#step-a']);
  });

  it('opens at the top when every word typed is in the title', () => {
    const placed = placeResult(page, ['团队', '入住']);
    expect(placed).toMatchObject({ href: '/p/', excerpt: '页首摘要' });
    expect(placed.where).toBeUndefined();
    expect(placed.others).toHaveLength(2);
  });

  it('opens at the top of a page without steps or sections', () => {
    expect(placeResult({ ...page, locations: [] }, ['叫'])).toEqual({ href: '/p/', excerpt: '页首摘要', others: [] });
  });
});
