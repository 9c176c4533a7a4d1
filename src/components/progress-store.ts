// Browser side of the progress model: the scoped store, and the notices shown
// when stored progress had to be reset or could not be saved.
import { browserStore, FAILURE_TEXT, type Store, type WriteResult } from '../lib/client/storage';
import { loadProgress, markDone, resetProgress, saveProgress, today, type Progress } from '../lib/progress';

let store: Store | undefined;
const progressStore = (): Store => (store ??= browserStore('local', import.meta.env.BASE_URL));

const shown = new Set<string>();

/** One line at the top of the page; the same text is never shown twice in one load. */
function showNotice(text: string): void {
  if (shown.has(text)) return;
  shown.add(text);
  const p = Object.assign(document.createElement('p'), { className: 'progress-notice', textContent: text });
  p.setAttribute('role', 'status');
  const main = document.querySelector('main') ?? document.body;
  const last = [...main.querySelectorAll(':scope > .progress-notice')].pop();
  if (last) last.after(p);
  else main.prepend(p);
}

/** Why a write failed, in words: "存储空间已满" or "此浏览器不允许…". */
export const whyUnsaved = (result: WriteResult): string => (result.ok ? '' : FAILURE_TEXT[result.reason]);
const unsavedText = (result: WriteResult): string => `${whyUnsaved(result)},学习进度未能保存。`;

/** Current progress; a corrupt record or bad entries are reset, with a notice on the page. */
export function readProgress(): Progress {
  const { progress, corrupt, dropped } = loadProgress(progressStore());
  if (corrupt) showNotice('学习进度记录已损坏,已重置。');
  else if (dropped > 0) showNotice(`学习进度中有 ${dropped} 条记录无法读取,已删除;其余进度已保留。`);
  return progress;
}

/** Reads, changes and stores progress in one go; says whether the browser kept it. */
export function updateProgress(change: (progress: Progress) => Progress): { progress: Progress; saved: WriteResult } {
  const next = change(readProgress());
  const saved = saveProgress(progressStore(), next);
  if (!saved.ok) showNotice(unsavedText(saved));
  return { progress: next, saved };
}

export function clearProgress(): WriteResult {
  return resetProgress(progressStore());
}

/**
 * On a procedure page: progress is read at once (so a corrupt record is
 * reported on arrival), "read" is recorded once the reader reaches `box`
 * (placed after the steps), "walked through" when the walkthrough reports the
 * end of a walk. Lives here, not in the page's script, so procedure pages load
 * one small file.
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
  document.addEventListener('sop:walkthrough-complete', (event) => {
    const done = (event as CustomEvent<{ code?: unknown }>).detail?.code ?? code;
    if (typeof done === 'string') mark('walked', done);
  });
}
