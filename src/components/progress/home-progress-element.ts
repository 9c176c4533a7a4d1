// <sop-home-progress>: see HomeProgress.astro.
import { SITE_EVENTS } from '../../lib/client/events';
import { defineElement } from '../../lib/client/define';
import { hasProgress, pathStarted } from '../../lib/progress-summary';
import { readProgress } from './progress-store';

class SopHomeProgress extends HTMLElement {
  connectedCallback() {
    this.render();
    document.addEventListener(SITE_EVENTS.progressChange, () => this.render());
  }

  render() {
    const progress = readProgress();
    // Stays visible after a reset so the "cleared" message can be read.
    if (hasProgress(progress)) this.hidden = false;
    const started = [...this.querySelectorAll<HTMLElement>('sop-path-progress')].some((el) =>
      pathStarted(progress, JSON.parse(el.dataset.items ?? '[]')),
    );
    const other = this.querySelector<HTMLElement>('.home-progress-other')!;
    const read = Object.keys(progress.read).length;
    other.hidden = started;
    other.textContent = started
      ? ''
      : read > 0
        ? `你已读过 ${read} 个流程。选一条学习路径,按顺序学习并做自测吧。`
        : '还没有学习记录。';
  }
}
defineElement('sop-home-progress', SopHomeProgress);
