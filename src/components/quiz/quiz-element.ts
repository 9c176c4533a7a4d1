// <sop-quiz>: see QuizView.astro.
import { defineElement } from '../../lib/client/define';
import { createRng, shuffle } from '../../lib/random';
import { today } from '../../lib/progress';
import { isPassed, recordQuiz, resultText, scoreText } from '../../lib/progress-summary';
import { readProgress, updateProgress } from '../progress/progress-store';

class SopQuiz extends HTMLElement {
  connectedCallback() {
    this.showBest();
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button');
      if (button?.classList.contains('quiz-check')) this.check(button.closest('li')!);
      if (button?.classList.contains('quiz-retry')) this.retry();
    });
  }

  get code() {
    return this.dataset.code!;
  }

  get questions() {
    return [...this.querySelectorAll<HTMLLIElement>('.quiz-question')];
  }

  showBest() {
    const best = readProgress().quiz[this.code];
    const line = this.querySelector<HTMLElement>('.quiz-best')!;
    line.hidden = !best;
    if (best) line.textContent = `你的最好成绩:${resultText(best)}`;
  }

  check(item: HTMLLIElement) {
    const verdict = item.querySelector<HTMLElement>('.quiz-verdict')!;
    const chosen = item.querySelector<HTMLInputElement>('input:checked');
    if (!chosen) {
      verdict.textContent = '请先选一个答案。';
      verdict.className = 'quiz-verdict';
      return;
    }
    const right = item.dataset.answer!;
    const correct = chosen.value === right;
    item.dataset.result = correct ? 'right' : 'wrong';
    for (const input of item.querySelectorAll('input')) {
      input.disabled = true;
      input.closest('label')!.classList.toggle('is-right', input.value === right);
      input.closest('label')!.classList.toggle('is-wrong', input === chosen && !correct);
    }
    const rightText = item.querySelector<HTMLElement>('[data-right]')!.dataset.right;
    verdict.textContent = correct ? '✓ 回答正确。' : `✗ 不对。正确答案是:${rightText}`;
    verdict.className = `quiz-verdict ${correct ? 'is-right' : 'is-wrong'}`;
    item.querySelector<HTMLElement>('.quiz-why')!.hidden = false;
    item.querySelector<HTMLButtonElement>('.quiz-check')!.hidden = true;
    verdict.focus();
    if (this.questions.every((q) => q.dataset.result)) this.finish();
  }

  finish() {
    const total = this.questions.length;
    const score = this.questions.filter((q) => q.dataset.result === 'right').length;
    const result = { score, total, date: today() };
    const saved = updateProgress((p) => recordQuiz(p, this.code, result));
    const needed = Number(this.dataset.needed);
    const panel = this.querySelector<HTMLElement>('.quiz-result')!;
    const line = panel.querySelector<HTMLElement>('.quiz-score')!;
    line.textContent = scoreText(result, needed, saved);
    line.className = `quiz-score ${isPassed(result) ? 'is-right' : 'is-wrong'}`;
    panel.hidden = false;
    this.showBest();
    line.focus();
  }

  /** Same questions, new order of questions and options. */
  retry() {
    const rng = createRng(Date.now() >>> 0);
    const list = this.querySelector('.quiz-questions')!;
    for (const item of shuffle(this.questions, rng)) {
      delete item.dataset.result;
      const options = item.querySelector('.quiz-options')!;
      for (const label of shuffle([...options.children], rng)) {
        label.classList.remove('is-right', 'is-wrong');
        const input = label.querySelector('input')!;
        input.disabled = false;
        input.checked = false;
        options.append(label);
      }
      const verdict = item.querySelector<HTMLElement>('.quiz-verdict')!;
      verdict.textContent = '';
      verdict.className = 'quiz-verdict';
      item.querySelector<HTMLElement>('.quiz-why')!.hidden = true;
      item.querySelector<HTMLButtonElement>('.quiz-check')!.hidden = false;
      list.append(item);
    }
    this.querySelector<HTMLElement>('.quiz-result')!.hidden = true;
    this.questions[0]?.querySelector('input')?.focus();
  }
}

defineElement('sop-quiz', SopQuiz);
