// Role names are normalised here and only here: a procedure must use a role's
// canonical name, and an alias is reported with the name to use instead.
import { paths, withBase } from './urls';
import type { Role } from './reference-schemas';

export interface RoleIndex {
  /** The role whose canonical name is exactly `name`. */
  byName(name: string): Role | undefined;
  /** The role that has `name` as an alias. */
  byAlias(name: string): Role | undefined;
  names(): string[];
}

export function createRoleIndex(roles: readonly Role[]): RoleIndex {
  const byName = new Map<string, Role>();
  const byAlias = new Map<string, Role>();
  for (const role of roles) {
    if (byName.has(role.name) || byAlias.has(role.name)) {
      throw new Error(`content/roles.yaml: 角色名 "${role.name}" 出现了两次。修正:每个角色只保留一条。`);
    }
    byName.set(role.name, role);
  }
  for (const role of roles) {
    for (const alias of role.aliases) {
      const clash = byName.get(alias) ?? byAlias.get(alias);
      if (clash) {
        throw new Error(
          `content/roles.yaml: "${alias}" 既是 "${role.name}" 的别名,又属于 "${clash.name}"。修正:一个写法只能属于一个角色。`,
        );
      }
      byAlias.set(alias, role);
    }
  }
  return {
    byName: (name) => byName.get(name),
    byAlias: (name) => byAlias.get(name),
    names: () => [...byName.keys()],
  };
}

/** The link to a role's page by its canonical name, for steps and meta lists; undefined for an unknown name. */
export function roleLink(index: RoleIndex, base: string): (name: string) => string | undefined {
  return (name) => {
    const role = index.byName(name);
    return role ? withBase(base, paths.role(role.id)) : undefined;
  };
}
