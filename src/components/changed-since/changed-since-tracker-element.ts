// <changed-since-tracker>: see ChangedSinceTracker.astro.
import { defineElement } from '../../lib/client/define';
import { browserStore } from '../../lib/client/storage';
import { announce } from '../../lib/client/notice';
import { CHANGE_LABEL, changedLines, dismissChanges, parseRevisions, recordVisit, RESET_NOTICE, type ChangedSince, type Revisions } from '../../lib/changed-since';

/** Fills a "changed since your last visit" list from the digest; false when it could not. */
async function fillList(list: HTMLElement, changed: ChangedSince): Promise<boolean> {
  let digest: unknown;
  try {
    const response = await fetch(list.dataset.digest!);
    if (!response.ok) return false;
    digest = await response.json();
  } catch {
    return false;
  }
  const items = changedLines(digest, changed).map((line) => {
    const li = document.createElement('li');
    const badge = document.createElement('span');
    badge.className = 'badge kind';
    badge.textContent = CHANGE_LABEL[line.kind];
    const link = document.createElement('a');
    link.href = line.href;
    link.textContent = line.title;
    li.append(badge, link);
    if (line.latest) {
      const what = document.createElement('span');
      what.className = 'what';
      what.textContent = line.latest;
      li.append(what);
    }
    return li;
  });
  list.querySelector('[data-changed-items]')!.replaceChildren(...items);
  return items.length > 0;
}

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
      list.hidden = Object.keys(result.changed).length === 0 || !(await fillList(list, result.changed));
      list.querySelector('[data-changed-dismiss]')?.addEventListener('click', () => {
        dismissChanges(this.session);
        list.hidden = true;
      });
    }
  }
}
defineElement('changed-since-tracker', ChangedSinceTracker);
