// <print-controls>: see PrintControls.astro.
import { defineElement } from '../../lib/client/define';
class PrintControls extends HTMLElement {
  connectedCallback() {
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button[data-print]');
      if (!button) return;
      const root = document.documentElement;
      if (button.getAttribute('data-print') === 'signoff') root.dataset.printOnly = 'signoff';
      window.addEventListener('afterprint', () => delete root.dataset.printOnly, { once: true });
      window.print();
    });
  }
}
defineElement('print-controls', PrintControls);
