/**
 * The workbench page: a top bar (the person you are, the world's clock), and three places a person
 * works in — the spreadsheet (grid, tabs, add-on menu, sidebar), the intake form, and the outbox.
 * It polls the server for what the add-on showed this user (sidebars, dialogs, alerts, toasts) and
 * for changes made elsewhere (a sidebar action, a trigger), and redraws what changed.
 */
import { api, type Person, type StateReply } from './api';
import { clear, h } from './dom';
import { Overlays } from './overlays';
import { FormView } from './form-view';
import { OutboxView } from './outbox-view';
import { SheetSection } from './sheet-section';
import { TopBar, type ViewName } from './top-bar';

const POLL_MS = 800;

class App {
  private state!: StateReply;
  private user = '';
  private view: ViewName = 'sheet';
  private seq = 0;
  private revision = 0;

  private readonly sidebar = h('aside', { class: 'sidebar', hidden: true, 'data-testid': 'sidebar' });
  private readonly overlays = new Overlays(this.sidebar, () => undefined);
  private readonly sheet = new SheetSection({
    user: () => this.user,
    problem: (t, m) => this.overlays.problem(t, m),
    confirm: (t, m, ok) => this.overlays.confirm(t, m, ok),
    toast: (m, k) => this.overlays.toast(m, k),
    changed: () => void this.poll(),
    runMenu: (functionName, caption) => void this.runMenu(functionName, caption),
  });
  private readonly form = new FormView(
    () => this.user,
    () => void this.poll(),
  );
  private readonly outbox = new OutboxView(() => this.user);
  private readonly topBar = new TopBar({
    show: (view) => void this.show(view),
    switchUser: (email) => void this.switchUser(email),
    passTime: (step) => void this.passTime(step),
    timeZone: () => this.state.timeZone,
  });

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
    this.topBar.setClock(this.state.now);
    this.layout();
    this.topBar.showOutboxCount(this.state.outboxCount);
    this.topBar.renderPeople(people, this.user);
    const view =
      (params.get('view') as ViewName | null) ?? (this.person().role === 'Requestor' ? 'form' : 'sheet');
    await this.loadMenu();
    await this.show(view, params.get('sheet') ?? this.state.registerSheet, params.get('form') ?? undefined);
    window.setInterval(() => void this.poll(), POLL_MS);
    window.setInterval(() => this.topBar.tickClock(), 1000);
    document.body.dataset.user = this.user;
    document.body.dataset.ready = 'true';
  }

  private person(): Person {
    return (
      this.state.people.find((p) => p.email === this.user) ?? { email: this.user, name: this.user, role: '' }
    );
  }

  private layout(): void {
    const app = document.getElementById('app')!;
    clear(app);
    const top = this.topBar.build(this.state.spreadsheetName);
    this.sheet.build(this.sidebar);
    app.append(top, h('main', {}, this.sheet.element, this.form.element, this.outbox.element));
  }

  // ---- Actions ----

  /** Shows a view; `formUrl` is the link of a form other than the intake form (a link followed). */
  private async show(view: ViewName, sheet?: string, formUrl?: string): Promise<void> {
    this.view = view;
    this.topBar.showView(view, formUrl);
    this.sheet.element.hidden = view !== 'sheet';
    this.form.element.hidden = view !== 'form';
    this.outbox.element.hidden = view !== 'outbox';
    document.body.dataset.view = view;
    if (view === 'sheet') await this.sheet.openSheet(sheet ?? (this.sheet.name || this.state.registerSheet));
    else if (view === 'form') await this.form.show(formUrl);
    else await this.outbox.show();
  }

  private async loadMenu(): Promise<void> {
    const menu = await api.menu(this.user);
    for (const f of menu.failures) this.overlays.toast(`onOpen failed: ${f.message}`, 'error');
    this.sheet.menu.render(menu.title, menu.items);
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
    this.sheet.menu.close();
    this.sheet.menu.running.hidden = false;
    try {
      const result = await api.runMenu(this.user, functionName);
      this.sheet.menu.running.hidden = true;
      await this.poll();
      if (!result.ok) await this.overlays.problem(`${caption} failed`, result.error ?? 'The script failed.');
    } finally {
      this.sheet.menu.running.hidden = true;
    }
  }

  private async passTime(step: 'hour' | 'day'): Promise<void> {
    const result = await api.time(step);
    this.topBar.setClock(result.now);
    const ran = result.ran.map((r) => r.entry);
    this.overlays.toast(
      ran.length ? `Ran ${ran.join(', ')}` : 'No time-driven trigger was due.',
      'info',
      step === 'day' ? '+1 day' : '+1 hour',
    );
    for (const f of result.failures) this.overlays.toast(`${f.entry} failed: ${f.message}`, 'error');
    await this.poll();
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
      this.topBar.setClock(state.now);
      this.topBar.showOutboxCount(state.outboxCount);
      const peopleChanged = this.topBar.peopleShown !== state.people.length;
      if (peopleChanged) this.topBar.renderPeople(state.people, this.user);
      if (this.view === 'sheet') await this.sheet.refresh();
      else if (this.view === 'outbox') await this.outbox.show();
    }
  }
}

void new App().start().catch((error: unknown) => {
  const app = document.getElementById('app');
  if (app)
    app.textContent = `The workbench could not start: ${error instanceof Error ? error.message : String(error)}`;
});
