import { describe, expect, it } from 'vitest';
import { beforePrint, printPage, type PrintHost } from './print';

/** A stand-in for window: records what was printed, and fires print events as a browser does. */
function fakeWindow() {
  const listeners: { type: string; fn: () => void; once: boolean }[] = [];
  const dataset: Record<string, string | undefined> = {};
  const printed: string[] = [];
  const fire = (type: string) => {
    for (const l of listeners.filter((l) => l.type === type)) {
      if (l.once) listeners.splice(listeners.indexOf(l), 1);
      l.fn();
    }
  };
  const host: PrintHost = {
    document: { documentElement: { dataset } },
    addEventListener: (type, fn, options) => void listeners.push({ type, fn, once: options?.once ?? false }),
    print: () => {
      fire('beforeprint');
      printed.push(dataset.printOnly ?? 'all');
      fire('afterprint');
    },
  };
  return { host, dataset, printed, fire, listening: (type: string) => listeners.filter((l) => l.type === type).length };
}

describe('printPage', () => {
  it('prints the whole page, marking nothing', () => {
    const w = fakeWindow();
    printPage(undefined, w.host);
    expect(w.printed).toEqual(['all']);
    expect(w.dataset.printOnly).toBeUndefined();
    expect(w.listening('afterprint')).toBe(0);
  });

  it('prints only the named part, and unmarks it once printing ends', () => {
    const w = fakeWindow();
    printPage('signoff', w.host);
    expect(w.printed).toEqual(['signoff']);
    expect(w.dataset.printOnly).toBeUndefined();
    expect(w.listening('afterprint')).toBe(0);
    // A later whole-page print (Ctrl+P) prints everything.
    w.host.print();
    expect(w.printed).toEqual(['signoff', 'all']);
  });

  it('keeps the mark until afterprint when print() returns at once', () => {
    const w = fakeWindow();
    w.host.print = () => void w.printed.push(w.dataset.printOnly ?? 'all');
    printPage('visit-plan', w.host);
    expect(w.dataset.printOnly).toBe('visit-plan');
    w.fire('afterprint');
    expect(w.dataset.printOnly).toBeUndefined();
    expect(w.listening('afterprint')).toBe(0);
  });

  it('leaves a mark another button set since alone', () => {
    const w = fakeWindow();
    w.host.print = () => {};
    printPage('visit-plan', w.host);
    w.dataset.printOnly = 'signoff';
    w.fire('afterprint');
    expect(w.dataset.printOnly).toBe('signoff');
  });
});

describe('beforePrint', () => {
  it('runs on every print, from a button or the browser', () => {
    const w = fakeWindow();
    let closed = 0;
    beforePrint(() => closed++, w.host);
    printPage(undefined, w.host);
    w.fire('beforeprint');
    expect(closed).toBe(2);
  });
});
