// The tests' one content loader: the procedures of content/ as the build sees
// them (schema, procedure model, the handbook's order), read once per test
// file. Tests compare pages against this instead of parsing MDX themselves.
import { join } from 'node:path';
import { procedureSchema, type ProcedureData } from '../../src/lib/procedure/schema';
import { buildProcedure, type Procedure } from '../../src/lib/procedure/build';
import { byHandbookOrder } from '../../src/lib/handbook-order';
import { placedComponents, type PlacedComponents } from '../../src/lib/mdx-components';
import { categorySchema, receptionLevelSchema, type Category, type ReceptionLevel } from '../../src/lib/reference-schemas';
import { CONTENT, procedureFiles, readMdx, readYamlList } from './content-files';

export interface ContentProcedure {
  /** The page id: the path under content/procedures without .mdx. */
  id: string;
  /** The MDX file, absolute. */
  file: string;
  data: ProcedureData;
  model: Procedure;
  body: string;
  /** What the body places, as the build reads it. */
  placed: PlacedComponents;
  category: Category;
  categoryName: string;
}

export const categories: Category[] = readYamlList('categories.yaml')
  .map((c) => categorySchema.parse(c))
  .sort((a, b) => a.order - b.order);

export const levels: ReceptionLevel[] = readYamlList('reception-levels.yaml')
  .map((l) => receptionLevelSchema.parse(l))
  .sort((a, b) => a.order - b.order);

/** The page id of a procedure file. */
export const procedureId = (file: string) => file.slice(join(CONTENT, 'procedures').length + 1).replace(/\.mdx$/, '');

let loaded: ContentProcedure[] | undefined;

/** Every procedure, in the handbook's order. */
export function loadProcedures(): ContentProcedure[] {
  loaded ??= byHandbookOrder(
    procedureFiles().map((file) => {
      const entry = readMdx(file);
      const data = procedureSchema.parse(entry.frontmatter);
      const category = categories.find((c) => c.id === data.category)!;
      return { id: procedureId(file), file, data, model: buildProcedure(data), body: entry.body, placed: placedComponents(entry.body), category, categoryName: category.name };
    }),
    categories.map((c) => c.id),
    (p) => p.data,
  );
  return loaded;
}

/** One procedure by its page id ("spa/lobby-shoe-bar"). */
export function procedureById(id: string): ContentProcedure {
  const found = loadProcedures().find((p) => p.id === id);
  if (!found) throw new Error(`no procedure ${id} in content/`);
  return found;
}
