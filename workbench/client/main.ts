/**
 * The workbench page: a top bar (the person you are, the world's clock), and three places a person
 * works in — the spreadsheet (grid, tabs, add-on menu, sidebar), the intake form, and the outbox.
 * It polls the server for what the add-on showed this user (sidebars, dialogs, alerts, toasts) and
 * for changes made elsewhere (a sidebar action, a trigger), and redraws what changed.
 */
import { api, type MenuEntry, type Person, type StateReply } from './api';
import { clear, h } from './dom';
import { SheetGrid } from './grid';
import { Overlays } from './overlays';
import { FormView } from './form-view';
import { OutboxView } from './outbox-view';

type ViewName = 'sheet' | 'form' | 'outbox';
const POLL_MS = 800;

class App {
  private state!: StateReply;
  private user = '';
  private view: ViewName = 'sheet';
  private seq = 0;
  private revision = 0;
  private menuItems: MenuEntry[] = [];
  private menuTitle = 'Work Orders';
  private clockBase = { world: 0, real: 0 };

  private readonly sidebar = h('aside', { class: 'sidebar', hidden: true, 'data-testid': 'sidebar' });
  private readonly overlays = new Overlays(this.sidebar, () => undefined);
  private readonly grid = new SheetGrid({
    user: () => this.user,
    problem: (t, m) => this.overlays.problem(t, m),
    confirm: (t, m, ok) => this.overlays.confirm(t, m, ok),
    toast: (m, k) => this.overlays.toast(m, k),
    selected: (a1, content) => {
      this.nameBox.textContent = a1;
      this.formulaBox.textContent = content;
    },
    changed: () => void this.poll(),
  });
  private readonly form = new FormView(
    () => this.user,
    () => void this.poll(),
  );
  private readonly outbox = new OutboxView(() => this.user);

  private readonly userSelect = h('select', {
    id: 'user-switcher',
    'aria-label': 'Signed in as',
    'data-testid': 'user-switcher',
  });
  private readonly clockText = h('span', { class: 'clock-text', 'data-testid': 'clock' });
  private readonly tabsBar = h('div', { class: 'sheet-tabs', role: 'tablist' });
  private readonly menuButton = h(
    'button',
    { class: 'menu-button', 'aria-haspopup': 'true', 'data-testid': 'extensions-menu' },
    'Extensions',
  );
  private readonly menuList = h('div', { class: 'menu-dropdown', hidden: true, role: 'menu' });
  private readonly nameBox = h('span', { class: 'name-box' });
  private readonly formulaBox = h('span', { class: 'formula-content' });
  private readonly running_ = h('span', { class: 'running', hidden: true }, 'Running script…');
  private readonly viewButtons: Record<ViewName, HTMLButtonElement> = {
    sheet: h('button', { class: 'view-tab', 'data-view': 'sheet' }, 'Spreadsheet'),
    form: h('button', { class: 'view-tab', 'data-view': 'form' }, 'Intake form'),
    outbox: h('button', { class: 'view-tab', 'data-view': 'outbox' }, 'Outbox'),
  };
  private readonly sheetSection = h('section', { class: 'sheet-view', 'data-testid': 'sheet-view' });

  async start(): Promise<void> {
    const params = new URLSearchParams(location.search);
    this.state = await api.state('');
    const wanted = params.get('as') ?? localStorage.getItem('wb-user') ?? '';
    const people = this.state.people;
    this.user = (
      people.find((p) => p.email === wanted) ??
      people.find((p) => p.role === 'Supervisor') ??
      people[0]!
    ).email;
    this.seq = this.state.seq;
    this.revision = this.state.revision;
    this.setClock(this.state.now);
    this.layout();
    this.viewButtons.outbox.textContent = `Outbox (${this.state.outboxCount})`;
    this.renderPeople(people);
    const view =
      (params.get('view') as ViewName | null) ?? (this.person().role === 'Requestor' ? 'form' : 'sheet');
    await this.loadMenu();
    await this.show(view, params.get('sheet') ?? this.state.registerSheet, params.get('form') ?? undefined);
    window.setInterval(() => void this.poll(), POLL_MS);
    window.setInterval(() => this.tickClock(), 1000);
    document.body.dataset.user = this.user;
    document.body.dataset.ready = 'true';
  }

  private person(): Person {
    return (
      this.state.people.find((p) => p.email === this.user) ?? { email: this.user, name: this.user, role: '' }
    );
  }

  // ---- Layout ----

  private layout(): void {
    const app = document.getElementById('app')!;
    clear(app);
    this.userSelect.addEventListener('change', () => void this.switchUser(this.userSelect.value));
    for (const [name, button] of Object.entries(this.viewButtons)) {
      button.addEventListener('click', () => void this.show(name as ViewName));
    }
    const top = h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { class: 'brand' },
        h('span', { class: 'logo', 'aria-hidden': 'true' }),
        h('span', {}, this.state.spreadsheetName),
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
            onclick: () => void this.passTime('hour'),
            'data-testid': 'run-hourly',
          },
          'Run hourly job',
        ),
        h(
          'button',
          {
            title: 'Move the clock one day on and run the time-driven triggers that are due',
            onclick: () => void this.passTime('day'),
          },
          '+1 day',
        ),
      ),
      h('label', { class: 'user', for: 'user-switcher' }, h('span', {}, 'Signed in as'), this.userSelect),
    );
    this.menuButton.addEventListener('click', (e) => {
      e.stopPropagation();
      this.menuList.hidden = !this.menuList.hidden;
    });
    document.addEventListener('click', () => (this.menuList.hidden = true));
    const menubar = h(
      'div',
      { class: 'menubar' },
      ...['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools'].map((m) =>
        h('span', { class: 'menu-disabled', title: 'Not part of the workbench' }, m),
      ),
      h('div', { class: 'menu-anchor' }, this.menuButton, this.menuList),
      h('span', { class: 'menu-disabled' }, 'Help'),
      this.running_,
    );
    const formulaBar = h(
      'div',
      { class: 'formula-bar' },
      this.nameBox,
      h('span', { class: 'fx' }, 'fx'),
      this.formulaBox,
    );
    this.sheetSection.append(
      menubar,
      formulaBar,
      h('div', { class: 'sheet-area' }, h('div', { class: 'grid-wrap' }, this.grid.element), this.sidebar),
      this.tabsBar,
    );
    app.append(top, h('main', {}, this.sheetSection, this.form.element, this.outbox.element));
  }

  private renderPeople(people: Person[]): void {
    clear(this.userSelect);
    for (const p of people) {
      this.userSelect.appendChild(
        h('option', { value: p.email, selected: p.email === this.user }, `${p.name} — ${p.role}`),
      );
    }
  }

  private renderMenu(): void {
    clear(this.menuList);
    this.menuList.appendChild(h('div', { class: 'menu-heading' }, this.menuTitle));
    const add = (entries: MenuEntry[], depth: number) => {
      for (const entry of entries) {
        if (entry.kind === 'separator') this.menuList.appendChild(h('hr'));
        else if (entry.kind === 'submenu') {
          this.menuList.appendChild(h('div', { class: 'menu-heading sub' }, entry.caption));
          add(entry.items, depth + 1);
        } else {
          this.menuList.appendChild(
            h(
              'button',
              {
                class: 'menu-item',
                role: 'menuitem',
                style: depth ? `padding-left:${24 + depth * 12}px` : null,
                onclick: () => void this.runMenu(entry.functionName, entry.caption),
              },
              entry.caption,
            ),
          );
        }
      }
    };
    if (this.menuItems.length === 0)
      this.menuList.appendChild(h('div', { class: 'menu-empty' }, 'The add-on built no menu.'));
    add(this.menuItems, 0);
  }

  private renderTabs(): void {
    const current = this.grid.current;
    clear(this.tabsBar);
    for (const tab of current?.tabs ?? []) {
      if (tab.hidden) continue;
      const active = tab.name === current?.name;
      this.tabsBar.appendChild(
        h(
          'button',
          {
            class: active ? 'sheet-tab active' : 'sheet-tab',
            role: 'tab',
            'aria-selected': active ? 'true' : 'false',
            style: tab.color ? `border-bottom-color:${tab.color}` : null,
            onclick: () => void this.openSheet(tab.name),
          },
          tab.name,
        ),
      );
    }
  }

  // ---- Actions ----

  /** Shows a view; `formUrl` is the link of a form other than the intake form (a link followed). */
  private async show(view: ViewName, sheet?: string, formUrl?: string): Promise<void> {
    this.view = view;
    // A form opened by its link is not the intake form: no tab is lit for it.
    for (const [name, button] of Object.entries(this.viewButtons))
      button.classList.toggle('active', name === view && !(view === 'form' && formUrl));
    this.sheetSection.hidden = view !== 'sheet';
    this.form.element.hidden = view !== 'form';
    this.outbox.element.hidden = view !== 'outbox';
    document.body.dataset.view = view;
    if (view === 'sheet') await this.openSheet(sheet ?? (this.grid.name || this.state.registerSheet));
    else if (view === 'form') await this.form.show(formUrl);
    else await this.outbox.show();
  }

  private async openSheet(name: string): Promise<void> {
    this.nameBox.textContent = '';
    this.formulaBox.textContent = '';
    await this.grid.open(name);
    this.renderTabs();
    document.body.dataset.sheet = this.grid.name;
  }

  private async loadMenu(): Promise<void> {
    const menu = await api.menu(this.user);
    this.menuItems = menu.items;
    this.menuTitle = menu.title;
    for (const f of menu.failures) this.overlays.toast(`onOpen failed: ${f.message}`, 'error');
    this.renderMenu();
  }

  private async switchUser(email: string): Promise<void> {
    delete document.body.dataset.user;
    this.user = email;
    localStorage.setItem('wb-user', email);
    // Another person's screen: nothing of the previous one stays open, and only what is new is shown.
    this.overlays.closeSidebar();
    this.overlays.clearToasts();
    const state = await api.state(email);
    this.seq = state.seq;
    await this.loadMenu();
    const role = this.person().role;
    if (role === 'Requestor') await this.show('form');
    else await this.show(this.view === 'form' ? 'sheet' : this.view);
    // Tests and people alike can tell the switch is complete: menu, view and grid are this user's.
    document.body.dataset.user = email;
  }

  private async runMenu(functionName: string, caption: string): Promise<void> {
    this.menuList.hidden = true;
    this.running_.hidden = false;
    try {
      const result = await api.runMenu(this.user, functionName);
      this.running_.hidden = true;
      await this.poll();
      if (!result.ok) await this.overlays.problem(`${caption} failed`, result.error ?? 'The script failed.');
    } finally {
      this.running_.hidden = true;
    }
  }

  private async passTime(step: 'hour' | 'day'): Promise<void> {
    const result = await api.time(step);
    this.setClock(result.now);
    const ran = result.ran.map((r) => r.entry);
    this.overlays.toast(
      ran.length ? `Ran ${ran.join(', ')}` : 'No time-driven trigger was due.',
      'info',
      step === 'day' ? '+1 day' : '+1 hour',
    );
    for (const f of result.failures) this.overlays.toast(`${f.entry} failed: ${f.message}`, 'error');
    await this.poll();
  }

  private setClock(now: number): void {
    this.clockBase = { world: now, real: Date.now() };
    this.tickClock();
  }

  private tickClock(): void {
    const now = new Date(this.clockBase.world + (Date.now() - this.clockBase.real));
    this.clockText.textContent = new Intl.DateTimeFormat('en-US', {
      timeZone: this.state.timeZone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(now);
  }

  /** New UI for this user, and a refresh of what is on screen when anything changed. */
  private async poll(): Promise<void> {
    const user = this.user;
    const reply = await api.events(user, this.seq);
    if (user !== this.user) return;
    // Polls overlap (the timer's, and the one after an edit or a menu item): an event another poll
    // already showed is not shown again (no toast twice, no dialog over its own copy).
    const fresh = reply.events.filter((e) => e.seq > this.seq);
    this.seq = Math.max(this.seq, reply.seq);
    for (const event of fresh) this.overlays.show(event);
    if (reply.revision !== this.revision) {
      this.revision = reply.revision;
      const state = await api.state(user);
      this.state = state;
      this.setClock(state.now);
      this.viewButtons.outbox.textContent = `Outbox (${state.outboxCount})`;
      const peopleChanged = this.userSelect.options.length !== state.people.length;
      if (peopleChanged) this.renderPeople(state.people);
      if (this.view === 'sheet') {
        await this.grid.refresh();
        this.renderTabs();
      } else if (this.view === 'outbox') await this.outbox.show();
    }
  }
}

void new App().start().catch((error: unknown) => {
  const app = document.getElementById('app');
  if (app)
    app.textContent = `The workbench could not start: ${error instanceof Error ? error.message : String(error)}`;
});
