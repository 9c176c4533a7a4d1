// A procedure's status, compared in one place. No runtime imports: the search
// panel runs this in the browser, on the status Pagefind keeps as page meta.
import type { PROCEDURE_STATUSES } from './schema';

/** The status of a procedure not yet published (PROCEDURE_STATUSES in schema.ts). */
export const DRAFT_STATUS = '草稿' satisfies (typeof PROCEDURE_STATUSES)[number];

/** A draft: shown with its badge, printed with 草稿 on every page, never the basis for work. */
export function isDraft(data: { readonly status?: string | undefined }): boolean {
  return data.status === DRAFT_STATUS;
}
