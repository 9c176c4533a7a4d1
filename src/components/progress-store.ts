// Browser side of the progress model: localStorage, and the one notice shown
// when stored progress was corrupt and had to be reset.
import { loadProgress, markDone, saveProgress, today, type Progress, type StorageLike } from '../lib/progress';

export function browserStorage(): StorageLike | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage switched off
  }
}

function showResetNotice(): void {
  (document.querySelector('main') ?? document.body).insertAdjacentHTML(
    'afterbegin',
    '<p class="progress-notice" role="status">学习进度记录已损坏,已重置。</p>',
  );
}

/** Current progress; corrupt data is reset, with a notice on the page. */
export function readProgress(): Progress {
  const { progress, corrupt } = loadProgress(browserStorage());
  if (corrupt) showResetNotice();
  return progress;
}

/** Reads, changes and stores progress in one go. */
export function updateProgress(change: (progress: Progress) => Progress): Progress {
  const next = change(readProgress());
  saveProgress(browserStorage(), next);
  return next;
}

/**
 * On a procedure page: "read" once the reader reaches `box` (placed after the
 * steps), "walked through" when the walkthrough reports the end of a walk.
 * Lives here, not in the page's script, so procedure pages load one small file.
 */
export function trackProcedure(box: HTMLElement | null): void {
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
  document.addEventListener('sop:walkthrough-complete', (event) => {
    const done = (event as CustomEvent<{ code?: unknown }>).detail?.code ?? code;
    if (typeof done === 'string') mark('walked', done);
  });
}
