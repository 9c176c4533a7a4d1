// Browser side of the progress model: the scoped store, and the notices shown
// when stored progress had to be reset or could not be saved. Procedure pages
// ship this file, so it stays small.
import { SITE_EVENTS } from '../../lib/client/events';
import { browserStore, readNotice, writeNotice, type Store, type WriteResult } from '../../lib/client/storage';
import { markDone, progressRecord, today, type Progress } from '../../lib/progress';

let store: Store | undefined;
export const progressStore = (): Store => (store ??= browserStore('local', import.meta.env.BASE_URL));

const shown = new Set<string>();

/** One line at the top of the page; the same text is never shown twice in one load. */
function showNotice(text: string): void {
  if (!text || shown.has(text)) return;
  shown.add(text);
  // Our own texts only (no reader input), so plain HTML is safe here.
  (document.querySelector('main') ?? document.body).insertAdjacentHTML(
    'afterbegin',
    `<p class="progress-notice" role="status">${text}</p>`,
  );
}

/** Current progress; a corrupt record or bad entries are reset, with a notice on the page. */
export function readProgress(): Progress {
  const read = progressStore().read(progressRecord);
  showNotice(readNotice(read, '学习进度'));
  return read.value;
}

/** Reads, changes and stores progress in one go; says whether the browser kept it. */
export function updateProgress(change: (progress: Progress) => Progress): WriteResult {
  const saved = progressStore().write(progressRecord, change(readProgress()));
  showNotice(writeNotice(saved, '学习进度'));
  return saved;
}

/**
 * On a procedure page: progress is read at once (so a corrupt record is
 * reported on arrival), "read" is recorded once the reader reaches `box`
 * (placed after the steps), "walked through" when the walkthrough reports the
 * end of a walk.
 */
export function trackProcedure(box: HTMLElement | null): void {
  readProgress();
  const code = box?.dataset.learningCode;
  const mark = (what: 'read' | 'walked', c: string) => updateProgress((p) => markDone(p, what, c, today()));
  if (box && code) {
    new IntersectionObserver((entries, observer) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        mark('read', code);
      }
    }).observe(box);
  }
  document.addEventListener(SITE_EVENTS.walkthroughComplete, (event) => {
    const done = (event as CustomEvent<{ code?: unknown }>).detail?.code ?? code;
    if (typeof done === 'string') mark('walked', done);
  });
}
