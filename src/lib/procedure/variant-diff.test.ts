import { describe, expect, it } from 'vitest';
import { procedure } from '../../../tests/helpers/fixtures';
import { variantDifferences } from './variant-diff';
import { buildProcedure } from './build';

describe('variantDifferences', () => {
  it('lists each changed field of each variant in step order, with the step number', () => {
    const data = procedure((p) => {
      p.steps[4]!.say = ['先生走好'];
      p.variants = [
        { id: 'male', label: '男宾部', overrides: [] },
        {
          id: 'female',
          label: '女宾部',
          overrides: [
            { step: 'done', say: ['女士走好'] },
            { step: 'register', title: '登记女宾', detail: '填写女宾登记表' },
          ],
        },
      ];
    });
    expect(variantDifferences(buildProcedure(data))).toEqual([
      { id: 'male', label: '男宾部', changes: [] },
      {
        id: 'female',
        label: '女宾部',
        changes: [
          { step: { number: 3, title: '登记来访' }, field: '标题', value: ['登记女宾'] },
          { step: { number: 3, title: '登记来访' }, field: '说明', value: ['填写女宾登记表'] },
          { step: { number: 5, title: '结束' }, field: '话术', value: ['女士走好'] },
        ],
      },
    ]);
  });

  it('is empty for a procedure without variants', () => {
    expect(variantDifferences(buildProcedure(procedure()))).toEqual([]);
  });
});
