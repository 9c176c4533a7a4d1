// The handbook's order of procedures: by category (the categories' own order),
// then `order`, then code; never by file-system order. The build and the
// tests' content loader both sort with it.

export interface Orderable {
  category: string;
  order: number;
  code: string;
}

export function byHandbookOrder<T>(items: readonly T[], categoryIds: readonly string[], dataOf: (item: T) => Orderable): T[] {
  const rank = new Map(categoryIds.map((id, i) => [id, i]));
  const rankOf = (id: string) => rank.get(id) ?? categoryIds.length;
  return [...items].sort((a, b) => {
    const x = dataOf(a);
    const y = dataOf(b);
    return rankOf(x.category) - rankOf(y.category) || x.order - y.order || x.code.localeCompare(y.code);
  });
}
