import { describe, expect, it } from 'vitest';
import { pagefindPair, procedureFacets } from './search-index';
import { procedure } from '../../tests/helpers/fixtures';

describe('procedureFacets', () => {
  it('gives category, department, every role and status as filters', () => {
    const data = procedure((input) => {
      input.roles = ['前台接待员'];
      input.steps[2]!.role = '行李生';
    });
    const facets = procedureFacets(data, '企业接待');
    expect(facets.filters).toEqual({
      category: ['企业接待'],
      department: ['测试部'],
      role: ['前台接待员', '行李生'],
      status: ['正式'],
    });
    expect(facets.meta).toEqual({ title: '测试流程', code: 'SOP-TEST-01', category: '企业接待', status: '正式' });
  });
});

describe('pagefindPair', () => {
  it('writes key:value with line breaks folded', () => {
    expect(pagefindPair('department', '男宾部 /\n女宾部')).toBe('department:男宾部 / 女宾部');
  });
  it('refuses a key Pagefind would misread', () => {
    expect(() => pagefindPair('部门', 'x')).toThrow();
  });
});
