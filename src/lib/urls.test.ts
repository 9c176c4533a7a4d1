import { describe, expect, it } from 'vitest';
import { paths, withBase } from './urls';

describe('withBase', () => {
  it('joins root and sub-path bases without doubling slashes', () => {
    expect(withBase('/', paths.procedure('spa/lobby'))).toBe('/procedures/spa/lobby/');
    expect(withBase('/sop/', '/glossary/')).toBe('/sop/glossary/');
    expect(withBase('/sop', paths.home())).toBe('/sop/');
  });
});
