import { describe, expect, it } from 'vitest';
import { chooseVariant, variantStorageKey, withVariant } from './variant-choice';

const ids = ['male', 'female'];

describe('chooseVariant', () => {
  it('takes the address first, then the stored choice, then the first variant', () => {
    expect(chooseVariant('?variant=female', 'male', ids)).toEqual({ id: 'female', from: 'url' });
    expect(chooseVariant('', 'female', ids)).toEqual({ id: 'female', from: 'storage' });
    expect(chooseVariant('', null, ids)).toEqual({ id: 'male', from: 'default' });
  });

  it('ignores a variant this procedure does not have, and says which', () => {
    expect(chooseVariant('?variant=kids', 'female', ids)).toEqual({ id: 'female', from: 'storage', unknown: 'kids' });
    expect(chooseVariant('?variant=kids', 'junk', ids)).toEqual({ id: 'male', from: 'default', unknown: 'kids' });
  });
});

describe('withVariant', () => {
  it('writes the variant into the query, keeping the walk and other parameters', () => {
    expect(withVariant('', 'female')).toBe('?variant=female');
    expect(withVariant('?walk=greet&variant=male', 'female')).toBe('?walk=greet&variant=female');
    expect(withVariant('?walk=greet&variant=male', undefined)).toBe('?walk=greet');
    expect(withVariant('?variant=male', undefined)).toBe('');
  });

  it('keys the stored choice by procedure code', () => {
    expect(variantStorageKey('SOP-SPA-02')).toBe('sop-variant:SOP-SPA-02');
  });
});
