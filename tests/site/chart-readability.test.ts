// Chart text is readable wherever people look at it, on every procedure and
// in the handbook: a phone (≥ 12 CSS px, no sideways page scroll), a projector
// in 演示模式 (≥ 20 px at 1024×768, ≥ 28 px at 1920×1080, the current step in
// the panel) and A4 paper (≥ 7 pt, every chart part within its page). A new
// procedure whose chart is unreadable fails here. Sizes are what the eye
// gets (tests/helpers/chart-sizes.ts); `npm run chart-sizes` prints them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, servedInBrowser } from '../helpers/browser';
import { chartsPrerendered } from '../helpers/dist';
import { loadProcedures } from '../helpers/procedures';
import { measurePaper, measurePhone, measureProjector, offersLanes, THRESHOLDS } from '../helpers/chart-sizes';

const procedures = loadProcedures();

describe.skipIf(!hasChromium || !chartsPrerendered())('chart text size where people read it', () => {
  const served = servedInBrowser();
  let page: Page;
  beforeAll(async () => {
    page = await served.browser.newPage();
  });

  it.each(procedures.map((p) => [p.id, p] as const))('%s: phone, projector and paper', async (_id, p) => {
    const url = `${served.site.url}procedures/${p.id}/`;
    const phone = await measurePhone(page, url);
    expect(phone.charts, 'charts measured on the phone').toBeGreaterThan(0);
    expect(phone.min, 'phone px').toBeGreaterThanOrEqual(THRESHOLDS.phonePx);
    expect(phone.pageOverflowX, 'page scrolls sideways on a phone').toBe(false);

    const paper = await measurePaper(page, url);
    expect(paper.charts, 'charts measured on paper').toBeGreaterThan(0);
    expect(paper.min, 'paper pt').toBeGreaterThanOrEqual(THRESHOLDS.paperPt);
    expect(paper.tooLarge, 'chart parts larger than their page').toBe(0);

    const ids = p.data.steps.map((s) => s.id);
    for (const [viewport, px] of [
      [{ width: 1024, height: 768 }, THRESHOLDS.projector1024Px],
      [{ width: 1920, height: 1080 }, THRESHOLDS.projector1920Px],
    ] as const) {
      const walk = await measureProjector(page, url, ids, viewport);
      expect(walk.steps, `steps walked at ${viewport.width}`).toBe(ids.length);
      expect(walk.min, `projector px at ${viewport.width}×${viewport.height}`).toBeGreaterThanOrEqual(px);
      expect(walk.offPanel, `steps outside the chart panel at ${viewport.width}`).toEqual([]);
    }

    // The swimlane view, where offered, meets the same phone and paper thresholds (演示模式 walks the plain chart).
    if (await offersLanes(page, url)) {
      const lanePhone = await measurePhone(page, url, 'lanes');
      expect(lanePhone.charts, 'swimlane charts measured on the phone').toBeGreaterThan(0);
      expect(lanePhone.min, 'swimlane phone px').toBeGreaterThanOrEqual(THRESHOLDS.phonePx);
      expect(lanePhone.pageOverflowX, 'swimlane view scrolls the page sideways').toBe(false);
      const lanePaper = await measurePaper(page, url, 'lanes');
      expect(lanePaper.charts, 'swimlane charts measured on paper').toBeGreaterThan(0);
      expect(lanePaper.min, 'swimlane paper pt').toBeGreaterThanOrEqual(THRESHOLDS.paperPt);
      expect(lanePaper.tooLarge, 'swimlane chart parts larger than their page').toBe(0);
    }
  });

  it('the handbook: readable on a phone and on paper', { timeout: 120_000 }, async () => {
    const phone = await measurePhone(page, `${served.site.url}handbook/`);
    expect(phone.charts).toBeGreaterThanOrEqual(procedures.length);
    expect(phone.min).toBeGreaterThanOrEqual(THRESHOLDS.phonePx);
    expect(phone.pageOverflowX).toBe(false);
    const paper = await measurePaper(page, `${served.site.url}handbook/`);
    expect(paper.charts).toBeGreaterThanOrEqual(procedures.length);
    expect(paper.min).toBeGreaterThanOrEqual(THRESHOLDS.paperPt);
    expect(paper.tooLarge).toBe(0);
  });
});
