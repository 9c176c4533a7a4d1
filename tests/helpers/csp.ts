// Watching a browser context for Content Security Policy violations: the
// `securitypolicyviolation` event in every document (listened for before any
// page script runs) and Chromium's console messages about the policy.
import { readdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

export interface CspViolation {
  url: string;
  directive: string;
  blocked: string;
  sample: string;
}

export interface CspWatch {
  violations: CspViolation[];
  /** Console errors and warnings that mention the policy. */
  console: string[];
  /** Uncaught exceptions in any page. */
  errors: string[];
  /** Everything above, one line each: `expect(watch.problems()).toEqual([])`. */
  problems(): string[];
}

export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const watch: CspWatch = {
    violations: [],
    console: [],
    errors: [],
    problems: () => [
      ...watch.violations.map((v) => `${v.url}: ${v.directive} blocked ${v.blocked} ${v.sample}`.trim()),
      ...watch.console,
      ...watch.errors,
    ],
  };
  await context.exposeBinding('__sopCspViolation', (_source, violation: CspViolation) => {
    watch.violations.push(violation);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __sopCspViolation(v: object): void }).__sopCspViolation;
    document.addEventListener('securitypolicyviolation', (event) => {
      report({
        url: location.href,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
    // Printing opens no dialog in a test: the print buttons only call this.
    window.print = () => {
      document.documentElement.dataset.printed = String(Number(document.documentElement.dataset.printed ?? 0) + 1);
    };
  });
  context.on('console', (message) => {
    if ((message.type() === 'error' || message.type() === 'warning') && /content.security.policy|\bCSP\b/i.test(message.text())) {
      watch.console.push(`${message.location().url}: ${message.text()}`);
    }
  });
  context.on('weberror', (error) => watch.errors.push(`${error.page()?.url()}: ${error.error().message}`));
  return watch;
}

/** Every built page of a site folder, as a path relative to its base ('' is the home page). */
export function builtPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
    .map((file) => (file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file))
    .sort();
}

const CONTROLS = 'button, summary, input, select, textarea, [role="button"], [role="tab"], [role="switch"]';

/**
 * Uses every kind of control on the page once or twice: clicks buttons and
 * disclosure widgets, ticks boxes, picks options, types into fields. Kinds are
 * told apart by tag, type, class and data attributes, so a new component's
 * controls are exercised without naming them here. Stops if a click leaves the page.
 */
export async function exerciseControls(page: Page, perKind = 2): Promise<number> {
  const start = page.url();
  const count = await page.evaluate(
    ({ selector, perKind }) => {
      const seen = new Map<string, number>();
      let n = 0;
      for (const el of document.querySelectorAll<HTMLElement>(selector)) {
        const data = Object.keys(el.dataset).sort().join(',');
        const kind = [el.tagName, el.getAttribute('type'), el.className, data, el.closest('dialog') ? 'in-dialog' : ''].join('|');
        const times = seen.get(kind) ?? 0;
        if (times >= perKind) continue;
        seen.set(kind, times + 1);
        el.dataset.cspPoke = String(n++);
      }
      return n;
    },
    { selector: CONTROLS, perKind },
  );
  let used = 0;
  for (let i = 0; i < count; i++) {
    if (page.url() !== start) break;
    const control = page.locator(`[data-csp-poke="${i}"]`);
    try {
      if (!(await control.isVisible()) || !(await control.isEnabled())) continue;
      const info = await control.evaluate((el) => ({
        tag: el.tagName.toLowerCase(),
        type: (el as HTMLInputElement).type ?? '',
        options: el instanceof HTMLSelectElement ? el.options.length : 0,
      }));
      if (info.tag === 'select') {
        if (info.options > 1) await control.selectOption({ index: info.options - 1 }, { timeout: 2000 });
      } else if (info.tag === 'textarea' || (info.tag === 'input' && /^(text|search|email|tel|url|)$/.test(info.type))) {
        await control.fill('前台', { timeout: 2000 });
      } else if (info.tag === 'input' && info.type === 'number') {
        await control.fill('3', { timeout: 2000 });
      } else if (info.tag === 'input' && info.type === 'date') {
        await control.fill('2026-12-24', { timeout: 2000 });
      } else if (info.tag === 'input' && /^(hidden|file)$/.test(info.type)) {
        continue;
      } else {
        await control.click({ timeout: 2000 });
      }
      used++;
    } catch {
      // Covered by something else or gone after an earlier click: the next one.
    }
    // A dialog the click opened (search, 演示模式) is closed again, so the page stays usable.
    if (page.url() === start && (await page.locator('dialog[open]').count()) > 0) await page.keyboard.press('Escape');
  }
  return used;
}
