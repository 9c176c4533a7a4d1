// <sop-path-progress>: see PathProgress.astro.
import { SITE_EVENTS } from '../../lib/client/events';
import { defineElement } from '../../lib/client/define';
import { itemStatus, pathStarted, statusText, summarizePath, summaryText, type PathItemRef } from '../../lib/progress-summary';
import { FAILURE_TEXT } from '../../lib/client/storage';
import { resetProgress } from '../../lib/progress';
import { progressStore, readProgress } from './progress-store';

interface Item extends PathItemRef {
  title: string;
  href: string;
}

class SopPathProgress extends HTMLElement {
  connectedCallback() {
    this.render();
    document.addEventListener(SITE_EVENTS.progressChange, () => this.render());
    window.addEventListener('storage', () => this.render());
  }

  render() {
    const items: Item[] = JSON.parse(this.dataset.items ?? '[]');
    const progress = readProgress();
    if (this.hasAttribute('data-hide-unstarted')) this.hidden = !pathStarted(progress, items);
    const s = summarizePath(progress, items);
    const summary = this.querySelector<HTMLElement>('.path-summary')!;
    summary.hidden = false;
    summary.querySelector('.path-summary-line')!.textContent = summaryText(s);
    summary.querySelector('progress')!.value = s.done;
    const next = summary.querySelector<HTMLElement>('.path-next')!;
    const upNext = items[s.next];
    if (upNext) {
      const verb = s.done === 0 && !pathStarted(progress, items) ? '从这里开始' : '继续学习';
      next.replaceChildren(`${verb}:`, Object.assign(document.createElement('a'), { href: upNext.href, textContent: upNext.title }));
    } else {
      next.textContent = '这条学习路径已全部完成。';
    }

    for (const li of this.querySelectorAll<HTMLElement>('.path-item')) {
      const item = items.find((i) => i.code === li.dataset.code);
      if (!item) continue;
      const status = itemStatus(progress, item);
      const line = li.querySelector<HTMLElement>('.path-status')!;
      line.hidden = false;
      line.textContent = statusText(status);
      li.classList.toggle('is-done', status.done);
      li.classList.toggle('is-next', item === upNext);
    }
  }
}
defineElement('sop-path-progress', SopPathProgress);

// Any "clear progress" button on the page.
document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest('[data-progress-reset]');
  if (!button || !window.confirm('确定要清除本机上的全部学习进度(已读、已走查、测验成绩)吗?此操作不能撤销。')) return;
  const cleared = resetProgress(progressStore());
  document.dispatchEvent(new CustomEvent(SITE_EVENTS.progressChange));
  const done = button.parentElement?.querySelector('[data-reset-status]');
  if (done) done.textContent = cleared.ok ? '学习进度已清除。' : `未能清除学习进度:${FAILURE_TEXT[cleared.reason]}。`;
});
