import { describe, expect, it } from 'vitest';
import { cleanQuery, MAX_QUERY_CHARS, trimExcerpt } from './search-query';

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

