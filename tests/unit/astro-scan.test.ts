// Vite's dependency scan finds <script> tags in .astro files by pattern, even
// inside the frontmatter: a comment there that names the tag makes it parse
// TypeScript as a script and print PARSE_ERROR on every `npm run dev`.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, listFiles } from '../helpers/content-files';

describe('.astro frontmatter', () => {
  it('never contains a script tag, not even in a comment', () => {
    const offenders = listFiles(join(ROOT, 'src'), '.astro').filter((file) => {
      const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
      return /<script\b/i.test(frontmatter);
    });
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
