// Reads a PDF with pdf.js (npm, no poppler): `node pdf-read.mjs text FILE`
// prints each page's text as JSON; `sizes FILE` each page's size in pt; `gray FILE PAGE` prints the mean
// brightness (0 black – 255 white) of that page rendered small.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const [command, file, pageArg] = process.argv.slice(2);
const doc = await getDocument({
  data: new Uint8Array(readFileSync(file)),
  cMapUrl: `${pathToFileURL(join(root, 'cmaps'))}/`,
  cMapPacked: true,
  standardFontDataUrl: `${pathToFileURL(join(root, 'standard_fonts'))}/`,
  verbosity: 0,
}).promise;

// Chromium's PDFs map some ideographs to their look-alike Kangxi radicals
// (⼿ U+2F3F for 手); poppler folds them back, and so do we.
const unradical = (text) => text.replace(/[\u2E80-\u2FDF]/g, (c) => c.normalize('NFKC'));

if (command === 'text') {
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(unradical(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')));
  }
  console.log(JSON.stringify(pages));
} else if (command === 'sizes') {
  // Each page's size in pt, to tell landscape pages from portrait ones.
  const sizes = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { width, height } = (await doc.getPage(n)).getViewport({ scale: 1 });
    sizes.push({ width, height });
  }
  console.log(JSON.stringify(sizes));
} else if (command === 'gray') {
  const page = await doc.getPage(Number(pageArg));
  // 30 dpi is enough to tell a white page from a dark one.
  const viewport = page.getViewport({ scale: 30 / 72 });
  const { canvas, context } = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvas, canvasContext: context, viewport }).promise;
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
  console.log(JSON.stringify(sum / (data.length / 4)));
} else {
  throw new Error(`unknown command ${command}`);
}
