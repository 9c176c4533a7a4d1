// The build renders charts with Mermaid's config copied once per chart
// (withConfigCopiedOnce) and in several pages at once: every chart of the
// real content must come out byte for byte as Mermaid-as-shipped draws it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChartRenderer, withConfigCopiedOnce, type ChromiumChartRenderer } from '../../src/build/chart-renderer';
import { chromiumPath, hasChromium } from '../helpers/browser';
import { loadProcedures } from '../helpers/procedures';

const require = createRequire(import.meta.url);
const sources = loadProcedures().flatMap((p) => p.model.chartSources);

describe('the chart speed-up', () => {
  it('still applies to the installed Mermaid', () => {
    // Fails after a Mermaid upgrade that changes getConfig: update the pattern, or drop the speed-up.
    expect(withConfigCopiedOnce(readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8')).patched).toBe(true);
  });
});

describe.skipIf(!hasChromium)('charts rendered fast and as shipped', () => {
  let fast: ChromiumChartRenderer;
  let shipped: ChromiumChartRenderer;
  beforeAll(async () => {
    [fast, shipped] = await Promise.all([
      launchChartRenderer(chromiumPath!, { pages: 2 }),
      launchChartRenderer(chromiumPath!, { pages: 1, fast: false }),
    ]);
  });
  afterAll(async () => {
    await fast?.close();
    await shipped?.close();
  });

  it('are byte-identical for every chart of the content', async () => {
    expect(sources.length).toBeGreaterThan(10);
    const id = (i: number) => `chart-same-${i}`;
    const [a, b] = await Promise.all([
      Promise.all(sources.map((source, i) => fast.render(source, id(i)))),
      Promise.all(sources.map((source, i) => shipped.render(source, id(i)))),
    ]);
    const differing = sources.map((_, i) => i).filter((i) => a[i] !== b[i]);
    expect(differing).toEqual([]);
  }, 600_000);

  it('fails only the broken chart of a batch', async () => {
    const results = await Promise.allSettled(
      [sources[0]!, 'flowchart TD\n  a-->\n', sources[1]!].map((source, i) => shipped.render(source, `chart-batch-${i}`)),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/Parse error/i);
  });
});
