import { describe, expect, it } from 'vitest';
import { foldsOnPhone } from './fold';

describe('foldsOnPhone', () => {
  it('folds a box of more than five lines at about 20 characters a line', () => {
    expect(foldsOnPhone('')).toBe(false);
    expect(foldsOnPhone('原文缺失:附件一不在原文中。')).toBe(false);
    expect(foldsOnPhone('字'.repeat(80))).toBe(false);
    expect(foldsOnPhone('字'.repeat(81))).toBe(true);
    // Short items still take a line each.
    expect(foldsOnPhone(['一', '二', '三', '四'])).toBe(false);
    expect(foldsOnPhone(['一', '二', '三', '四', '五'])).toBe(true);
  });
});
