// How the printable handbook is cut into pages. One page holds at most
// VOLUME_SIZE procedures and VOLUME_STEPS steps, so no page outgrows a phone
// or the print dialog at any corpus size: a step prints as about 4–6 KB of
// HTML with its share of the charts, so a volume stays under 2 MB.
// Small handbooks keep one page for everything and one per category; a large
// category becomes numbered volumes, and the page of a scope too large to be
// one volume lists its volumes instead.
import { paths } from './urls';

export const VOLUME_SIZE = 20;
export const VOLUME_STEPS = 260;

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

/** Consecutive runs of `items`, each within both limits (an item over the step limit stands alone). */
function cut<T>(items: readonly T[], stepsOf: (item: T) => number, size: number, steps: number): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let weight = 0;
  for (const item of items) {
    const w = stepsOf(item);
    if (run.length > 0 && (run.length >= size || weight + w > steps)) {
      runs.push(run);
      run = [];
      weight = 0;
    }
    run.push(item);
    weight += w;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

export interface VolumeLimits {
  size?: number;
  steps?: number;
}

/** `procedures` in handbook order; categories without procedures get no page. */
export function planVolumes<T>(
  procedures: readonly T[],
  categoryIds: readonly string[],
  categoryOf: (procedure: T) => string,
  stepsOf: (procedure: T) => number,
  { size = VOLUME_SIZE, steps = VOLUME_STEPS }: VolumeLimits = {},
): HandbookVolumes<T> {
  const categories = categoryIds
    .map((categoryId): CategoryVolumes<T> | undefined => {
      const members = procedures.filter((p) => categoryOf(p) === categoryId);
      if (members.length === 0) return undefined;
      const runs = cut(members, stepsOf, size, steps);
      const whole = runs.length === 1;
      let first = 1;
      const volumes = runs.map((run, i) => {
        const volume = {
          path: whole ? paths.handbook(categoryId) : volumePath(categoryId, i + 1),
          categoryId,
          part: i + 1,
          parts: runs.length,
          first,
          procedures: run,
        };
        first += run.length;
        return volume;
      });
      return { categoryId, path: paths.handbook(categoryId), whole, volumes };
    })
    .filter((c): c is CategoryVolumes<T> => c !== undefined);
  return { whole: cut(procedures, stepsOf, size, steps).length === 1, categories };
}
