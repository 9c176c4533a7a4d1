// A Map-backed Storage for unit tests, with an optional quota in characters.
import type { StorageLike } from '../../src/lib/client/storage';

/** Throws as Chromium does once the quota is used up. */
export function memoryStorage(initial: Record<string, string> = {}, quota = Infinity) {
  const data = new Map(Object.entries(initial));
  const used = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  const storage: StorageLike & { data: Map<string, string> } = {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      const replaced = data.has(k) ? k.length + data.get(k)!.length : 0;
      if (used() - replaced + k.length + String(v).length > quota) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      data.set(k, String(v));
    },
    removeItem: (k) => void data.delete(k),
  };
  return storage;
}
