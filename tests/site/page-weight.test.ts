// The page-weight budget on the built site: every procedure page (and the
// home and category pages) stays within 30 KB gzipped JavaScript and 20 KB
// gzipped CSS before any interaction. npm run bench prints the same figures.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { procedureFiles } from '../helpers/content-files';
import { BUDGET, builtProcedurePages, pageWeight, type PageWeight } from '../helpers/page-weight';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const describeWeight = (w: PageWeight) =>
  `${w.page || '首页'}: JS ${kb(w.js.gzip)} gzip (${w.jsFiles.join(', ') || 'inline only'}), CSS ${kb(w.css.gzip)} gzip (${w.cssFiles.join(', ')})`;

describe('page weight budget', () => {
  const procedures = builtProcedurePages();

  it('measures every procedure page of the content', () => {
    expect(procedures).toHaveLength(procedureFiles().length);
  });

  it.each(['', 'categories/corporate/', ...procedures])('%s: JS ≤ 30 KB and CSS ≤ 20 KB gzipped', (page) => {
    const weight = pageWeight(page);
    expect(weight.js.gzip, describeWeight(weight)).toBeLessThanOrEqual(BUDGET.jsGzip);
    expect(weight.css.gzip, describeWeight(weight)).toBeLessThanOrEqual(BUDGET.cssGzip);
    expect(weight.css.gzip, 'a page without its stylesheet is not measured').toBeGreaterThan(0);
  });
});

describe('the page-weight measure', () => {
  it('counts scripts a page imports statically, but not lazy import(), and fails a heavy page', () => {
    const dist = mkdtempSync(join(tmpdir(), 'sop-weight-'));
    try {
      mkdirSync(join(dist, '_astro'), { recursive: true });
      mkdirSync(join(dist, 'page'), { recursive: true });
      const heavy = randomBytes(30 * 1024).toString('base64'); // ~40 KB, hardly compressible
      writeFileSync(join(dist, '_astro', 'entry.js'), `import"./heavy.js";const lazy=()=>import("./search.js");`);
      writeFileSync(join(dist, '_astro', 'heavy.js'), `export const data="${heavy}";`);
      writeFileSync(join(dist, '_astro', 'search.js'), `export const index="${heavy}";`);
      writeFileSync(join(dist, '_astro', 'site.css'), 'body{color:red}');
      writeFileSync(
        join(dist, 'page', 'index.html'),
        '<html><head><link rel="stylesheet" href="/_astro/site.css"><style>p{margin:0}</style>' +
          '<link rel="icon" href="/favicon.svg"></head><body>' +
          '<script type="module" src="/_astro/entry.js"></script></body></html>',
      );
      const weight = pageWeight('page/', dist);
      expect(weight.jsFiles.sort()).toEqual(['_astro/entry.js', '_astro/heavy.js']);
      expect(weight.cssFiles).toEqual(['_astro/site.css']);
      expect(weight.requests).toBe(5);
      expect(weight.js.gzip).toBeGreaterThan(BUDGET.jsGzip);
      expect(weight.css.raw).toBe('body{color:red}'.length + 'p{margin:0}'.length);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
