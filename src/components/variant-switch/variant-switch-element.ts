// <variant-switch>: see VariantSwitch.astro.
import { defineElement } from '../../lib/client/define';
import { chooseVariant, variantStorageKey, withVariant } from '../../lib/variant-choice';
import { scopedKey } from '../../lib/client/storage';

class VariantSwitch extends HTMLElement {
  connectedCallback() {
    const radios = [...this.querySelectorAll<HTMLInputElement>('input[name="variant"]')];
    // Scoped to this deployment's base path, like every stored key (src/lib/client/storage.ts).
    const key = scopedKey(import.meta.env.BASE_URL, variantStorageKey(this.dataset.code ?? ''));
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(key);
    } catch {
      // Storage blocked: the address still carries the choice.
    }
    const choice = chooseVariant(location.search, stored, radios.map((r) => r.value));
    const radio = radios.find((r) => r.value === choice.id);
    if (radio) radio.checked = true;
    if (choice.from === 'storage' || choice.unknown) this.writeUrl(choice.from === 'default' ? undefined : choice.id);

    this.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      if (input.name !== 'variant' || !input.checked) return;
      this.writeUrl(input.value);
      try {
        localStorage.setItem(key, input.value);
      } catch {
        // Not kept on this device; the address still has it.
      }
    });
  }

  private writeUrl(id: string | undefined) {
    history.replaceState(history.state, '', location.pathname + withVariant(location.search, id) + location.hash);
  }
}
defineElement('variant-switch', VariantSwitch);
