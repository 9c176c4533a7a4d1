// Every widget registers its custom element through here: once, even when a
// page (the handbook) or a bundle brings the same script twice.
export function defineElement(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
