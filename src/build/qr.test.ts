import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { qrSvg } from './qr';

/** The dark modules the SVG draws: its stroke path is runs of "h" lines. */
function drawnModules(svg: string): Set<string> {
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)![1]!;
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([MmHhVv])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?/g)) {
    const n = Number(a);
    if (cmd === 'M') [x, y] = [n, Number(b)];
    else if (cmd === 'm') [x, y] = [x + n, y + Number(b)];
    else if (cmd === 'h') {
      for (let i = 0; i < n; i++) dark.add(`${x + i},${Math.floor(y)}`);
      x += n;
    } else throw new Error(`unexpected path command ${cmd}`);
  }
  return dark;
}

describe('qrSvg', () => {
  it('draws exactly the QR code of the text, with a quiet zone', async () => {
    const url = 'https://sop.example.cn/procedures/spa/lounge/';
    const svg = await qrSvg(url);
    expect(svg.startsWith('<svg aria-hidden="true" focusable="false" ')).toBe(true);
    const { size, data } = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    expect(svg).toContain(`viewBox="0 0 ${size + 4} ${size + 4}"`);
    const expected = new Set<string>();
    data.forEach((on, i) => on && expected.add(`${(i % size) + 2},${Math.floor(i / size) + 2}`));
    expect(expected.size).toBeGreaterThan(100);
    expect(drawnModules(svg)).toEqual(expected);
  });

  it('differs for a different URL', async () => {
    expect(await qrSvg('https://sop.example.cn/a/')).not.toBe(await qrSvg('https://sop.example.cn/b/'));
  });
});
