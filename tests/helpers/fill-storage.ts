// A browser whose storage is full: fills this origin's localStorage to the
// last character it takes, as a real full browser would be.
import type { Page } from 'playwright-core';

export function fillStorage(page: Page): Promise<void> {
  return page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      try {
        for (;;) localStorage.setItem(`filler-${n++}`, chunk);
      } catch {
        // full at this size: try a smaller piece
      }
    }
  });
}
