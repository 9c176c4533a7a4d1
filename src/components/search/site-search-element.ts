// <site-search>: see SiteSearch.astro.
import { defineElement } from '../../lib/client/define';
import { isSearchShortcut } from '../../lib/search-shortcut';

class SiteSearch extends HTMLElement {
  connectedCallback() {
    const dialog = this.querySelector('dialog')!;
    this.querySelector('.search-button')!.addEventListener('click', () => this.open());
    this.querySelector('.search-close')!.addEventListener('click', () => dialog.close());
    // A result link, or a click on the backdrop, closes the dialog.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog || (event.target as Element).closest('a[href]')) dialog.close();
    });
    document.addEventListener('keydown', (event) => {
      if (!isSearchShortcut(event)) return;
      // Another modal dialog (演示模式) owns the keyboard: search would open on top of it.
      const modal = document.querySelector('dialog:modal');
      if (modal && modal !== dialog) return;
      event.preventDefault();
      this.open();
    });
    // Enter typed before the search code has loaded would submit to the
    // search page; wait for it instead and open the first result, as later.
    const form = dialog.querySelector('form')!;
    form.addEventListener('submit', (event) => {
      if (customElements.get('search-panel') || !this.loading) return;
      event.preventDefault();
      this.loading.then(
        () => (dialog.querySelector('search-panel') as (HTMLElement & { openFirst?: () => Promise<void> }) | null)?.openFirst?.(),
        () => form.submit(),
      );
    });
  }

  private loading: Promise<unknown> | undefined;

  /** Opens search; `query` (from a page's own search box) is typed in for the reader. */
  open(query?: string) {
    // On the search page the page's own box is the search.
    const page = document.querySelector<HTMLElement & { focusInput?: () => void }>('search-panel[data-standalone]');
    if (page) {
      page.querySelector('input')?.focus();
      return;
    }
    const dialog = this.querySelector('dialog')!;
    if (!dialog.open) dialog.showModal();
    const input = dialog.querySelector('input');
    if (input && query) {
      input.value = query;
      // A loaded panel searches on input; one still loading reads the value when it starts.
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    input?.focus();
    this.loading ??= import('./search-panel');
    this.loading.catch(() => {
      this.loading = undefined;
      const status = dialog.querySelector('.search-status');
      if (status) status.textContent = '搜索暂时无法使用,请刷新页面后再试。';
    });
  }
}
defineElement('site-search', SiteSearch);

// A search result opened this page: mark the words searched (code loaded only then).
if (new URLSearchParams(location.search).has('highlight')) void import('./search-highlight');
