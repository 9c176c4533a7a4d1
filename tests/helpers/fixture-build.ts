// Builds the site from a throwaway content folder: the real reference data
// plus the given fixture procedures.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT, ROOT } from './content-files';
import { formatBuildNotes, takeBuildNotes } from '../../src/build/build-notes';

/** A build's output ends with its notes, as `npm run build` prints them last. */
function outputOf(result: { stdout: string; stderr: string; error?: Error }, outDir: string): string {
  return `${result.stdout}\n${result.stderr}${result.error ? `\n${result.error.message}` : ''}\n${formatBuildNotes(takeBuildNotes(outDir))}`;
}

export interface FixtureBuild {
  status: number | null;
  output: string;
  outDir: string;
}

export interface SiteBuild {
  status: number | null;
  output: string;
  outDir: string;
  /** Wall-clock seconds of astro build. */
  seconds: number;
}

/**
 * astro build of any content folder into outDir. `wrap` goes before the node
 * command line (e.g. unshare -rn for a build without network).
 */
export function buildSite(options: {
  outDir: string;
  content?: string;
  env?: Record<string, string>;
  nodeOptions?: string[];
  wrap?: string[];
}): SiteBuild {
  const args = [...(options.nodeOptions ?? []), join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', options.outDir];
  const [command, ...rest] = [...(options.wrap ?? []), process.execPath, ...args];
  const started = performance.now();
  const result = spawnSync(command!, rest, {
    cwd: ROOT,
    env: {
      ...parentEnv(),
      ASTRO_TELEMETRY_DISABLED: '1',
      ...(options.content ? { SOP_CONTENT_DIR: options.content } : {}),
      ...options.env,
    },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return {
    status: result.status,
    output: outputOf(result, options.outDir),
    outDir: options.outDir,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Every reference YAML file into a content folder, so a new collection needs no
 * change here, but not the learning paths: they name the real procedures.
 */
export function copyReferenceData(content: string): void {
  mkdirSync(content, { recursive: true });
  for (const name of readdirSync(CONTENT).filter((n) => n.endsWith('.yaml') && n !== 'learning-paths.yaml')) {
    cpSync(join(CONTENT, name), join(content, name));
  }
}

/** A throwaway content folder of reference data, `files` and fixture procedures; outDir beside it. */
function fixtureContent(prefix: string, procedures: string[], files: Record<string, string | Uint8Array>) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const content = join(dir, 'content');
  mkdirSync(join(content, 'procedures', 'corporate'), { recursive: true });
  copyReferenceData(content); // a fixture has no learning paths unless `files` gives one
  for (const [name, text] of Object.entries(files)) writeFileSync(join(content, name), text);
  for (const name of procedures) {
    cpSync(join(ROOT, 'tests', 'fixtures', 'procedures', name), join(content, 'procedures', 'corporate', name));
  }
  return { content, outDir: join(dir, 'dist') };
}

/**
 * `files`: extra content files (name → text or bytes), e.g. a learning-paths.yaml, or
 * "procedures/corporate/x.mdx" for a procedure made in the test.
 */
export function buildFixture(
  procedures: string[],
  env: Record<string, string> = {},
  files: Record<string, string | Uint8Array> = {},
): FixtureBuild {
  const { content, outDir } = fixtureContent('sop-fixture-', procedures, files);
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...parentEnv(), ASTRO_TELEMETRY_DISABLED: '1', SOP_CONTENT_DIR: content, ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, output: outputOf(result, outDir), outDir };
}

/**
 * `npm run build` exactly as package.json writes it (astro, pagefind, service
 * worker, build notes), on fixture procedures and into a folder of its own,
 * with stdout and stderr in one stream as a terminal shows them.
 */
export function npmBuildFixture(
  procedures: string[],
  env: Record<string, string> = {},
  files: Record<string, string | Uint8Array> = {},
): FixtureBuild {
  const { content, outDir } = fixtureContent('sop-npm-build-', procedures, files);
  // exec first: a redirect after the script would take only its last command's stderr.
  const result = spawnSync('sh', ['-c', `exec 2>&1\n${buildScriptFor(outDir)}`], {
    cwd: ROOT,
    env: {
      ...parentEnv(),
      PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
      SOP_CONTENT_DIR: content,
      ...env,
    },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, output: `${result.stdout}${result.error ? `\n${result.error.message}` : ''}`, outDir };
}

/** package.json's build script with its output folder `dist` moved to `outDir`. */
export function buildScriptFor(outDir: string): string {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build;
  const quoted = `'${outDir.replace(/'/g, "'\\''")}'`;
  const moved = script.replace(/astro build/, `astro build --outDir ${quoted}`).replace(/(?<=\s)dist(?=\s|$)/g, quoted);
  // A script that names its output another way would build into ./dist, over the site the other tests read.
  if (!moved.includes('--outDir') || /(?<=\s)dist(?=\s|$)/.test(moved)) {
    throw new Error(`package.json's build script no longer writes to dist the way buildScriptFor expects: ${script}`);
  }
  return moved;
}

/**
 * The test runner's environment without the import.meta.env values Vitest
 * copies into process.env: Astro's server build reads BASE_URL from there,
 * so an inherited BASE_URL=/ would override SOP_BASE in every page link.
 */
function parentEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
  return env;
}
