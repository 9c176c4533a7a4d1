// <search-box>: see SearchBox.astro.
import { defineElement } from '../../lib/client/define';
type HeaderSearch = HTMLElement & { open?: (query?: string) => void };

class SearchBox extends HTMLElement {
  connectedCallback() {
    const input = this.querySelector('input')!;
    const header = () => document.querySelector<HeaderSearch>('site-search');
    // Hand over to the header dialog, with what was typed so far.
    const handOver = (event: Event) => {
      const search = header();
      if (!search?.open) return;
      event.preventDefault();
      const query = input.value;
      input.value = '';
      search.open(query);
    };
    input.addEventListener('click', handOver);
    input.addEventListener('input', handOver);
    this.querySelector('form')!.addEventListener('submit', handOver);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') handOver(event);
    });
  }
}
defineElement('search-box', SearchBox);
