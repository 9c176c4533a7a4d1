// The search UI in Chromium: opened by button, "/" and Ctrl/⌘+K on every
// kind of page; nothing of Pagefind loaded before that; results with title,
// code, category and highlighted excerpt that open at the step; keyboard
// use; filter chips; the /search/?q= page; and the edge cases of the issue.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, VIEWPORTS, servedInBrowser } from '../helpers/browser';
import { attr, parse, select, selectAll, text as textContent } from '../helpers/dom';
import { loadProcedures } from '../helpers/procedures';
import { DRAFT_STATUS } from '../../src/lib/procedure/status';
import { procedureFacets } from '../../src/lib/search-index';
import { cleanQuery, MAX_QUERY_CHARS } from '../../src/lib/search-query';

const PROCEDURE = 'procedures/spa/lobby-shoe-bar/';
const facets = loadProcedures().map((p) => ({ path: `procedures/${p.id}/`, ...procedureFacets(p.data, p.categoryName) }));

describe.skipIf(!hasChromium)('search in Chromium', () => {
  const served = servedInBrowser();

  async function open(path: string, viewport: { width: number; height: number } = VIEWPORTS.desktop, waitUntil: 'load' | 'networkidle' = 'load') {
    const page = await served.browser.newPage({ viewport });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(served.site.url + path, { waitUntil });
    return { page, errors, requests };
  }

  /** Waits until `panel` has searched `query` (as cleaned) and settled. */
  async function settled(page: Page, panel: string, query: string, states = ['done', 'none']) {
    await page.waitForFunction(
      ({ panel, query, states }) => {
        const el = document.querySelector<HTMLElement>(panel);
        return !!el && el.dataset.query === query && states.includes(el.dataset.state ?? '');
      },
      { panel, query, states },
      { timeout: 10_000 },
    );
  }
  const DIALOG = 'dialog search-panel';
  const PAGE = 'search-panel[data-standalone]';
  const isOpen = (page: Page) => page.locator('dialog.search-dialog').evaluate((d: HTMLDialogElement) => d.open);
  const focusedIs = (page: Page, selector: string) =>
    page.evaluate((s) => document.activeElement === document.querySelector(s), selector);
  const hits = (page: Page, panel: string) =>
    page.$$eval(`${panel} .search-result > a.search-hit`, (links) =>
      links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.replace(/^\//, '')),
    );

  it('loads no search code or index on a procedure page until search is opened', async () => {
    const { page, errors, requests } = await open(PROCEDURE, VIEWPORTS.desktop, 'networkidle');
    expect(requests.filter((r) => /\/pagefind\/|search-panel|search-highlight/.test(r))).toEqual([]);
    await page.locator('.search-button').click();
    await page.keyboard.type('押金');
    await settled(page, DIALOG, '押金');
    expect(requests.some((r) => r.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(requests.some((r) => /\/pagefind\/(index|fragment)\//.test(r))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens by "/", Ctrl+K and ⌘K on every kind of page, and Esc closes it', async () => {
    for (const path of ['', 'categories/hotel/', PROCEDURE, '404.html']) {
      const { page, errors } = await open(path);
      for (const keys of ['/', 'Control+k', 'Meta+k']) {
        await page.keyboard.press(keys);
        expect(await isOpen(page), `${path} ${keys}`).toBe(true);
        expect(await focusedIs(page, `${DIALOG} input`), `${path} ${keys}`).toBe(true);
        await page.keyboard.press('Escape');
        expect(await isOpen(page), `${path} ${keys} Esc`).toBe(false);
      }
      // Opened from the button, closing gives focus back to it.
      await page.locator('.search-button').focus();
      await page.keyboard.press('Enter');
      expect(await isOpen(page)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await focusedIs(page, '.search-button')).toBe(true);
      expect(errors, path).toEqual([]);
      await page.close();
    }
  });

  it('on the search page, "/" goes to the page\'s own box', async () => {
    const { page } = await open('search/?q=押金');
    await settled(page, PAGE, '押金');
    await page.locator('a.site-title').focus();
    await page.keyboard.press('/');
    expect(await isOpen(page)).toBe(false);
    expect(await focusedIs(page, `${PAGE} input`)).toBe(true);
    await page.close();
  });

  it('types "/" into a field instead of reopening search', async () => {
    const { page } = await open(PROCEDURE);
    await page.keyboard.press('/');
    await page.keyboard.type('a/b');
    expect(await page.locator(`${DIALOG} input`).inputValue()).toBe('a/b');
    expect(await isOpen(page)).toBe(true);
    await page.close();
  });

  it('shows title, code, category and highlights; arrows and Enter open the step', async () => {
    const { page, errors } = await open(PROCEDURE);
    await page.keyboard.press('/');
    await page.keyboard.type('叫早');
    await settled(page, DIALOG, '叫早', ['done']);
    const first = page.locator(`${DIALOG} .search-result`).first();
    expect(await first.locator('.search-hit-title').textContent()).toBe('团队客人入住登记程序');
    expect(await first.locator('.search-hit-meta').textContent()).toBe('SOP-HOTEL-01 · 酒店前厅');
    expect(await first.locator('.search-hit-where').first().textContent()).toContain('叫早');
    expect(await first.locator('.search-hit-excerpt mark').count()).toBeGreaterThan(0);

    const links = page.locator(`${DIALOG} .search-results a`);
    await page.keyboard.press('ArrowDown');
    expect(await links.first().evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await links.nth(1).evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedIs(page, `${DIALOG} input`)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(/group-check-in\/(\?[^#]*)?#step-confirm-with-leader$/), page.keyboard.press('Enter')]);
    const step = page.locator('#step-confirm-with-leader');
    expect(await step.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await step.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Enter in the box opens the first result, closing the dialog on the same page', async () => {
    const { page } = await open('procedures/hotel/group-check-in/');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('押金');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#step-confirm-with-escort');
    expect(await isOpen(page)).toBe(false);
    expect(await page.locator('#step-confirm-with-escort').evaluate((el) => el.matches(':target'))).toBe(true);
    await page.close();
  });

  it('Enter pressed before the search code has loaded still opens the first result', async () => {
    const { page } = await open('procedures/hotel/group-check-in/');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/search-panel*.js', async (route) => {
      await held;
      await route.continue();
    });
    // Whether the form's submit went ahead (a page load) or was held back; read after the site's own handler.
    await page.evaluate(() => {
      document.addEventListener('submit', (event) => {
        (window as unknown as { submitHeld?: boolean }).submitHeld = event.defaultPrevented;
      });
    });
    await page.keyboard.press('Control+k');
    await page.keyboard.type('押金');
    await page.keyboard.press('Enter');
    // Held back: the page stays put, with the dialog open, instead of submitting to the search page.
    await page.waitForFunction(() => (window as unknown as { submitHeld?: boolean }).submitHeld !== undefined);
    expect(await page.evaluate(() => (window as unknown as { submitHeld: boolean }).submitHeld)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/procedures/hotel/group-check-in/');
    expect(await isOpen(page)).toBe(true);
    release();
    await page.waitForFunction(() => location.hash === '#step-confirm-with-escort');
    expect(await isOpen(page)).toBe(false);
    await page.close();
  });

  it('narrows results with category, department and role chips', async () => {
    const { page, errors } = await open('search/?q=客人');
    await settled(page, PAGE, '客人');
    const all = await hits(page, PAGE);
    expect(all.length).toBeGreaterThan(3);
    await page.locator(`${PAGE} .search-filters summary`).click();

    const chip = (key: string, value: string) => page.locator(`${PAGE} .search-chip[data-key="${key}"][data-value="${value}"]`);
    const within = (pick: (f: (typeof facets)[number]) => boolean) =>
      new Set(facets.filter(pick).map((f) => f.path));

    await chip('category', '酒店前厅').click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('category') === '酒店前厅');
    await settled(page, PAGE, '客人');
    const hotel = await hits(page, PAGE);
    expect(hotel.length).toBeGreaterThan(0);
    for (const path of hotel) expect(within((f) => f.filters.category.includes('酒店前厅')).has(path), path).toBe(true);
    expect(await chip('category', '酒店前厅').getAttribute('aria-pressed')).toBe('true');
    await chip('category', '酒店前厅').click();

    await chip('department', '前厅部').click();
    await settled(page, PAGE, '客人');
    const frontOffice = await hits(page, PAGE);
    expect(frontOffice.length).toBeGreaterThan(0);
    for (const path of frontOffice) {
      expect(within((f) => f.filters.department.includes('前厅部')).has(path), path).toBe(true);
    }
    await chip('department', '前厅部').click();

    // A role with an empty box lists every page that role works in.
    await page.locator(`${PAGE} input`).fill('');
    await chip('role', '行李生').click();
    await settled(page, PAGE, '');
    expect(new Set(await hits(page, PAGE))).toEqual(within((f) => f.filters.role.includes('行李生')));

    // Filters that leave nothing say so and offer to clear them.
    await page.locator(`${PAGE} input`).fill('鞋吧');
    await settled(page, PAGE, '鞋吧', ['none']);
    expect(await page.locator(`${PAGE} .search-status`).textContent()).toContain('筛选');
    await page.locator(`${PAGE} .search-status button`, { hasText: '清除筛选' }).click();
    await settled(page, PAGE, '鞋吧', ['done']);
    expect(await hits(page, PAGE)).toContain(PROCEDURE);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the search page works from a bookmark or shared link, and keeps its address current', async () => {
    const { page } = await open(`search/?q=${encodeURIComponent('保密房')}&category=${encodeURIComponent('酒店前厅')}`);
    await settled(page, PAGE, '保密房', ['done']);
    expect(await page.locator(`${PAGE} input`).inputValue()).toBe('保密房');
    expect(await page.locator(`${PAGE} .search-chip[data-value="酒店前厅"]`).getAttribute('aria-pressed')).toBe('true');
    expect((await hits(page, PAGE))[0]).toBe('procedures/hotel/guest-privacy/');
    await page.locator(`${PAGE} input`).fill('换房');
    await settled(page, PAGE, '换房', ['done']);
    const params = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
    expect(params).toEqual({ q: '换房', category: '酒店前厅' });

    // The dialog links to the same page for the same search.
    const other = await open(PROCEDURE);
    await other.page.keyboard.press('/');
    await other.page.keyboard.type('叫早');
    await settled(other.page, DIALOG, '叫早');
    const href = await other.page.locator(`${DIALOG} .search-open-page`).getAttribute('href');
    expect(href).toBe(`/search/?q=${encodeURIComponent('叫早')}`);
    await other.page.close();
    await page.close();
  });

  it('handles empty, blank, punctuation, 200-character, Latin and no-result queries', async () => {
    const { page, errors } = await open('search/');
    const input = page.locator(`${PAGE} input`);
    const status = page.locator(`${PAGE} .search-status`);

    for (const blank of ['', '     ', '\u3000\u3000', ',。!?、…—', ' ... /// ']) {
      // From a real search each time: a blank is searched after the debounce, and until then the
      // panel would still show the idle state of the previous blank.
      await input.fill('叫早');
      await settled(page, PAGE, '叫早', ['done']);
      await input.fill(blank);
      await settled(page, PAGE, '', ['idle']);
      expect(await status.textContent(), JSON.stringify(blank)).toContain('例如');
      expect(await page.locator(`${PAGE} .search-result`).count()).toBe(0);
    }
    // The examples offered are real searches.
    await page.locator(`${PAGE} .search-status button[data-example]`).first().click();
    await settled(page, PAGE, '叫早', ['done']);

    const long = '客人离店时检查房间内部用品和设施'.repeat(13).slice(0, 200);
    expect(long).toHaveLength(200);
    // Only the first characters are searched: bounded work, checked by what was searched, not by a clock.
    await input.fill(long);
    await settled(page, PAGE, long.slice(0, MAX_QUERY_CHARS));
    expect(await status.textContent()).toContain(`只按前 ${MAX_QUERY_CHARS} 个字搜索`);

    await input.fill('sop-hotel');
    await settled(page, PAGE, 'sop-hotel', ['done']);
    // A code prefix finds hotel procedures and no other procedure; role and path pages that list
    // the codes may be among the hits too.
    const latinHits = (await hits(page, PAGE)).filter((p) => p.startsWith('procedures/'));
    expect(latinHits.length, latinHits.join(' ')).toBeGreaterThanOrEqual(3);
    expect(latinHits.every((p) => p.startsWith('procedures/hotel/')), latinHits.join(' ')).toBe(true);
    // (Not "xyz": the content writes "X元/人", and Pagefind matches the X.)
    await input.fill('qwerty');
    await settled(page, PAGE, 'qwerty', ['none']);

    await input.fill('量子力学');
    await settled(page, PAGE, '量子力学', ['none']);
    expect(await status.textContent()).toContain('没有找到与“量子力学”相关的内容');
    expect(await status.locator('a', { hasText: '术语表' }).getAttribute('href')).toBe('/glossary/');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits the dialog to a 360 px phone in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await served.browser.newPage({ viewport: VIEWPORTS.phone, colorScheme });
      await page.goto(served.site.url + PROCEDURE);
      await page.locator('.search-button').click();
      await page.keyboard.type('结账');
      await settled(page, DIALOG, '结账', ['done']);
      const box = (await page.locator('dialog.search-dialog').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
      expect(await page.locator('dialog.search-dialog').evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
      expect(await page.locator(`${DIALOG} .search-status`).textContent()).toContain('同时搜索了');
      await page.close();
    }
  });

  it('highlights the searched words on the page a result opens, loading only the highlighter', async () => {
    const { page, errors } = await open('search/?q=' + encodeURIComponent('押金'), VIEWPORTS.phone);
    await settled(page, PAGE, '押金', ['done']);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await Promise.all([page.waitForURL(/\?highlight=/), page.locator(`${PAGE} .search-result a.search-hit`).first().click()]);
    await page.waitForSelector('main[data-highlighted]');
    const marks = await page.$$eval('main mark.search-highlight', (m) => m.map((x) => x.textContent));
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['押金']));
    // Arrival needs no search index: only the small highlighter module.
    expect(requests.filter((r) => r.includes('/pagefind/'))).toEqual([]);
    expect(requests.some((r) => /search-highlight/.test(r))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds every checklist item at its checklist (or the same item in another, or the step that links to it, is named for it, says it word for word or cites its clause)', async () => {
    const { page, errors } = await open('search/', VIEWPORTS.phone);
    const items: { path: string; text: string; at: string[] }[] = [];
    for (const { path } of facets) {
      const tree = parse(await (await fetch(served.site.url + path)).text());
      // Each step (its own <li>, not whatever follows it on the page), to know which steps point to a checklist ("检查表:…" link).
      const steps = selectAll(tree, 'li[id^="step-"]').map((li) => ({ id: attr(li, 'id')!, li }));
      const lists = selectAll(tree, 'section[id^="checklist-"]').map((section) => ({
        id: attr(section, 'id')!,
        items: selectAll(section, '[data-text]').map((el) => attr(el, 'data-text')!).filter(Boolean),
      }));
      expect(steps.length, path).toBeGreaterThan(0);
      const squash = (text: string) => text.replace(/\s+/g, '');
      // A short step name holding the item's characters in order (是否需要准备礼品 for 需要礼品).
      const namedFor = (name: string, item: string) =>
        [...name].length <= [...item].length + 4 && new RegExp([...item].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*'), 'u').test(name);
      const titleOf = (step: (typeof steps)[number]) => {
        const title = select(step.li, 'h3.step-title');
        return squash(title ? textContent(title) : '').replace(/^第\d+步[::]/, '').replace(/[??]$/, '');
      };
      for (const list of lists) {
        // Also a right place to land: another checklist of the page holding the same item;
        // a step that points to this checklist; a step named for the item; a step that
        // restates it word for word (a sentence, not a single word); or, for an item
        // carrying the source's clause number (1.3.3 …), the step citing that clause.
        const landings = (item: string) => {
          const clause = /^(\d+(?:\.\d+)+)\s+(.*)$/.exec(item);
          const words = squash(clause?.[2] ?? item);
          const cites = (step: (typeof steps)[number]) =>
            clause !== null && new RegExp(`(^|[^\\d.])${clause[1]!.replace(/\./g, '\\.')}(?![\\d.])`).test(squash(textContent(step.li)));
          return [
            ...lists.filter((other) => other !== list && other.items.includes(item)).map((other) => other.id),
            ...steps
              .filter(
                (step) =>
                  select(step.li, `[href=${JSON.stringify(`#${list.id}`)}]`) !== undefined ||
                  ([...words].length >= 2 && namedFor(titleOf(step), words)) ||
                  ([...words].length >= 5 && squash(textContent(step.li)).includes(words)) ||
                  cites(step),
              )
              .map((step) => step.id),
          ];
        };
        for (const text of list.items) items.push({ path, text, at: [list.id, ...landings(text)] });
      }
    }
    expect(items.length).toBeGreaterThan(50);
    const missed: string[] = [];
    for (const item of items) {
      await page.locator(`${PAGE} input`).fill(item.text);
      await settled(page, PAGE, cleanQuery(item.text).text);
      const top = (await page.$$eval(`${PAGE} .search-result > a.search-hit`, (links) => links.map((a) => (a as HTMLAnchorElement).href))).slice(0, 3);
      const ok = top.some((href) => {
        const url = new URL(href);
        return url.pathname === `/${item.path}` && item.at.includes(decodeURIComponent(url.hash.slice(1)));
      });
      if (!ok) missed.push(`${item.text} (${item.path}#${item.at[0]}) → ${top.map((h) => decodeURIComponent(new URL(h).pathname + new URL(h).hash)).join('  ')}`);
    }
    expect(missed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters by status: 草稿 shows drafts only, 正式 none', async () => {
    const { page, errors } = await open('search/?q=' + encodeURIComponent('客人'));
    await settled(page, PAGE, '客人', ['done']);
    await page.locator(`${PAGE} .search-filters summary`).click();
    const draft = page.locator(`${PAGE} .search-chip[data-key="status"][data-value="${DRAFT_STATUS}"]`);
    await draft.click();
    await page.waitForFunction((draft) => new URLSearchParams(location.search).get('status') === draft, DRAFT_STATUS);
    await settled(page, PAGE, '客人', ['done']);
    const drafts = facets.filter((f) => f.filters.status.includes(DRAFT_STATUS)).map((f) => f.path);
    const shown = await hits(page, PAGE);
    expect(shown.length).toBeGreaterThan(0);
    for (const path of shown) expect(drafts, path).toContain(path);
    expect(await page.locator(`${PAGE} .search-result .badge.draft`).count()).toBe(shown.length);
    await draft.click();
    await page.locator(`${PAGE} .search-chip[data-key="status"][data-value="正式"]`).click();
    await settled(page, PAGE, '客人', ['done']);
    expect(await page.locator(`${PAGE} .search-result .badge.draft`).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone: filters in one row per group without overlap, 44 px targets, no notice over results', async () => {
    const { page, errors } = await open('search/?q=' + encodeURIComponent('客人'), VIEWPORTS.phone);
    await settled(page, PAGE, '客人', ['done']);
    await page.waitForSelector(`${PAGE} .search-chip`, { state: 'attached' });
    const summary = (await page.locator(`${PAGE} .search-filters summary`).boundingBox())!;
    expect(summary.height).toBeGreaterThanOrEqual(44);
    // Closed, the filters take that one row and no chip shows.
    expect(await page.locator(`${PAGE} .search-chip`).first().isVisible()).toBe(false);
    await page.locator(`${PAGE} .search-filters summary`).click();
    const groups = await page.$$eval(`${PAGE} .search-chip-group`, (els) =>
      els.map((group) =>
        [...group.children].map((child) => {
          const r = child.getBoundingClientRect();
          return { text: child.textContent, top: r.top, left: r.left, right: r.right, bottom: r.bottom, clipped: child.scrollWidth > child.clientWidth + 1 };
        }),
      ),
    );
    expect(groups.length).toBeGreaterThanOrEqual(4);
    for (const boxes of groups) {
      // One row: the label and every chip share a line.
      expect(new Set(boxes.map((b) => Math.round(b.top))).size, boxes[0]!.text!).toBe(1);
      for (const [i, a] of boxes.entries()) {
        expect(a.clipped, a.text!).toBe(false);
        for (const b of boxes.slice(i + 1)) expect(a.right <= b.left + 0.5 || b.right <= a.left + 0.5, `${a.text} / ${b.text}`).toBe(true);
      }
    }
    const small = await page.$$eval(
      `${PAGE} button:not([hidden]), ${PAGE} summary, ${PAGE} .search-results a, ${PAGE} input`,
      (els) =>
        els
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => ({ text: (el.textContent ?? '').slice(0, 12), h: el.getBoundingClientRect().height }))
          .filter((b) => b.h < 44),
    );
    expect(small).toEqual([]);
    // A notice (offline copy saved, update ready) never covers a result.
    await page.evaluate(() => {
      const notice = document.querySelector<HTMLElement>('.app-notice')!;
      notice.querySelector('[data-notice-lines]')!.replaceChildren(Object.assign(document.createElement('p'), { textContent: '已保存,可离线使用' }));
      notice.hidden = false;
    });
    for (const y of [0, 400, 100_000]) {
      await page.evaluate((y) => scrollTo(0, y), y);
      const overlap = await page.evaluate(() => {
        const n = document.querySelector('.app-notice')!.getBoundingClientRect();
        return [...document.querySelectorAll('search-panel[data-standalone] .search-result')].some((li) => {
          const r = li.getBoundingClientRect();
          return r.left < n.right && n.left < r.right && r.top < n.bottom && n.top < r.bottom;
        });
      });
      expect(overlap, `scrolled to ${y}`).toBe(false);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
