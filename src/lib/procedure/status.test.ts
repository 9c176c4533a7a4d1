import { describe, expect, it } from 'vitest';
import { PROCEDURE_STATUSES } from './schema';
import { DRAFT_STATUS, isDraft } from './status';

describe('isDraft', () => {
  it('is true for the draft status only', () => {
    expect(isDraft({ status: '草稿' })).toBe(true);
    expect(isDraft({ status: '正式' })).toBe(false);
    expect(isDraft({ status: '草稿 ' })).toBe(false);
  });

  it('takes search meta, where the status may be missing', () => {
    expect(isDraft({})).toBe(false);
    expect(isDraft({ status: undefined })).toBe(false);
  });

  it('names a status the schema allows, and every other status is not a draft', () => {
    expect(PROCEDURE_STATUSES).toContain(DRAFT_STATUS);
    expect(PROCEDURE_STATUSES.filter((status) => isDraft({ status }))).toEqual([DRAFT_STATUS]);
  });
});
