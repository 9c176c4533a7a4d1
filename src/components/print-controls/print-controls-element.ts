// <print-controls>: see PrintControls.astro.
import { defineElement } from '../../lib/client/define';
import { printPage } from '../../lib/client/print';

class PrintControls extends HTMLElement {
  connectedCallback() {
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button[data-print]');
      if (!button) return;
      printPage(button.getAttribute('data-print') === 'signoff' ? 'signoff' : undefined);
    });
  }
}
defineElement('print-controls', PrintControls);
