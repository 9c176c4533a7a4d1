// Keeping a set of pages (a category, a learning path) for offline use: what
// the reader is told, and the saving loop, with the Cache API passed in so
// the logic is tested without a browser.

export interface KeepProgress {
  saved: number;
  failed: number;
  /** Storage ran out: the rest was not tried. */
  full: boolean;
}

export interface KeepIo {
  /** Fetches a page and stores it; throws on a network error, returns false for a bad status. */
  save(url: string): Promise<boolean>;
  isQuotaError(error: unknown): boolean;
}

/** Saves `urls` a few at a time; stops at the first "storage full". */
export async function keepPages(
  urls: readonly string[],
  io: KeepIo,
  onProgress: (done: number) => void = () => {},
  concurrency = 4,
): Promise<KeepProgress> {
  const result: KeepProgress = { saved: 0, failed: 0, full: false };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < urls.length && !result.full) {
      const url = urls[next++]!;
      try {
        if (await io.save(url)) result.saved++;
        else result.failed++;
      } catch (error) {
        if (io.isQuotaError(error)) result.full = true;
        else result.failed++;
      }
      onProgress(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  return result;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What is on this device now, for a set of `total` pages named `what` (本类, 本路径). */
export function keptText(what: string, kept: number, total: number, bytes: number): string {
  if (kept === 0) return `${what} ${total} 个页面还没有保存到本机。`;
  if (kept >= total) return `${what} ${total} 个页面已全部保存到本机(${formatBytes(bytes)}),断网也能打开。`;
  return `本机已保存${what} ${total} 个页面中的 ${kept} 个(${formatBytes(bytes)});其余的断网时打不开。`;
}

/** After a save: only what really was stored is claimed. */
export function resultText(result: KeepProgress, total: number): string {
  const missing = total - result.saved;
  if (result.full) return `存储空间已满:保存了 ${result.saved} 个页面,其余 ${missing} 个未能保存。`;
  if (result.failed > 0) return `有 ${result.failed} 个页面未能保存(网络中断或页面已移走),可以联网后再试一次。`;
  return '';
}
