// Reading printed PDFs with pdf.js from npm (no system tools), in a child
// process so the helpers stay synchronous for the tests that call them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const READER = fileURLToPath(new URL('./pdf-read.mjs', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'sop-pdf-'));
let count = 0;

function read<T>(...args: string[]): T {
  return JSON.parse(execFileSync(process.execPath, [READER, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })) as T;
}

/** Saves a PDF to a temporary file and returns its path. */
export function savePdf(pdf: Buffer): string {
  const file = join(dir, `print-${++count}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The text of each page, in reading order. */
export function pdfPages(file: string): string[] {
  return read<string[]>('text', file);
}

export function pdfPageCount(file: string): number {
  return pdfPages(file).length;
}

/** Each page's size in pt (A4 portrait is about 595 × 842). */
export function pdfPageSizes(file: string): { width: number; height: number }[] {
  return read<{ width: number; height: number }[]>('sizes', file);
}

/** Text without spaces and line breaks, so wrapped lines still match. */
export function flat(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Mean brightness (0 black – 255 white) of one page rendered small in grey. */
export function pageBrightness(file: string, page: number): number {
  return read<number>('gray', file, String(page));
}
