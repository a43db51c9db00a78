/**
 * The workbench's top bar: the workbook's name, the three views (spreadsheet, intake form, outbox),
 * the world's clock with the buttons that move it on, and the switcher of who you are.
 */
import type { Person } from './api';
import { clear, h } from './dom';

export type ViewName = 'sheet' | 'form' | 'outbox';

export interface TopBarHost {
  show(view: ViewName): void;
  switchUser(email: string): void;
  passTime(step: 'hour' | 'day'): void;
  /** The workbook's time zone, which the clock is shown in. */
  timeZone(): string;
}

export class TopBar {
  private readonly userSelect = h('select', {
    id: 'user-switcher',
    'aria-label': 'Signed in as',
    'data-testid': 'user-switcher',
  });
  private readonly clockText = h('span', { class: 'clock-text', 'data-testid': 'clock' });
  private readonly viewButtons: Record<ViewName, HTMLButtonElement> = {
    sheet: h('button', { class: 'view-tab', 'data-view': 'sheet' }, 'Spreadsheet'),
    form: h('button', { class: 'view-tab', 'data-view': 'form' }, 'Intake form'),
    outbox: h('button', { class: 'view-tab', 'data-view': 'outbox' }, 'Outbox'),
  };
  /** The world's time at a real moment: the clock runs on from there between the server's replies. */
  private clockBase = { world: 0, real: 0 };

  constructor(private readonly host: TopBarHost) {}

  /** The bar itself, its controls wired to the host. */
  build(spreadsheetName: string): HTMLElement {
    this.userSelect.addEventListener('change', () => this.host.switchUser(this.userSelect.value));
    for (const [name, button] of Object.entries(this.viewButtons)) {
      button.addEventListener('click', () => this.host.show(name as ViewName));
    }
    return h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { class: 'brand' },
        h('span', { class: 'logo', 'aria-hidden': 'true' }),
        h('span', {}, spreadsheetName),
      ),
      h('nav', { class: 'views' }, ...Object.values(this.viewButtons)),
      h(
        'div',
        { class: 'clock' },
        this.clockText,
        h(
          'button',
          {
            title: 'Move the clock one hour on and run the time-driven triggers that are due',
            onclick: () => this.host.passTime('hour'),
            'data-testid': 'run-hourly',
          },
          'Run hourly job',
        ),
        h(
          'button',
          {
            title: 'Move the clock one day on and run the time-driven triggers that are due',
            onclick: () => this.host.passTime('day'),
          },
          '+1 day',
        ),
      ),
      h('label', { class: 'user', for: 'user-switcher' }, h('span', {}, 'Signed in as'), this.userSelect),
    );
  }

  /** Lights the view shown; a form opened by its link is not the intake form, so no tab is lit for it. */
  showView(view: ViewName, formUrl?: string): void {
    for (const [name, button] of Object.entries(this.viewButtons))
      button.classList.toggle('active', name === view && !(view === 'form' && formUrl));
  }

  showOutboxCount(count: number): void {
    this.viewButtons.outbox.textContent = `Outbox (${count})`;
  }

  /** How many people the switcher offers (a change in Staff changes it). */
  get peopleShown(): number {
    return this.userSelect.options.length;
  }

  renderPeople(people: Person[], user: string): void {
    clear(this.userSelect);
    for (const p of people) {
      this.userSelect.appendChild(
        h('option', { value: p.email, selected: p.email === user }, `${p.name} — ${p.role}`),
      );
    }
  }

  setClock(now: number): void {
    this.clockBase = { world: now, real: Date.now() };
    this.tickClock();
  }

  tickClock(): void {
    const now = new Date(this.clockBase.world + (Date.now() - this.clockBase.real));
    this.clockText.textContent = new Intl.DateTimeFormat('en-US', {
      timeZone: this.host.timeZone(),
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(now);
  }
}
