// Every event the site's widgets send one another, named one way: `sop:<what happened>`.
// Kept here so a listener and its sender can never spell the name differently.
export const SITE_EVENTS = {
  /** Learning progress was written (PathProgress, HomeProgress re-render). */
  progressChange: 'sop:progress-change',
  /** A walk in 演示模式 reached an end step; detail { code }. */
  walkthroughComplete: 'sop:walkthrough-complete',
  /** A chart drawn in the browser (no pre-rendered SVG) is on the page. */
  chartRendered: 'sop:chart-rendered',
  /** A chart's zoom changed. */
  chartZoomed: 'sop:chart-zoomed',
  /** Search results are shown; detail { query, count }. */
  searchResults: 'sop:search-results',
  /** A line for the notice area; detail NoticeDetail (notice.ts). */
  notice: 'sop:notice',
} as const;
