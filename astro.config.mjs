// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { chartRendering } from './src/build/chart-integration.ts';
import { printableSite } from './src/lib/print-site.ts';
import { contentCacheDir } from './src/lib/content-dir.ts';

// The one place the deploy path is set: SOP_BASE=/sop/ npm run build
const base = process.env.SOP_BASE || '/';
// Origin of the live site, printed (with a QR code) on paper copies:
// SOP_SITE=https://sop.example.cn npm run build. Unset (or a loopback address):
// paper copies carry no link and no QR code, and the build says so at the end.
const site = printableSite(process.env.SOP_SITE);

export default defineConfig({
  base,
  ...(site ? { site } : {}),
  cacheDir: contentCacheDir(),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), chartRendering()],
  devToolbar: { enabled: false },
  // The benchmark builds corpora with caches of their own (SOP_ASTRO_CACHE, SOP_CHART_CACHE).
  ...(process.env.SOP_ASTRO_CACHE ? { cacheDir: process.env.SOP_ASTRO_CACHE } : {}),
});
