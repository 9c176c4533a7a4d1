// Whether a note box is long enough to fold on a phone (Collapsible.astro),
// judged from its text at build time so the page is folded from the first
// paint. A 390 px phone fits about 20 Chinese characters a line, and a folded
// box shows about five lines.
const CHARS_PER_LINE = 20;
const FOLDED_LINES = 5;

/** Each string starts a new line (a paragraph or list item). */
export function foldsOnPhone(text: string | readonly string[]): boolean {
  const blocks = typeof text === 'string' ? [text] : text;
  // The box's own heading or lead line counts as one.
  const lines = 1 + blocks.reduce((n, block) => n + Math.ceil([...block.trim()].length / CHARS_PER_LINE), 0);
  return lines > FOLDED_LINES;
}
