// Hostile labels through the real renderer: every label shows as written and
// nothing in them becomes markup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChartRenderer, type ChromiumChartRenderer } from '../../src/build/chart-renderer';
import { toMermaid, type ChartStep } from '../../src/lib/flowchart';
import { chromiumPath, hasChromium, openBrowser } from '../helpers/browser';
import { attr, childElements, parse, select, selectAll } from '../helpers/dom';

const HOSTILE = [
  '他说:"请进"',
  '房号 #302; 押金 ¥500',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'A & B &amp; C',
  '[括号] (圆括号) {花括号} |竖线|',
  'end',
  'click s_a call alert()',
  '%%{init: {"securityLevel":"loose"}}%%',
  '`反引号` **粗体** _斜体_',
  '欢迎光临 🙂🛎️',
  '50% a=b: c\\d',
];

const steps: ChartStep[] = [
  { id: 'start', kind: 'start', title: '开始', next: 'h0', branches: [] },
  ...HOSTILE.map((title, i): ChartStep => ({ id: `h${i}`, kind: 'task', title, next: i + 1 < HOSTILE.length ? `h${i + 1}` : 'ask', branches: [] })),
  {
    id: 'ask',
    kind: 'decision',
    title: '第一行\n第二行 "?"',
    branches: [
      { label: '是 <b>"yes"</b>', to: 'done' },
      { label: '否 #1; |x|', to: 'done-2' },
    ],
  },
  { id: 'done', kind: 'end', title: '结束', branches: [] },
  { id: 'done-2', kind: 'end', title: '结束 2', branches: [] },
];

describe.skipIf(!hasChromium)('Mermaid rendering in Chromium', () => {
  let renderer: ChromiumChartRenderer;
  let browser: Browser;
  let svg: string;

  beforeAll(async () => {
    renderer = await launchChartRenderer(chromiumPath!);
    svg = await renderer.render(toMermaid(steps), 'chart-hostile');
    browser = await openBrowser();
  });
  afterAll(async () => {
    await renderer?.close();
    await browser?.close();
  });

  it('shows every hostile label exactly as written and injects nothing', async () => {
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html><body>${svg}</body></html>`);
    const nodes = await page.$$eval('g.node[data-step-id]', (els) =>
      els.map((el) => ({ id: el.getAttribute('data-step-id'), text: el.textContent })),
    );
    const byId = new Map(nodes.map((n) => [n.id, n.text]));
    expect(nodes).toHaveLength(steps.length);
    HOSTILE.forEach((title, i) => expect(byId.get(`h${i}`)).toBe(title));
    expect(byId.get('ask')).toBe('第一行第二行 "?"');
    const edgeLabels = await page.$$eval('.edgeLabel p', (els) => els.map((el) => el.textContent));
    expect(edgeLabels.sort()).toEqual(['否 #1; |x|', '是 <b>"yes"</b>'].sort());
    const injected = await page.$$eval('svg script, svg img, svg iframe, svg b', (els) => els.length);
    expect(injected).toBe(0);
    const handlers = await page.$$eval('svg *', (els) =>
      els.flatMap((el) => [...el.attributes].map((a) => a.name)).filter((name) => name.startsWith('on')),
    );
    expect(handlers).toEqual([]);
    await page.close();
  });

  it('links each node to its step and keeps the SVG lean', () => {
    const tree = parse(svg);
    const root = select(tree, 'body > svg');
    expect(root && attr(root, 'id')).toBe('chart-hostile');
    // Every step's node sits in its own link to the step's text.
    for (const step of steps) {
      const node = select(root!, `g.node[data-step-id=${JSON.stringify(step.id)}]`);
      const link = select(root!, `a.chart-node-link[href=${JSON.stringify(`#step-${step.id}`)}]`);
      expect(link, step.id).toBeDefined();
      expect(childElements(link!), step.id).toEqual([node]);
    }
    expect(selectAll(tree, 'style')).toEqual([]);
    expect(svg.length).toBeLessThan(60_000);
  });
});
