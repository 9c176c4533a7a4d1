import { it } from 'vitest';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { toMermaid } from '../../src/lib/flowchart';
import { mermaidConfig, CHART_FONT_FAMILY } from '../../src/lib/chart-config';
import { syntheticCorpus } from '../helpers/synthetic-corpus';
import { procedureSchema } from '../../src/lib/procedure-schema';
const require = createRequire(import.meta.url);
const ARGS = ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync','--font-render-hinting=none'];

it('probe', async () => {
  const sources = syntheticCorpus(60, 7).map((p) => toMermaid(procedureSchema.parse(p.data).steps));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><html lang="zh-CN"><body style="font-family:${CHART_FONT_FAMILY}"></body></html>`);
  await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
  const times = await page.evaluate(async ({ sources, config }) => { const m = (window as any).mermaid; const out=[]; for (let i = 0; i < sources.length; i++) { const t=performance.now(); m.initialize(config); await m.render('w' + i, sources[i]); out.push(Math.round(performance.now()-t)); } return out; }, { sources, config: mermaidConfig });
  console.log(times.join(' '));
  const client = await page.context().newCDPSession(page);
  await client.send('Profiler.enable');
  await client.send('Profiler.setSamplingInterval', { interval: 200 });
  await client.send('Profiler.start');
  const t = performance.now();
  await page.evaluate(async ({ sources, config }) => { const m = (window as any).mermaid; for (let i = 0; i < 20; i++) { m.initialize(config); await m.render('c' + i, sources[i]); } }, { sources, config: mermaidConfig });
  console.log('per chart', (performance.now() - t) / 20);
  const { profile } = await client.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfT = new Map<number, number>();
  profile.samples!.forEach((id, k) => selfT.set(id, (selfT.get(id) ?? 0) + (profile.timeDeltas![k] ?? 0)));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  for (const [id, tm] of selfT) {
    const seen = new Set<string>();
    let cur: number | undefined = id;
    while (cur !== undefined) {
      const n = byId.get(cur)!;
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      if (!seen.has(key)) { seen.add(key); incl.set(key, (incl.get(key) ?? 0) + tm); }
      cur = parent.get(cur);
    }
  }
  console.log([...incl].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, v]) => `${Math.round(v / 1000 / 20)}ms ${k}`).join('\n'));
  await browser.close();
});
