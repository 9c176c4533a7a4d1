// The build needs no network, does not lean on file-system order, and two
// builds of the same content give the same HTML byte for byte, with every
// chart rendered afresh (each build has an empty chart cache of its own).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser';
import { CONTENT, ROOT } from '../helpers/content-files';
import { buildSite, type SiteBuild } from '../helpers/fixture-build';

/** Copies a folder file by file, in the given order of its entries (sorted or reversed). */
function copyInOrder(from: string, to: string, order: 'sorted' | 'reversed') {
  mkdirSync(to, { recursive: true });
  const names = readdirSync(from).sort();
  if (order === 'reversed') names.reverse();
  for (const name of names) {
    const source = join(from, name);
    if (statSync(source).isDirectory()) copyInOrder(source, join(to, name), order);
    else cpSync(source, join(to, name));
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .sort();
}

// A network namespace of its own, where the system allows it: then not even
// Chromium could reach anything. The preload guard works everywhere.
const isolated = spawnSync('unshare', ['-rn', 'true']).status === 0;

describe('build robustness', () => {
  let dir: string;
  let first: SiteBuild;
  let second: SiteBuild;
  let networkLog: string;
  let readdirLog: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sop-robust-'));
    networkLog = join(dir, 'network.log');
    readdirLog = join(dir, 'readdir.log');
    copyInOrder(CONTENT, join(dir, 'content-a'), 'sorted');
    copyInOrder(CONTENT, join(dir, 'content-b'), 'reversed');
    const guard = ['--import', join(ROOT, 'tests/helpers/no-network.mjs')];
    first = buildSite({
      outDir: join(dir, 'dist-a'),
      content: join(dir, 'content-a'),
      env: { SOP_CHART_CACHE: join(dir, 'charts-a'), SOP_ASTRO_CACHE: join(dir, 'astro-a'), SOP_NETWORK_LOG: networkLog },
      nodeOptions: guard,
      wrap: isolated ? ['unshare', '-rn'] : [],
    });
    second = buildSite({
      outDir: join(dir, 'dist-b'),
      content: join(dir, 'content-b'),
      env: {
        SOP_CHART_CACHE: join(dir, 'charts-b'),
        SOP_ASTRO_CACHE: join(dir, 'astro-b'),
        SOP_NETWORK_LOG: networkLog,
        SOP_READDIR_LOG: readdirLog,
      },
      nodeOptions: [...guard, '--import', join(ROOT, 'tests/helpers/reverse-readdir.mjs')],
    });
  }, 900_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds without the network', () => {
    expect(first.status, first.output).toBe(0);
    expect(second.status, second.output).toBe(0);
    expect(existsSync(networkLog) ? readFileSync(networkLog, 'utf8') : '').toBe('');
    if (!isolated) console.warn('[构建稳健性] 本机不能建立独立的网络命名空间(unshare -rn),仅用预加载的网络守卫检查。');
  });

  it('builds the search index without the network', () => {
    const [command, ...args] = [...(isolated ? ['unshare', '-rn'] : []), join(ROOT, 'node_modules/.bin/pagefind')];
    const result = spawnSync(command!, [...args, '--site', first.outDir, '--quiet'], { encoding: 'utf8' });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(existsSync(join(first.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it.skipIf(!hasChromium)('renders every chart afresh in both builds', () => {
    for (const build of [first, second]) expect(build.output).toMatch(/流程图:渲染 [1-9]\d* 张.*缓存命中 0 张/);
  });

  it('read the content folders in another order the second time', () => {
    const reversedDirs = readFileSync(readdirLog, 'utf8');
    expect(reversedDirs).toContain(join(dir, 'content-b', 'procedures'));
  });

  it('gives identical HTML, file for file', () => {
    const a = htmlFiles(first.outDir);
    expect(htmlFiles(second.outDir)).toEqual(a);
    expect(a.length).toBeGreaterThan(10);
    const differing = a.filter(
      (name) => !readFileSync(join(first.outDir, name)).equals(readFileSync(join(second.outDir, name))),
    );
    expect(differing, `不同的页面:${differing.map((n) => relative('.', n)).join('、')}`).toEqual([]);
  });
});
