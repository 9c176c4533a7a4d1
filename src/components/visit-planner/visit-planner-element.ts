// <sop-visit-planner>: see VisitPlanner.astro.
import { defineElement } from '../../lib/client/define';
import { printPage } from '../../lib/client/print';
import { formatDateWithWeekday } from '../../lib/dates';
import { calendarDay, planVisit, relativeDays } from '../../lib/visit-deadlines';

// Read by html[data-print-only='visit-plan'] in VisitPlanner.astro's print styles.
const PRINT_FLAG = 'visit-plan';
const LABELS = ['日期', '距今天', '事项', '呈送 / 通知', '依据', '完成'];

class SopVisitPlanner extends HTMLElement {
  private started = false;
  private touched = false;

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    this.$('[data-nojs]').hidden = true;
    const form = this.querySelector('form')!;
    form.addEventListener('input', () => {
      this.touched = true;
      this.update();
    });
    form.addEventListener('change', () => {
      this.touched = true;
      this.update();
    });
    form.addEventListener('submit', (event) => event.preventDefault());
    this.$('[data-print]').addEventListener('click', () => printPage(PRINT_FLAG));
    // A date kept by the browser on back/forward navigation is shown straight away.
    if ((form.elements.namedItem('visit') as HTMLInputElement).value) this.update();
  }

  private $(selector: string): HTMLElement {
    return this.querySelector<HTMLElement>(selector)!;
  }

  private update() {
    const form = this.querySelector('form')!;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    const dateInput = field('visit');
    const result = planVisit({
      visitDate: dateInput.value,
      presidentAttends: field('president').checked,
      today: calendarDay(new Date()),
    });
    const error = this.$('[data-error]');
    const plan = this.$('[data-plan]');
    if (!result.ok) {
      // An empty date before anyone typed is not an error yet; a half-typed date is (badInput).
      const message = dateInput.validity.badInput ? '请输入完整、有效的日期。' : result.error;
      error.textContent = this.touched ? message : '';
      dateInput.setAttribute('aria-invalid', String(this.touched));
      plan.hidden = true;
      return;
    }
    error.textContent = '';
    dateInput.setAttribute('aria-invalid', 'false');
    plan.hidden = false;

    const { deadlines, warnings, visit, today } = result.plan;
    this.$('[data-client]').textContent = field('client').value.trim() || '__________________';
    this.$('[data-visit]').textContent = formatDateWithWeekday(visit);
    this.$('[data-president]').textContent = field('president').checked ? '是' : '否';
    this.$('[data-today]').textContent = formatDateWithWeekday(today);
    this.$('[data-important]').hidden = !field('important').checked;

    // Re-render warnings only when they change, so typing the client name does not re-announce them.
    const warningList = this.$('[data-warnings]');
    if (warningList.dataset.shown !== warnings.join('\n')) {
      warningList.dataset.shown = warnings.join('\n');
      warningList.replaceChildren(
        ...warnings.map((text) => {
          const li = document.createElement('li');
          li.textContent = text;
          return li;
        }),
      );
    }
    this.$('[data-rows]').replaceChildren(
      ...deadlines.map((d) => {
        const row = document.createElement('tr');
        row.dataset.deadline = d.id;
        row.dataset.status = d.status;
        const cells = [
          formatDateWithWeekday(d.date),
          d.status === 'passed' ? `⚠ ${relativeDays(d.daysFromToday)}` : relativeDays(d.daysFromToday),
          d.what,
          d.to || '—',
          d.rule,
          '',
        ];
        for (const [i, text] of cells.entries()) {
          const cell = document.createElement('td');
          cell.textContent = text;
          // Narrow screens show each row as a card, labelled from the header.
          cell.dataset.label = LABELS[i] ?? '';
          if (i === 5) cell.className = 'done-col';
          row.append(cell);
        }
        return row;
      }),
    );
  }
}

defineElement('sop-visit-planner', SopVisitPlanner);
