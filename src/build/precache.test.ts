import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planPrecache } from './precache';

const dirs: string[] = [];
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sop-precache-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('planPrecache', () => {
  it('keeps shell pages, public files and the assets any page reaches, through static and lazy imports and CSS', () => {
    const dist = site({
      'index.html': '<link rel="stylesheet" href="/sop/_astro/Base.aa11.css"><script type="module" src="/sop/_astro/page.bb22.js"></script>',
      'procedures/x/index.html': '<script type="module" src="/sop/_astro/Walk.ab12.js"></script>',
      '_astro/Walk.ab12.js': 'import"./shared.dd44.js"',
      'categories/hotel/index.html': '',
      'roles/index.html': '',
      'roles/front-desk/index.html': '',
      'quiz/x/index.html': '',
      '404.html': '',
      'favicon.svg': '<svg/>',
      'pagefind/pagefind.js': 'fetch("wasm.unknown.pagefind")',
      'pagefind/wasm.unknown.pagefind': 'binary',
      '_astro/Base.aa11.css': 'body{background:url(/sop/_astro/bg.cc33.png)}',
      '_astro/bg.cc33.png': 'png',
      '_astro/page.bb22.js': 'import{a}from"./shared.dd44.js";const w=()=>import("./walkthrough.ee55.js")',
      '_astro/shared.dd44.js': 'export const a=1',
      '_astro/walkthrough.ee55.js': 'import"./shared.dd44.js"',
      '_astro/MermaidFallback.ff66.js': 'import("./mermaid.core.gg77.js")',
      '_astro/mermaid.core.gg77.js': 'import"./elk.hh88.js"',
      '_astro/elk.hh88.js': '',
      'sw.js': 'precache',
      '_astro/page.bb22.js.map': '{}',
    });
    const plan = planPrecache(dist);
    expect(plan.files).toEqual([
      '404.html',
      '_astro/Base.aa11.css',
      '_astro/Walk.ab12.js',
      '_astro/bg.cc33.png',
      '_astro/page.bb22.js',
      '_astro/shared.dd44.js',
      '_astro/walkthrough.ee55.js',
      'categories/hotel/index.html',
      'favicon.svg',
      'index.html',
      'pagefind/pagefind.js',
      'pagefind/wasm.unknown.pagefind',
      'roles/front-desk/index.html',
      'roles/index.html',
    ]);
    // A procedure's page is cached when opened, and its script is already there.
    expect(plan.pages).toEqual(['procedures/x/index.html', 'quiz/x/index.html']);
    expect(plan.skipped).toEqual(['_astro/MermaidFallback.ff66.js', '_astro/elk.hh88.js', '_astro/mermaid.core.gg77.js']);
  });

  it('keeps the Mermaid fallback when a page uses it (a build without Chromium)', () => {
    const dist = site({
      'index.html': '<script type="module" src="/_astro/MermaidFallback.ff66.js"></script>',
      '_astro/MermaidFallback.ff66.js': 'import("./mermaid.core.gg77.js")',
      '_astro/mermaid.core.gg77.js': '',
    });
    expect(planPrecache(dist)).toEqual({
      files: ['_astro/MermaidFallback.ff66.js', '_astro/mermaid.core.gg77.js', 'index.html'],
      pages: [],
      skipped: [],
    });
  });
});
