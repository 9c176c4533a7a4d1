import { describe, expect, it } from 'vitest';
import { overdueLines } from './review-report';

describe('overdueLines', () => {
  it('names each overdue procedure with its file, date and days past', () => {
    const lines = overdueLines([
      { file: 'content/procedures/hotel/a.mdx', code: 'SOP-HOTEL-09', title: '甲', review: { state: 'overdue', next: new Date('2027-01-01T00:00:00Z'), days: -3 } },
    ]);
    expect(lines).toEqual([
      '待复核:1 个流程已过复核日期(不影响构建,请安排复核后更新 reviewed):',
      '  - SOP-HOTEL-09 甲(content/procedures/hotel/a.mdx):应于 2027年1月1日 复核,已过 3 天',
    ]);
    expect(overdueLines([])).toEqual([]);
  });
});
