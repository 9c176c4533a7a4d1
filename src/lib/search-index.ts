// What Pagefind stores about a procedure besides its text: filters the search
// dialog offers as chips, and metadata each result shows (code, category).
import type { ProcedureData } from './procedure/schema';

export const FILTER_KEYS = ['category', 'department', 'role', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface SearchFacets {
  filters: Record<FilterKey, string[]>;
  meta: Record<'title' | 'code' | 'category' | 'status', string>;
}

export function procedureFacets(
  data: Pick<ProcedureData, 'title' | 'code' | 'department' | 'roles' | 'status' | 'steps'>,
  categoryName: string,
): SearchFacets {
  // Step roles count too: a role that does one step should find the procedure.
  const roles = [...new Set([...data.roles, ...data.steps.flatMap((s) => (s.role ? [s.role] : []))])];
  return {
    filters: {
      category: [categoryName],
      department: [data.department],
      role: roles,
      status: [data.status],
    },
    meta: { title: data.title, code: data.code, category: categoryName, status: data.status },
  };
}

/**
 * One `key:value` pair for a data-pagefind-filter / -meta attribute. Pagefind
 * reads an inline value to the end of the attribute, so one pair per element;
 * line breaks would end up in chips and are folded to spaces.
 */
export function pagefindPair(key: string, value: string): string {
  if (!/^[a-z_]+$/.test(key)) throw new Error(`Pagefind key must be lowercase letters: ${key}`);
  return `${key}:${value.replace(/\s+/g, ' ').trim()}`;
}
