// The CJK font from npm (@fontsource/noto-sans-sc), so charts are measured
// with the same font on every machine and tests render Chinese without
// system fonts.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { woffToSfnt } from './woff.ts';

/** The family the font package defines; first in the chart's font stack. */
export const CHART_WEB_FONT = 'Noto Sans SC';
/** A made-up origin the chart renderer's page loads the font from (answered from disk). */
export const FONT_ORIGIN = 'https://fonts.sop.invalid';

const require = createRequire(import.meta.url);

function fontPackage(): { root: string; version: string } | undefined {
  try {
    const pkg = require.resolve('@fontsource/noto-sans-sc/package.json');
    return { root: dirname(pkg), version: (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version };
  } catch {
    return undefined;
  }
}

/** Part of every chart's cache key: another font measures labels differently. */
export function chartFontVersion(): string | undefined {
  return fontPackage()?.version;
}

/** @font-face rules for the renderer's page, with every file under FONT_ORIGIN. */
export function chartFontCss(): string | undefined {
  const pkg = fontPackage();
  if (!pkg) return undefined;
  return readFileSync(join(pkg.root, '400.css'), 'utf8').replaceAll('url(./files/', `url(${FONT_ORIGIN}/files/`);
}

/** The bytes of a font file asked for under FONT_ORIGIN, or undefined. */
export function fontFile(url: string): Buffer | undefined {
  const pkg = fontPackage();
  const name = /^\/files\/([\w.-]+\.woff2?)$/.exec(new URL(url).pathname)?.[1];
  if (!pkg || !name) return undefined;
  const file = join(pkg.root, 'files', name);
  return existsSync(file) ? readFileSync(file) : undefined;
}

const WEIGHTS = /-(400|700)-normal\.woff$/;

/**
 * A fontconfig file that adds the npm font (converted to OpenType once, into
 * node_modules/.cache) to the system's fonts, for Chromium on Linux, and hides
 * the system's CJK collections, so every machine renders Chinese alike.
 */
export function fontconfigFile(): string | undefined {
  const pkg = fontPackage();
  if (!pkg) return undefined;
  // The suffix names this file's layout: a change to the XML below needs a new one.
  const dir = join(pkg.root, '..', '..', '.cache', 'sop-fonts', `${pkg.version}-2`);
  const conf = join(dir, 'fonts.conf');
  if (existsSync(conf)) return conf;
  const fonts = join(dir, 'otf');
  mkdirSync(fonts, { recursive: true });
  for (const name of readdirSync(join(pkg.root, 'files')).filter((file) => WEIGHTS.test(file))) {
    const out = join(fonts, name.replace(/\.woff$/, '.otf'));
    if (!existsSync(out)) writeFileSync(out, woffToSfnt(readFileSync(join(pkg.root, 'files', name))));
  }
  const xml = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${fonts}</dir>
  <cachedir>${join(dir, 'cache')}</cachedir>
  <!-- The system's Noto/Source Han CJK collections share glyphs between SC, TC and JP, and
       Chromium's PDFs then name them by the wrong code point (⻚ for 页, 戶 for 户): pages in
       tests use the npm font alone for Chinese, the same on every machine. -->
  <selectfont>
    <rejectfont>
      <glob>*NotoSansCJK*</glob>
      <glob>*NotoSerifCJK*</glob>
      <glob>*SourceHan*</glob>
    </rejectfont>
  </selectfont>
</fontconfig>
`;
  // Written last, under a temporary name: its presence means the fonts are all there.
  writeFileSync(`${conf}.${process.pid}`, xml);
  renameSync(`${conf}.${process.pid}`, conf);
  return conf;
}
