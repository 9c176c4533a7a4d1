// The procedures as content/ holds them, in the handbook's order (category
// order, then `order`, then code), for tests that check printed output.
import { join } from 'node:path';
import { procedureSchema, type ProcedureData } from '../../src/lib/procedure/schema';
import { CONTENT, procedureFiles, readMdx, readYamlList } from './content-files';

export interface ContentProcedure {
  id: string;
  data: ProcedureData;
  body: string;
  categoryName: string;
}

export const categories = readYamlList('categories.yaml') as { id: string; name: string; order: number }[];

export function loadProcedures(): ContentProcedure[] {
  const rank = new Map([...categories].sort((a, b) => a.order - b.order).map((c, i) => [c.id, i]));
  return procedureFiles()
    .map((file) => {
      const entry = readMdx(file);
      const data = procedureSchema.parse(entry.frontmatter);
      return {
        id: file.slice(join(CONTENT, 'procedures').length + 1).replace(/\.mdx$/, ''),
        data,
        body: entry.body,
        categoryName: categories.find((c) => c.id === data.category)!.name,
      };
    })
    .sort(
      (a, b) =>
        rank.get(a.data.category)! - rank.get(b.data.category)! ||
        a.data.order - b.data.order ||
        a.data.code.localeCompare(b.data.code),
    );
}
