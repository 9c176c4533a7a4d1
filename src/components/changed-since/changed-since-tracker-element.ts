// <changed-since-tracker>: see ChangedSinceTracker.astro.
import { defineElement } from '../../lib/client/define';
import { browserStore } from '../../lib/client/storage';
import { announce } from '../../lib/client/notice';
import { CHANGE_LABEL, dismissChanges, parseRevisions, recordVisit, RESET_NOTICE, type Revisions } from '../../lib/changed-since';

class ChangedSinceTracker extends HTMLElement {
  private local = browserStore('local', import.meta.env.BASE_URL);
  private session = browserStore('session', import.meta.env.BASE_URL);

  connectedCallback() {
    void this.track();
  }

  private async track() {
    let current: Revisions | undefined;
    try {
      const response = await fetch(this.dataset.revisions!);
      if (!response.ok) return;
      current = parseRevisions(await response.json());
    } catch {
      return; // offline before the worker kept a copy: nothing to compare, and nothing is claimed
    }
    if (!current) return;
    const result = recordVisit(this.local, this.session, current);
    // Storage switched off or full: the page works without the list, and says nothing it cannot keep.
    // Stays until closed: news of lost data must not slip by unread.
    if (result.reset) void announce({ text: RESET_NOTICE });
    for (const mark of document.querySelectorAll<HTMLElement>('[data-changed-id]')) {
      const kind = result.changed[mark.dataset.changedId!];
      mark.hidden = !kind;
      const label = mark.querySelector('[data-kind-label]');
      if (kind && label) label.textContent = CHANGE_LABEL[kind];
    }
    for (const list of document.querySelectorAll<HTMLElement>('[data-changed-list]')) {
      list.hidden = !list.querySelector('[data-changed-id]:not([hidden])');
      list.querySelector('[data-changed-dismiss]')?.addEventListener('click', () => {
        dismissChanges(this.session);
        list.hidden = true;
      });
    }
  }
}
defineElement('changed-since-tracker', ChangedSinceTracker);
