import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedRenderer, chartKey } from './chart-renderer';

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'sop-chart-cache-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('chart render cache', () => {
  it('renders a chart once and serves the same SVG from disk after', async () => {
    const calls: string[] = [];
    const render = async (source: string, id: string) => {
      calls.push(source);
      return `<svg id="${id}">${source}</svg>`;
    };
    const dir = tempDir();
    const first = cachedRenderer(dir, render);
    const svg = await first.render('flowchart TD\n  a-->b\n');
    expect(await first.render('flowchart TD\n  a-->b\n')).toBe(svg);
    // A new build (new cache object, same folder) still hits.
    const second = cachedRenderer(dir, render);
    expect(await second.render('flowchart TD\n  a-->b\n')).toBe(svg);
    expect(calls).toHaveLength(1);
    expect(first.stats).toEqual({ hits: 0, misses: 1, reused: 1 });
    expect(second.stats).toEqual({ hits: 1, misses: 0, reused: 0 });
    expect(readdirSync(dir)).toEqual([`${chartKey('flowchart TD\n  a-->b\n')}.svg`]);
  });

  it('renders again when the source changes', async () => {
    let count = 0;
    const cache = cachedRenderer(tempDir(), async () => `<svg>${++count}</svg>`);
    await cache.render('flowchart TD\n  a-->b\n');
    await cache.render('flowchart TD\n  a-->c\n');
    expect(count).toBe(2);
  });

  it('keys on source and on the renderer settings', () => {
    expect(chartKey('a')).toBe(chartKey('a'));
    expect(chartKey('a')).not.toBe(chartKey('b'));
    expect(chartKey('a')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not cache a failed render', async () => {
    const dir = tempDir();
    const failing = cachedRenderer(dir, async () => {
      throw new Error('Parse error');
    });
    await expect(failing.render('flowchart TD\n  a-->')).rejects.toThrow('Parse error');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('chart prefetch', () => {
  it('renders a prefetched chart once; the page that asks for it counts the miss', async () => {
    const calls: string[] = [];
    const cache = cachedRenderer(tempDir(), async (source) => {
      calls.push(source);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return `<svg>${source}</svg>`;
    });
    cache.prefetch(['a', 'b']);
    expect(await cache.render('b')).toBe('<svg>b</svg>');
    expect(await cache.render('a')).toBe('<svg>a</svg>');
    expect(await cache.render('a')).toBe('<svg>a</svg>');
    expect(calls.sort()).toEqual(['a', 'b']);
    expect(cache.stats).toEqual({ hits: 0, misses: 2, reused: 1 });
    expect(cache.renderMs()).toBeGreaterThan(0);
  });

  it('renders once when two pages ask for the same chart at the same time', async () => {
    let count = 0;
    const cache = cachedRenderer(tempDir(), async () => `<svg>${++count}</svg>`);
    const [one, two] = await Promise.all([cache.render('x'), cache.render('x')]);
    expect(one).toBe(two);
    expect(count).toBe(1);
  });

  it('reports a failed prefetch to the page that asks, and caches nothing', async () => {
    const dir = tempDir();
    let attempts = 0;
    const cache = cachedRenderer(dir, async () => {
      attempts++;
      throw new Error('Parse error');
    });
    cache.prefetch(['bad']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(cache.render('bad')).rejects.toThrow('Parse error');
    expect(attempts).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});
