// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { chartRendering } from './src/build/chart-integration.ts';

// The one place the deploy path is set: SOP_BASE=/sop/ npm run build
const base = process.env.SOP_BASE || '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), chartRendering()],
  devToolbar: { enabled: false },
  // The benchmark builds corpora with caches of their own (SOP_ASTRO_CACHE, SOP_CHART_CACHE).
  ...(process.env.SOP_ASTRO_CACHE ? { cacheDir: process.env.SOP_ASTRO_CACHE } : {}),
});
