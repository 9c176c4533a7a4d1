// Arithmetic of how big a chart is drawn: on a page (readable by default,
// "fit width" on request, zoom steps, pinch), on paper (zoom and page
// orientation) and in 演示模式 (a camera framing the current step).
// Sizes are CSS px; a chart's natural size is its viewBox at scale 1, where
// node text is LABEL_PX.

/** Node text at scale 1 (chart-config.ts fontSize). */
export const LABEL_PX = 15;
/** On screen a chart is never drawn smaller than this by default (15 px × 0.8 = 12 px text). */
export const MIN_READABLE_SCALE = 0.8;
export const ZOOM_STEPS = [0.5, 0.65, 0.8, 1, 1.25, 1.5, 2, 3] as const;
export const PINCH_LIMITS = { min: 0.3, max: 4 } as const;

export interface Size {
  width: number;
  height: number;
}

/** Scale of a chart as a page first shows it: its own size, shrunk to the frame but never below readable. */
export function readableScale(frameWidth: number, naturalWidth: number, minScale = MIN_READABLE_SCALE): number {
  if (!(naturalWidth > 0) || !(frameWidth > 0)) return 1;
  return Math.min(1, Math.max(frameWidth / naturalWidth, minScale));
}

/** "Fit width": the whole chart across the frame, however small (never enlarged). */
export function fitScale(frameWidth: number, naturalWidth: number): number {
  if (!(naturalWidth > 0) || !(frameWidth > 0)) return 1;
  return Math.min(1, frameWidth / naturalWidth);
}

/** The next zoom step up (direction 1) or down (-1) from the current scale, or undefined at the end. */
export function nextZoom(current: number, direction: 1 | -1): number | undefined {
  return direction > 0
    ? ZOOM_STEPS.find((z) => z > current + 0.01)
    : [...ZOOM_STEPS].reverse().find((z) => z < current - 0.01);
}

/** Scale after a pinch from `startDistance` to `distance` between two fingers. */
export function pinchScale(startScale: number, startDistance: number, distance: number): number {
  if (!(startDistance > 0)) return startScale;
  return Math.min(PINCH_LIMITS.max, Math.max(PINCH_LIMITS.min, (startScale * distance) / startDistance));
}

// --- Paper ---

const MM = 96 / 25.4;
/** Room for a chart part on A4 inside print.css's margins, less its title and the 流程图 heading. */
export const PAPER = {
  portrait: { width: 180 * MM, height: 236 * MM },
  landscape: { width: 267 * MM, height: 160 * MM },
} as const;
/** Print zooms tried, largest first; 0.7 keeps 15 px text at 7.9 pt (≥ 7 pt). */
export const PRINT_ZOOMS = [1, 0.9, 0.8, 0.7] as const;

export interface PrintLayout {
  zoom: (typeof PRINT_ZOOMS)[number];
  page: 'portrait' | 'landscape';
}

/**
 * How a chart part prints: on a portrait page at the largest zoom that fits,
 * else on a landscape chart page; undefined when it fits neither at the
 * smallest zoom (the chart must then be cut into smaller parts).
 */
export function printLayout(natural: Size): PrintLayout | undefined {
  for (const page of ['portrait', 'landscape'] as const) {
    const room = PAPER[page];
    const zoom = PRINT_ZOOMS.find((z) => natural.width * z <= room.width && natural.height * z <= room.height);
    if (zoom !== undefined) return { zoom, page };
  }
  return undefined;
}

// --- 演示模式 camera ---

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CameraView {
  scale: number;
  /** Translation of the chart's top-left corner inside the panel, in panel px. */
  x: number;
  y: number;
}

/** Text size the camera aims for in a panel: readable from the back of a room, larger on a large screen. */
export function cameraTextPx(panel: Size): number {
  return Math.max(21, Math.min(36, Math.min(panel.width, panel.height * 1.5) / 28));
}

function union(boxes: readonly Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Where the camera looks: the current step and its neighbours fill the panel
 * at `textPx` or larger; when they do not all fit at that size, the current
 * step is centred and neighbours are cut at the edge. Only a node larger than
 * the panel itself makes the camera zoom out below `textPx`.
 */
export function cameraView(
  panel: Size,
  chart: Size,
  current: Box,
  neighbours: readonly Box[],
  options: { textPx?: number; labelPx?: number; margin?: number; maxScale?: number } = {},
): CameraView {
  const labelPx = options.labelPx ?? LABEL_PX;
  const margin = options.margin ?? 16;
  const minScale = (options.textPx ?? cameraTextPx(panel)) / labelPx;
  const maxScale = Math.max(minScale, options.maxScale ?? minScale * 1.6);
  const room = { width: Math.max(1, panel.width - 2 * margin), height: Math.max(1, panel.height - 2 * margin) };
  const focus = union([current, ...neighbours]);
  const fit = (b: Box) => Math.min(room.width / b.width, room.height / b.height);
  let scale = Math.min(maxScale, Math.max(minScale, fit(focus)));
  // The current node must be wholly visible, whatever the target size.
  scale = Math.min(scale, fit(current));
  const target = fit(focus) >= scale ? focus : current;
  const cx = target.x + target.width / 2;
  const cy = target.y + target.height / 2;
  let x = panel.width / 2 - cx * scale;
  let y = panel.height / 2 - cy * scale;
  // No empty panel beyond the chart's edges when the chart is larger than the panel.
  const clamp = (v: number, size: number, room: number) =>
    size * scale <= room ? (room - size * scale) / 2 : Math.min(0, Math.max(room - size * scale, v));
  x = clamp(x, chart.width, panel.width);
  y = clamp(y, chart.height, panel.height);
  // Clamping may push the current node out; bring it back in.
  const left = current.x * scale + x;
  const top = current.y * scale + y;
  if (left < margin) x += margin - left;
  if (left + current.width * scale > panel.width - margin) x -= left + current.width * scale - (panel.width - margin);
  if (top < margin) y += margin - top;
  if (top + current.height * scale > panel.height - margin) y -= top + current.height * scale - (panel.height - margin);
  return { scale, x, y };
}
