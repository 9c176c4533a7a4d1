import { describe, expect, it } from 'vitest';
import { procedure } from '../../../tests/helpers/fixtures';
import { variantDifferences } from './variant-diff';

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
    expect(variantDifferences(data)).toEqual([
      { id: 'male', label: '男宾部', changes: [] },
      {
        id: 'female',
        label: '女宾部',
        changes: [
          { stepNumber: 3, stepTitle: '登记来访', field: '标题', value: ['登记女宾'] },
          { stepNumber: 3, stepTitle: '登记来访', field: '说明', value: ['填写女宾登记表'] },
          { stepNumber: 5, stepTitle: '结束', field: '话术', value: ['女士走好'] },
        ],
      },
    ]);
  });

  it('is empty for a procedure without variants', () => {
    expect(variantDifferences(procedure())).toEqual([]);
  });
});
