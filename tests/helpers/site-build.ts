// A whole site build as `npm run build` does it (astro, pagefind, service
// worker), from any content folder, under any base path, into any folder.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './content-files';

export function buildSite(options: { content: string; outDir: string; base?: string }): void {
  // Vitest puts import.meta.env's keys (BASE_URL, PROD, MODE…) in process.env,
  // and Astro would take them over the build's own: a build gets none of them.
  const { BASE_URL, MODE, DEV, PROD, SSR, NODE_ENV, ...inherited } = process.env;
  const env = {
    ...inherited,
    ASTRO_TELEMETRY_DISABLED: '1',
    SOP_CONTENT_DIR: options.content,
    SOP_BASE: options.base ?? '/',
  };
  const steps: [string, string[]][] = [
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), ['build', '--outDir', options.outDir]],
    [join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), ['--site', options.outDir, '--quiet']],
    [join(ROOT, 'src/build/generate-sw.ts'), [options.outDir]],
    [join(ROOT, 'src/build/print-build-notes.ts'), [options.outDir]],
  ];
  for (const [script, args] of steps) {
    const result = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 300_000 });
    if (result.status !== 0) {
      throw new Error(`build step failed: ${script} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
    }
  }
}
