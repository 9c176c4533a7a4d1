import { describe, expect, it } from 'vitest';
import { keepPages, keptText, resultText } from './offline-keep';

const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
const io = (behaviour: Record<string, 'ok' | 'bad' | 'offline' | 'full'>) => {
  const stored: string[] = [];
  return {
    stored,
    save: async (url: string) => {
      const kind = behaviour[url] ?? 'ok';
      if (kind === 'offline') throw new TypeError('Failed to fetch');
      if (kind === 'full') throw quota;
      if (kind === 'bad') return false;
      stored.push(url);
      return true;
    },
    isQuotaError: (e: unknown) => e === quota,
  };
};

describe('keepPages', () => {
  it('saves every page and reports progress', async () => {
    const urls = Array.from({ length: 9 }, (_, i) => `/p${i}/`);
    const target = io({});
    const progress: number[] = [];
    expect(await keepPages(urls, target, (n) => progress.push(n), 3)).toEqual({ saved: 9, failed: 0, full: false });
    expect(target.stored.sort()).toEqual([...urls].sort());
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('counts pages it could not fetch, and goes on with the rest', async () => {
    const target = io({ '/b/': 'offline', '/c/': 'bad' });
    expect(await keepPages(['/a/', '/b/', '/c/', '/d/'], target, undefined, 1)).toEqual({ saved: 2, failed: 2, full: false });
    expect(target.stored).toEqual(['/a/', '/d/']);
  });

  it('stops when storage is full, claiming only what was stored', async () => {
    const target = io({ '/b/': 'full' });
    const result = await keepPages(['/a/', '/b/', '/c/', '/d/'], target, undefined, 1);
    expect(result).toEqual({ saved: 1, failed: 0, full: true });
    expect(target.stored).toEqual(['/a/']);
    expect(resultText(result, 4)).toBe('存储空间已满:保存了 1 个页面,其余 3 个未能保存。');
  });
});

describe('what the reader is told', () => {
  it('says how much of the set is on this device, and how big it is', () => {
    expect(keptText('本类', 0, 12, 0)).toBe('本类 12 个页面还没有保存到本机。');
    expect(keptText('本类', 5, 12, 300 * 1024)).toBe('本机已保存本类 12 个页面中的 5 个(300 KB);其余的断网时打不开。');
    expect(keptText('本路径', 12, 12, 2.5 * 1024 * 1024)).toBe('本路径 12 个页面已全部保存到本机(2.5 MB),断网也能打开。');
    expect(resultText({ saved: 10, failed: 2, full: false }, 12)).toContain('有 2 个页面未能保存');
    expect(resultText({ saved: 12, failed: 0, full: false }, 12)).toBe('');
  });
});
