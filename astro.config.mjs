// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { chartRendering } from './src/build/chart-integration.ts';
import { reviewReminder } from './src/build/review-report.ts';
import { printableSite } from './src/lib/print-site.ts';
import { contentCacheDir } from './src/lib/content-dir.ts';
import { scriptUrlGuard } from './src/build/script-url-guard.ts';
import { contentCheck } from './src/build/content-check.ts';
import { cspConfig } from './src/lib/csp.ts';

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
  // A Content Security Policy in every page (src/lib/csp.ts); Astro adds the hashes of what it bundles.
  security: { csp: cspConfig() },
  trailingSlash: 'always',
  // Every stylesheet a file: Astro's default inlines the small ones into each page that uses
  // them (the quiz's, the trainer sheet's), which at a thousand procedures is 4.5 KB per
  // procedure of dist/, and each inline <style> adds its hash to every page's policy.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The default Markdown processor, plus a guard: a javascript:/vbscript:/data: link in prose stops the build.
  // No syntax highlighting: Shiki colours code with inline styles (CSP), and the prose has no code to colour.
  markdown: { processor: satteri({ hastPlugins: [scriptUrlGuard] }), syntaxHighlight: false },
  integrations: [contentCheck(), mdx(), chartRendering(), reviewReminder()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      // The one big chunk is Mermaid for the no-Chromium fallback, loaded only
      // there; the page-weight test guards what pages really load.
      chunkSizeWarningLimit: 4096,
      // Vite 8's name for the bundler's options (rollupOptions is its deprecated alias).
      rolldownOptions: {
        // Astro marks MDX modules "use astro:head-inject" for itself; Rolldown's
        // notice that it may drop the directive is harmless and would bury the
        // lines that matter (one per procedure). Only that warning is dropped.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  // The benchmark builds corpora with caches of their own (SOP_ASTRO_CACHE, SOP_CHART_CACHE).
  ...(process.env.SOP_ASTRO_CACHE ? { cacheDir: process.env.SOP_ASTRO_CACHE } : {}),
});
