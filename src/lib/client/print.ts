// Every print button goes through here. A button that prints one part of the
// page (the sign-off sheet, the visit plan) marks it on <html data-print-only>,
// which print.css and the widget's styles read; the mark goes once printing ends.

/** What of `window` printing needs; the unit test passes a stand-in. */
export interface PrintHost {
  print(): void;
  addEventListener(type: 'beforeprint' | 'afterprint', listener: () => void, options?: { once?: boolean }): void;
  document: { documentElement: { dataset: DOMStringMap } };
}

/** Prints the page, or only the part named `only` (html[data-print-only=only]). */
export function printPage(only?: string, host: PrintHost = window): void {
  const { dataset } = host.document.documentElement;
  if (only !== undefined) {
    dataset.printOnly = only;
    // Set before print(): browsers that block in print() fire afterprint inside it.
    host.addEventListener(
      'afterprint',
      () => {
        if (dataset.printOnly === only) delete dataset.printOnly;
      },
      { once: true },
    );
  }
  host.print();
}

/** Runs `fn` whenever the page is about to print (a button or Ctrl+P). */
export function beforePrint(fn: () => void, host: PrintHost = window): void {
  host.addEventListener('beforeprint', fn);
}
