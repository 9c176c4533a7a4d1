// Charts are measured with Noto Sans SC from npm; readers see them in their
// own CJK font (PingFang, Microsoft YaHei, Noto/Source Han). CJK glyphs are
// one em wide in all of them; Latin letters and digits are not. Every label
// must still sit inside its node when those fall to DejaVu Sans, whose digits
// and letters are wider than PingFang's and YaHei's.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium, servedInBrowser } from '../helpers/browser';
import { chartsPrerendered, DIST } from '../helpers/dist';

const pages = readdirSync(join(DIST, 'procedures'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('index.html'))
  .map((file) => `procedures/${file.replace(/index\.html$/, '')}`);

const hasDejaVu = spawnSync('fc-list', ['DejaVu Sans'], { encoding: 'utf8' }).stdout?.includes('DejaVu') ?? false;
if (!hasDejaVu && process.env.CI === 'true') throw new Error('CI=true 但没有 DejaVu Sans:“较宽西文字体”的检查不能跳过。');
if (!hasDejaVu) console.warn('[流程图字体] 没有 DejaVu Sans(fontconfig 自带):跳过“较宽西文字体”的检查。');

/** In the page: how far each label reaches outside its node's shape, in px. */
function overflowsIn(fontFamily: string) {
  const style = document.createElement('style');
  style.textContent = `svg foreignObject * { font-family: ${fontFamily} !important; }`;
  document.head.append(style);
  const found: { label: string; over: number }[] = [];
  for (const node of document.querySelectorAll<SVGGElement>('svg g.node')) {
    const shape = node.querySelector('rect, polygon, path, circle');
    const label = node.querySelector('foreignObject > div, foreignObject span');
    if (!shape || !label) continue;
    const box = shape.getBoundingClientRect();
    const text = label.getBoundingClientRect();
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    let over: number;
    if (shape.tagName === 'polygon' && (shape as SVGPolygonElement).points.length === 4) {
      // A diamond: the label's corners must lie inside |dx|/hw + |dy|/hh ≤ 1.
      const reach = (Math.max(Math.abs(text.left - cx), Math.abs(text.right - cx)) / (box.width / 2))
        + (Math.max(Math.abs(text.top - cy), Math.abs(text.bottom - cy)) / (box.height / 2));
      over = (reach - 1) * Math.min(box.width, box.height) / 2;
    } else {
      over = Math.max(box.left - text.left, text.right - box.right, box.top - text.top, text.bottom - box.bottom);
    }
    found.push({ label: label.textContent ?? '', over });
  }
  style.remove();
  return found;
}

describe.skipIf(!hasChromium || !chartsPrerendered())('chart labels in the reader’s font', () => {
  const served = servedInBrowser();

  async function misfitsIn(family: string): Promise<{ labels: number; misfits: string[] }> {
    const page = await served.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const misfits: string[] = [];
    let labels = 0;
    for (const path of pages) {
      await page.goto(`${served.site.url}${path}`);
      const found = await page.evaluate(overflowsIn, family);
      labels += found.length;
      for (const { label, over } of found) if (over > 1) misfits.push(`${path} 「${label}」 超出 ${over.toFixed(1)} px`);
    }
    await page.close();
    return { labels, misfits };
  }

  it('fit their nodes in the build’s font (Noto Sans SC)', async () => {
    const { labels, misfits } = await misfitsIn('"Noto Sans SC"');
    expect(labels).toBeGreaterThan(pages.length);
    expect(misfits).toEqual([]);
  });

  it.skipIf(!hasDejaVu)('fit their nodes when Latin letters and digits fall to a wider font (DejaVu Sans)', async () => {
    const { labels, misfits } = await misfitsIn('"DejaVu Sans","Noto Sans SC"');
    expect(labels).toBeGreaterThan(pages.length);
    expect(misfits).toEqual([]);
  });
});
