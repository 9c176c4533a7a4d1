import { describe, expect, it } from 'vitest';
import { createSiteNav } from './site-nav';

const categories = [
  { id: 'hotel', name: '酒店前厅' },
  { id: 'spa', name: '洗浴中心' },
];
const procedures = [
  { id: 'hotel/a', title: '甲', category: 'hotel', draft: false },
  { id: 'hotel/b', title: '乙', category: 'hotel', draft: true },
  { id: 'spa/c', title: '丙', category: 'spa', draft: false },
];
const link = (path: string) => `/sop/${path}`;
const titles = (nav: ReturnType<typeof createSiteNav>, current?: string) =>
  nav.categories(current).map((c) => [c.id, c.count, c.items.map((i) => i.title)]);

describe('site navigation', () => {
  it('lists every procedure under its category in a small handbook, marking the current page', () => {
    const nav = createSiteNav(categories, procedures, link);
    expect(titles(nav)).toEqual([
      ['hotel', 2, ['甲', '乙']],
      ['spa', 1, ['丙']],
    ]);
    const [hotel] = nav.categories('procedures/hotel/b/');
    expect(hotel!.href).toBe('/sop/categories/hotel/');
    expect(hotel!.items).toEqual([
      { href: '/sop/procedures/hotel/a/', title: '甲', draft: false, current: false },
      { href: '/sop/procedures/hotel/b/', title: '乙', draft: true, current: true },
    ]);
  });

  it('past the limit lists only the current category, whichever page of a procedure is open', () => {
    const nav = createSiteNav(categories, procedures, link, 2);
    expect(titles(nav, '')).toEqual([
      ['hotel', 2, []],
      ['spa', 1, []],
    ]);
    for (const page of ['procedures/spa/c/', 'quiz/spa/c/', 'trainer/procedures/spa/c/', 'categories/spa/']) {
      expect(titles(nav, page), page).toEqual([
        ['hotel', 2, []],
        ['spa', 1, ['丙']],
      ]);
    }
    expect(nav.categories('quiz/spa/c/')[1]!.items[0]!.current).toBe(false);
  });

  it('lists a window of a long category around the current procedure, and says there are more', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ id: `hotel/p${i}`, title: `${i}`, category: 'hotel', draft: false }));
    const nav = createSiteNav(categories, many, link, 5, 4);
    const hotel = (current: string) => nav.categories(current)[0]!;
    expect(hotel('procedures/hotel/p5/').items.map((i) => i.title)).toEqual(['3', '4', '5', '6']);
    expect(hotel('procedures/hotel/p5/').partial).toBe(true);
    // The quiz of a procedure opens the same window; the ends stay full windows.
    expect(hotel('quiz/hotel/p9/').items.map((i) => i.title)).toEqual(['6', '7', '8', '9']);
    expect(hotel('procedures/hotel/p0/').items.map((i) => i.title)).toEqual(['0', '1', '2', '3']);
    expect(hotel('categories/hotel/').items.map((i) => i.title)).toEqual(['0', '1', '2', '3']);
    expect(createSiteNav(categories, procedures, link).categories(undefined)[0]!.partial).toBe(false);
  });
});
