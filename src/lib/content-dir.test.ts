import { describe, expect, it } from 'vitest';
import { contentCacheDir, contentDir } from './content-dir';

describe('content folder and its Astro cache', () => {
  it('uses ./content and Astro’s own cache by default', () => {
    expect(contentDir({})).toBe('./content');
    expect(contentCacheDir({})).toBe('./node_modules/.astro');
    expect(contentCacheDir({ SOP_CONTENT_DIR: './content/' })).toBe('./node_modules/.astro');
  });

  it('gives every other content folder a cache of its own', () => {
    const a = contentCacheDir({ SOP_CONTENT_DIR: '/tmp/x/content-a' });
    const b = contentCacheDir({ SOP_CONTENT_DIR: '/tmp/x/content-b' });
    expect(a).toMatch(/^\.\/node_modules\/\.astro\/content-[0-9a-f]{12}$/);
    expect(b).not.toBe(a);
    expect(contentCacheDir({ SOP_CONTENT_DIR: '/tmp/x/content-a/' })).toBe(a);
  });
});
