import { describe, expect, it } from 'vitest';
import { byHandbookOrder } from './handbook-order';

describe('byHandbookOrder', () => {
  it('sorts by category order, then order, then code, and leaves the input alone', () => {
    const items = [
      { category: 'spa', order: 1, code: 'SPA-01' },
      { category: 'hotel', order: 2, code: 'HOTEL-02' },
      { category: 'hotel', order: 1, code: 'HOTEL-09' },
      { category: 'hotel', order: 1, code: 'HOTEL-03' },
    ];
    const sorted = byHandbookOrder(items, ['hotel', 'spa'], (i) => i);
    expect(sorted.map((i) => i.code)).toEqual(['HOTEL-03', 'HOTEL-09', 'HOTEL-02', 'SPA-01']);
    expect(items[0]!.code).toBe('SPA-01');
  });
});
