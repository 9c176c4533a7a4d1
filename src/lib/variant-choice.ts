// Which variant (男宾部 / 女宾部 …) a procedure page shows: the address first,
// so a shared link shows what its sender saw, then the reader's last choice on
// this device, then the first variant.

export const VARIANT_PARAM = 'variant';

export function variantStorageKey(procedureCode: string): string {
  return `sop-variant:${procedureCode}`;
}

export interface VariantChoice {
  id: string;
  from: 'url' | 'storage' | 'default';
  /** A variant named in the address that this procedure does not have. */
  unknown?: string;
}

export function chooseVariant(search: string, stored: string | null, ids: readonly string[]): VariantChoice {
  const named = new URLSearchParams(search).get(VARIANT_PARAM);
  const unknown = named && !ids.includes(named) ? { unknown: named } : {};
  if (named && ids.includes(named)) return { id: named, from: 'url' };
  if (stored && ids.includes(stored)) return { id: stored, from: 'storage', ...unknown };
  return { id: ids[0] ?? '', from: 'default', ...unknown };
}

/** The query string with the variant written in (or removed, for undefined); other parameters stay. */
export function withVariant(search: string, id: string | undefined): string {
  const params = new URLSearchParams(search);
  if (id) params.set(VARIANT_PARAM, id);
  else params.delete(VARIANT_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}
