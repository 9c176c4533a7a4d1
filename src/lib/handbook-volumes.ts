// How the printable handbook is cut into pages. One page holds at most
// VOLUME_SIZE procedures, so no page outgrows a phone or the print dialog at
// any corpus size (a procedure prints as 40–90 KB of HTML with its charts).
// Small handbooks keep one page for everything and one per category; a large
// category becomes numbered volumes, and the page of a scope too large to be
// one volume lists its volumes instead.
import { paths } from './urls';

export const VOLUME_SIZE = 20;

export interface Volume<T> {
  /** Site-relative path of the printable page. */
  path: string;
  categoryId?: string;
  /** 1-based number of this volume within its category, and how many the category has. */
  part: number;
  parts: number;
  /** Handbook number (1-based) of the first procedure: numbers run on across a category's volumes. */
  first: number;
  procedures: T[];
}

export interface CategoryVolumes<T> {
  categoryId: string;
  /** The category's own page: its procedures when they fit one volume, else a list of `volumes`. */
  path: string;
  whole: boolean;
  volumes: Volume<T>[];
}

export interface HandbookVolumes<T> {
  /** /handbook/ prints everything when the whole handbook fits one volume, else lists the volumes. */
  whole: boolean;
  categories: CategoryVolumes<T>[];
}

export function volumePath(categoryId: string, part: number): string {
  return `${paths.handbook(categoryId)}${part}/`;
}

/** `procedures` in handbook order; categories without procedures get no page. */
export function planVolumes<T>(
  procedures: readonly T[],
  categoryIds: readonly string[],
  categoryOf: (procedure: T) => string,
  size = VOLUME_SIZE,
): HandbookVolumes<T> {
  const categories = categoryIds
    .map((categoryId): CategoryVolumes<T> | undefined => {
      const members = procedures.filter((p) => categoryOf(p) === categoryId);
      if (members.length === 0) return undefined;
      const parts = Math.ceil(members.length / size);
      const whole = parts === 1;
      const volumes = Array.from({ length: parts }, (_, i) => ({
        path: whole ? paths.handbook(categoryId) : volumePath(categoryId, i + 1),
        categoryId,
        part: i + 1,
        parts,
        first: i * size + 1,
        procedures: members.slice(i * size, (i + 1) * size),
      }));
      return { categoryId, path: paths.handbook(categoryId), whole, volumes };
    })
    .filter((c): c is CategoryVolumes<T> => c !== undefined);
  return { whole: procedures.length <= size, categories };
}
