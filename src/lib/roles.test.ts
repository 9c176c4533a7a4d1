import { describe, expect, it } from 'vitest';
import { createRoleIndex, roleLink } from './roles';

const roles = createRoleIndex([{ id: 'front-desk', name: '前台接待员', aliases: ['接待员'], description: '前台' }]);

describe('roleLink', () => {
  it('links a canonical role name to its page under the base path, and nothing else', () => {
    expect(roleLink(roles, '/sop/')('前台接待员')).toBe('/sop/roles/front-desk/');
    expect(roleLink(roles, '/')('接待员')).toBeUndefined();
    expect(roleLink(roles, '/')('保安')).toBeUndefined();
  });
});
