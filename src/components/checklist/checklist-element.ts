// <sop-checklist>: the markup is ChecklistView.astro; ChecklistScript.astro loads this once a page.
import { defineElement } from '../../lib/client/define';
import {
  checklistRecord,
  progress,
  toggleItem,
  visibleIds,
  type ChecklistSpec,
  type LoadResult,
} from '../../lib/checklist-state';
import { browserStore, FAILURE_TEXT, type RecordType, type StorageFailure } from '../../lib/client/storage';

const NOTICES = {
  updated: '这张检查表的内容已更新:已删除或改写的条目不再保留勾选,新条目未勾选。',
  reset: '保存的勾选记录无法读取(已损坏或不属于本页),这张检查表已清空重来。',
};
const unsaved = (why: StorageFailure) => `${FAILURE_TEXT[why]},勾选未能保存,刷新页面后会丢失。`;
const store = browserStore('local', import.meta.env.BASE_URL);
const SAVED = 'sop-checklist-saved';

class SopChecklist extends HTMLElement {
  private spec?: ChecklistSpec;
  private record?: RecordType<LoadResult>;
  private checked = new Set<string>();
  private notices: string[] = [];

  connectedCallback() {
    if (this.spec) return;
    const items = [...this.querySelectorAll<HTMLLIElement>('li[data-item]')];
    this.spec = {
      version: this.dataset.version ?? '',
      items: items.map((li) => ({
        id: li.dataset.item!,
        hash: li.dataset.hash!,
        ...(li.dataset.when ? { when: li.dataset.when } : {}),
      })),
    };
    this.record = checklistRecord(this.dataset.key ?? '', this.dataset.legacyKey ?? '', this.spec);
    this.load();
    this.$('[data-tools]').hidden = false;
    this.$('[data-progress]').hidden = false;

    this.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      if (input.matches('[data-print-ticked]')) {
        this.toggleAttribute('data-print-ticked', input.checked);
        return;
      }
      const id = input.closest<HTMLElement>('li[data-item]')?.dataset.item;
      if (!id || !this.spec) return;
      this.checked = toggleItem(this.spec, this.checked, id, input.checked);
      this.save();
      this.render();
    });
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button');
      if (!button) return;
      if (button.matches('[data-clear]')) this.askClear(true);
      else if (button.matches('[data-confirm-no]')) this.askClear(false);
      else if (button.matches('[data-confirm-yes]')) this.clear();
      else if (button.matches('[data-dismiss]')) this.notice(null);
    });
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.$('[data-confirm]').hidden) this.askClear(false);
    });
    // Same list in another tab, or shown twice on this page.
    const key = store.key(this.record);
    window.addEventListener('storage', (event) => {
      if (event.key === key) this.load();
    });
    document.addEventListener(SAVED, (event) => {
      const detail = (event as CustomEvent<{ key: string; from: Element }>).detail;
      if (detail.key === key && detail.from !== this) this.load();
    });
  }

  private $<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private load() {
    if (!this.record) return;
    // A corrupt record is reset (and written back cleaned) by the store.
    const { value, status, failure } = store.read(this.record);
    this.checked = value.checked;
    if (failure) this.notice(unsaved(failure));
    if (status === 'reset') this.notice(NOTICES.reset);
    if (value.notice === 'updated') {
      this.notice(NOTICES.updated);
      // Write back the cleaned state so the notice is shown once.
      this.save(false);
    }
    this.render();
  }

  private save(announce = true) {
    if (!this.record) return;
    const saved = store.write(this.record, { checked: this.checked, notice: 'none' });
    if (!saved.ok) this.notice(unsaved(saved.reason));
    if (announce) document.dispatchEvent(new CustomEvent(SAVED, { detail: { key: store.key(this.record), from: this } }));
  }

  private render() {
    if (!this.spec) return;
    const visible = visibleIds(this.spec, this.checked);
    for (const li of this.querySelectorAll<HTMLLIElement>('li[data-item]')) {
      const id = li.dataset.item!;
      li.hidden = !visible.has(id);
      li.querySelector('input')!.checked = this.checked.has(id);
    }
    const { done, total } = progress(this.spec, this.checked);
    this.$('[data-progress]').textContent = `已完成 ${done} / ${total} 项`;
    this.$('[data-progress]').classList.toggle('complete', total > 0 && done === total);
    this.$<HTMLButtonElement>('[data-clear]').disabled = this.checked.size === 0;
  }

  /** Adds a notice (null: the reader dismissed them all); earlier ones stay until dismissed. */
  private notice(text: string | null) {
    if (text === null) this.notices = [];
    else if (!this.notices.includes(text)) this.notices.push(text);
    this.$('[data-notice-text]').textContent = this.notices.join(' ');
    this.$('[data-notice]').hidden = this.notices.length === 0;
  }

  private askClear(open: boolean) {
    const confirm = this.$('[data-confirm]');
    const clearButton = this.$<HTMLButtonElement>('[data-clear]');
    confirm.hidden = !open;
    clearButton.hidden = open;
    (open ? this.$('[data-confirm-no]') : clearButton).focus();
  }

  private clear() {
    this.checked = new Set();
    this.save();
    this.render();
    this.$('[data-confirm]').hidden = true;
    this.$('[data-clear]').hidden = false;
    this.querySelector<HTMLInputElement>('li[data-item] input')?.focus();
  }
}

defineElement('sop-checklist', SopChecklist);
