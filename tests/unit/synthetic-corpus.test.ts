// The benchmark's synthetic procedures must be as valid as real ones, or the
// build-scale numbers would measure a build that stops at the first error.
import { describe, expect, it } from 'vitest';
import { readMdx } from '../helpers/content-files';
import { syntheticCorpus, toMdx, validateSynthetic } from '../helpers/synthetic-corpus';
import { procedureSchema } from '../../src/lib/procedure/schema';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('synthetic corpus', () => {
  const corpus = syntheticCorpus(300);

  it('passes the schema and every validation check', () => {
    expect(() => validateSynthetic(corpus)).not.toThrow();
  });

  it('is realistic: 15–30 steps, decisions, Chinese text, some variants', () => {
    for (const p of corpus) {
      expect(p.data.steps.length).toBeGreaterThanOrEqual(15);
      expect(p.data.steps.length).toBeLessThanOrEqual(30);
    }
    const decisions = corpus.map((p) => p.data.steps.filter((s) => s.kind === 'decision').length);
    expect(decisions.filter((n) => n > 0).length).toBeGreaterThan(corpus.length * 0.9);
    expect(corpus.filter((p) => (p.data.variants ?? []).length > 0).length).toBe(30);
    expect(corpus[0]!.body).toMatch(/[\u4e00-\u9fff]{10}/);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(syntheticCorpus(5).map(toMdx)).toEqual(corpus.slice(0, 5).map(toMdx));
    expect(syntheticCorpus(5, 2).map(toMdx)).not.toEqual(corpus.slice(0, 5).map(toMdx));
  });

  it('round-trips through MDX frontmatter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-synthetic-'));
    try {
      const file = join(dir, 'x.mdx');
      writeFileSync(file, toMdx(corpus[13]!));
      const parsed = procedureSchema.parse(readMdx(file).frontmatter);
      expect(parsed).toEqual(procedureSchema.parse(corpus[13]!.data));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
