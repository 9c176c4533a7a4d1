// Reading printed PDFs with poppler-utils (pdftotext, pdfinfo, pdftoppm):
// skipped without them, except under CI=true, where they must be there.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0 && spawnSync('pdfinfo', ['-v']).status === 0;

if (!hasPoppler) {
  const hint = 'apt-get install poppler-utils';
  if (process.env.CI === 'true') throw new Error(`CI=true 但找不到 pdftotext / pdfinfo:打印测试不能跳过。请先运行 ${hint}`);
  console.warn(`[打印测试] 已跳过:找不到 pdftotext。安装:${hint}`);
}

const dir = mkdtempSync(join(tmpdir(), 'sop-pdf-'));
let count = 0;

/** Saves a PDF to a temporary file and returns its path. */
export function savePdf(pdf: Buffer): string {
  const file = join(dir, `print-${++count}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The text of each page, in reading order. */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, pdfPageCount(file));
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

/** Text without spaces and line breaks, so wrapped lines still match. */
export function flat(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Mean brightness (0 black – 255 white) of one page rendered small in grey. */
export function pageBrightness(file: string, page: number): number {
  const out = join(dir, `gray-${++count}`);
  execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', String(page), '-l', String(page), '-singlefile', file, out]);
  const pgm = readFileSync(`${out}.pgm`);
  // P5 header: magic, width, height, maxval, each followed by whitespace.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
  const pixels = pgm.subarray(header[0].length);
  let sum = 0;
  for (const value of pixels) sum += value;
  return sum / pixels.length;
}
