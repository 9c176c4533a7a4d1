// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { chartRendering } from './src/build/chart-integration.ts';
import { contentCacheDir } from './src/lib/content-dir.ts';

// The one place the deploy path is set: SOP_BASE=/sop/ npm run build
const base = process.env.SOP_BASE || '/';

export default defineConfig({
  base,
  cacheDir: contentCacheDir(),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), chartRendering()],
  devToolbar: { enabled: false },
});
