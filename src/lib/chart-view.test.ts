import { describe, expect, it } from 'vitest';
import { cameraTextPx, cameraView, fitScale, LABEL_PX, nextZoom, PAPER, pinchScale, printLayout, readableScale } from './chart-view';

describe('page zoom', () => {
  it('shows a chart at its own size when it fits, shrunk to the frame but never below 12 px text', () => {
    expect(readableScale(800, 500)).toBe(1);
    expect(readableScale(400, 450)).toBeCloseTo(400 / 450);
    expect(readableScale(300, 1000) * LABEL_PX).toBe(12);
  });

  it('"fit width" fits however small, and never enlarges', () => {
    expect(fitScale(300, 1000)).toBe(0.3);
    expect(fitScale(1000, 300)).toBe(1);
  });

  it('steps zoom up and down, stopping at the ends', () => {
    expect(nextZoom(0.8, 1)).toBe(1);
    expect(nextZoom(0.9, -1)).toBe(0.8);
    expect(nextZoom(3, 1)).toBeUndefined();
  });

  it('pinches in proportion to the fingers, within limits', () => {
    expect(pinchScale(1, 100, 150)).toBe(1.5);
    expect(pinchScale(1, 100, 1)).toBe(0.3);
    expect(pinchScale(1, 0, 100)).toBe(1);
  });
});

describe('printLayout', () => {
  it('prints at full size when a part fits a portrait page', () => {
    expect(printLayout({ width: 400, height: 600 })).toEqual({ zoom: 1, page: 'portrait' });
  });

  it('zooms down, but never below 7 pt text', () => {
    const layout = printLayout({ width: PAPER.portrait.width / 0.8, height: 500 })!;
    expect(layout).toEqual({ zoom: 0.8, page: 'portrait' });
    expect(LABEL_PX * layout.zoom * 0.75).toBeGreaterThanOrEqual(7);
  });

  it('gives a part too wide for portrait a landscape page', () => {
    const layout = printLayout({ width: PAPER.portrait.width / 0.7 + 10, height: 400 })!;
    expect(layout.page).toBe('landscape');
    expect(layout.zoom).toBeGreaterThanOrEqual(0.7);
  });

  it('says when nothing fits, so the chart is cut smaller', () => {
    expect(printLayout({ width: 500, height: PAPER.portrait.height / 0.7 + 10 })).toBeUndefined();
  });
});

describe('cameraView', () => {
  const chart = { width: 600, height: 2000 };
  const node = (x: number, y: number) => ({ x, y, width: 180, height: 50 });

  it('aims at 20 px text or more on a small projector, more on a large one', () => {
    expect(cameraTextPx({ width: 400, height: 600 })).toBe(21);
    expect(cameraTextPx({ width: 500, height: 600 })).toBeGreaterThanOrEqual(20);
    expect(cameraTextPx({ width: 950, height: 900 })).toBeGreaterThanOrEqual(28);
  });

  it('frames the current step and its neighbours at the target size or larger', () => {
    const panel = { width: 500, height: 600 };
    const current = node(200, 800);
    const view = cameraView(panel, chart, current, [node(200, 700), node(200, 900)]);
    expect(view.scale * LABEL_PX).toBeGreaterThanOrEqual(20);
    // All three nodes inside the panel.
    for (const b of [current, node(200, 700), node(200, 900)]) {
      expect(b.x * view.scale + view.x).toBeGreaterThanOrEqual(0);
      expect((b.x + b.width) * view.scale + view.x).toBeLessThanOrEqual(panel.width);
      expect(b.y * view.scale + view.y).toBeGreaterThanOrEqual(0);
      expect((b.y + b.height) * view.scale + view.y).toBeLessThanOrEqual(panel.height);
    }
  });

  it('keeps the target size and centres the current step when the neighbours do not fit', () => {
    const panel = { width: 500, height: 400 };
    const current = node(200, 1000);
    const view = cameraView(panel, chart, current, [node(200, 100), node(200, 1900)], { textPx: 20 });
    expect(view.scale * LABEL_PX).toBeCloseTo(20);
    const top = current.y * view.scale + view.y;
    expect(top + (current.height * view.scale) / 2).toBeCloseTo(panel.height / 2, 0);
  });

  it('keeps a step at the chart edge inside the panel', () => {
    const panel = { width: 500, height: 400 };
    const current = node(0, 0);
    const view = cameraView(panel, chart, current, []);
    expect(view.x).toBeLessThanOrEqual(16);
    expect(current.y * view.scale + view.y).toBeGreaterThanOrEqual(0);
  });

  it('zooms out only as far as a node larger than the panel needs', () => {
    const panel = { width: 300, height: 300 };
    const wide = { x: 0, y: 0, width: 400, height: 60 };
    const view = cameraView(panel, chart, wide, []);
    expect(wide.width * view.scale).toBeLessThanOrEqual(panel.width);
  });
});
