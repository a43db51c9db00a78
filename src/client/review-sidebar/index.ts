/**
 * The "Review & assign" sidebar. It opens with the queue the menu item put in the page, checked like a
 * reply (without it, or when it does not pass, opening makes one server call, reviewLoad); every action
 * sends its request to reviewAct and redraws the lists from the reply (nothing is changed on screen
 * before the server has done it). While open, it asks every POLL_INTERVAL_MS whether the queue changed (one
 * property read on the server) and reloads only when it did, so a new emergency shows up by itself.
 * Plain DOM, text nodes only, usable from the keyboard.
 */
import {
  POLL_INTERVAL_MS,
  REVIEW_PAGE_SIZE,
  SECTION_KEYS,
  SECTION_TITLES,
  type SectionKey,
} from '../../shared/review-sections';
import type { SidebarAction } from '../../shared/review-actions';
import type {
  Offsets,
  ReviewActionInput,
  ReviewItem,
  ReviewLoadResponse,
  ReviewView,
} from '../../shared/review';
import { itemCard, focusKey } from './cards';
import { append, button, byId, el } from './dom';
import { actionForm } from './forms';
import { asReply, callServer } from './rpc';
import { takeFirstData, whenParsed } from '../shared/first-data';
import { pollServer, searchServer } from './live';
import { statusLine } from '../shared/status-line';

/**
 * Where a card is drawn: in a section's list, or among the search results. The same order may be in
 * several (overdue work is in its status's list too): a form opens under the card it was asked from.
 */
type Place = SectionKey | 'found';

interface OpenForm {
  id: string;
  action: SidebarAction;
  place: Place;
  form: HTMLFormElement;
}

const state: {
  view: ReviewView | null;
  offsets: Offsets;
  busy: boolean;
  open: OpenForm | null;
  /** Search results (the same order may also be in a list). */
  found: ReviewItem[] | null;
  foundTitle: string;
  /** Orders fetched in full ("Show full text", or before acting on work in hand), shown instead of their previews. */
  full: Map<string, ReviewItem>;
  /** A message shown on one card (someone else changed that order meanwhile). */
  cardNotice: { id: string; message: string } | null;
} = {
  view: null,
  offsets: {},
  busy: false,
  open: null,
  found: null,
  foundTitle: '',
  full: new Map(),
  cardNotice: null,
};

const ui = {
  who: byId('who'),
  status: byId('status'),
  error: byId('error'),
  sections: byId('sections'),
  found: byId('found'),
  technicians: byId('technician-list'),
  findForm: byId<HTMLFormElement>('find-form'),
  findInput: byId<HTMLInputElement>('find-input'),
  reload: byId<HTMLButtonElement>('reload'),
};

const { say, complain } = statusLine(ui.status, ui.error);

function setBusy(busy: boolean): void {
  state.busy = busy;
  ui.sections.setAttribute('aria-busy', String(busy));
  document.body.classList.toggle('busy', busy);
}

/** Runs one server call at a time: a second click while one is running is ignored. */
async function exclusive(work: () => Promise<void>): Promise<void> {
  if (state.busy) return;
  setBusy(true);
  try {
    await work();
  } finally {
    setBusy(false);
  }
}

// ---- Server calls ----

async function loadView(offsets: Offsets): Promise<boolean> {
  return showLoaded(await callServer('reviewLoad', { offsets }));
}

function showLoaded(reply: ReviewLoadResponse): boolean {
  if (!reply.ok) {
    complain(reply.message);
    ui.who.textContent = '';
    return false;
  }
  setView(reply.view);
  state.full.clear();
  return true;
}

function setView(view: ReviewView): void {
  state.view = view;
  state.offsets = Object.fromEntries(SECTION_KEYS.map((k) => [k, view.sections[k].offset])) as Offsets;
}

/** Shows `item` as it is now wherever it is drawn (lists, search results). */
function refreshItem(item: ReviewItem): void {
  state.full.set(item.id, item);
  if (state.found) state.found = state.found.map((f) => (f.id === item.id ? item : f));
}

function reload(offsets: Offsets = state.offsets): Promise<void> {
  return exclusive(async () => {
    say('Loading…');
    if (await loadView(offsets)) {
      state.open = null;
      say('');
    }
    render();
  });
}

function act(request: ReviewActionInput): Promise<void> {
  return exclusive(async () => {
    say('Working…');
    const formError = state.open?.form.querySelector<HTMLElement>('.form-error');
    if (formError) formError.textContent = '';
    const reply = await callServer('reviewAct', { ...request, offsets: state.offsets });
    if (!reply.ok && 'current' in reply && reply.current) {
      // Someone else changed it: the card is redrawn as it is now, with the message on it.
      state.open = null;
      refreshItem(reply.current);
      state.cardNotice = { id: reply.current.id, message: reply.message };
      say('');
      render(focusKey(reply.current.id, 'notice'));
      return;
    }
    if (!reply.ok) {
      // The form stays open with what was typed, so the supervisor can correct it or reload; the
      // message is shown next to it (a long list would put the top of the sidebar out of sight).
      if (formError) {
        say('');
        formError.textContent = reply.message;
      } else complain(reply.message);
      render();
      return;
    }
    state.open = null;
    state.cardNotice = null;
    state.full.delete(reply.item.id);
    if (state.found) state.found = state.found.map((f) => (f.id === reply.item.id ? reply.item : f));
    if (reply.view) setView(reply.view);
    else await loadView(state.offsets);
    render();
    say(reply.message);
    // The outcome is read out and the keyboard continues from the top of the sidebar.
    ui.status.focus();
  });
}

function search(query: string): Promise<void> {
  return exclusive(async () => {
    say('Looking…');
    const reply = await searchServer(query);
    if (!reply.ok) {
      complain(reply.message);
      return;
    }
    state.found = reply.items;
    const shown = reply.items.length < reply.total ? ` (the first ${reply.items.length})` : '';
    state.foundTitle =
      reply.total === 0 ? `Nothing matches “${query}”` : `${reply.total} found for “${query}”${shown}`;
    say(reply.total === 0 ? `Nothing matches “${query}”.` : `${reply.total} found.`);
    render('found');
  });
}

/** Asks whether anything changed; reloads only then (never while a form is open or a call runs). */
async function poll(): Promise<void> {
  if (state.busy || state.open || !state.view || document.visibilityState === 'hidden') return;
  const reply = await pollServer(state.view.marker);
  if (!reply.ok || !reply.changed || state.busy || state.open) return;
  await exclusive(async () => {
    if (await loadView(state.offsets)) say('The lists were updated.');
    render();
  });
}

function showFull(id: string): Promise<void> {
  return exclusive(async () => {
    const reply = await callServer('reviewFind', { query: id });
    if (!reply.ok) {
      complain(reply.message);
      return;
    }
    refreshItem(reply.item);
    render(focusKey(id, 'title'));
  });
}

/**
 * Work in a technician's hands is listed without its revision (their notes change it): it is fetched
 * before a form is opened on it, so the action is checked against the order as it is now.
 */
function fetchThenOpen(item: ReviewItem, action: SidebarAction, place: Place): Promise<void> {
  return exclusive(async () => {
    const reply = await callServer('reviewFind', { query: item.id });
    if (!reply.ok) {
      complain(reply.message);
      return;
    }
    refreshItem(reply.item);
    if (!reply.item.available.includes(action)) {
      state.cardNotice = {
        id: item.id,
        message: `Someone else changed ${reply.item.woNumber || item.id}; it is now ${reply.item.status}. Its card shows the latest.`,
      };
      render(focusKey(item.id, 'notice'));
      return;
    }
    state.busy = false;
    openForm(reply.item, action, place);
  });
}

// ---- Drawing ----

function openForm(item: ReviewItem, action: SidebarAction, place: Place): void {
  if (state.busy || !state.view) return;
  if (item.revision === 0) {
    void fetchThenOpen(item, action, place);
    return;
  }
  if (state.cardNotice?.id === item.id) state.cardNotice = null;
  if (state.open?.id === item.id && state.open.action === action && state.open.place === place) return;
  const cancel = (): void => {
    state.open = null;
    render(focusKey(item.id, action));
  };
  const form = actionForm({ view: state.view, item, action, submit: (request) => void act(request), cancel });
  state.open = { id: item.id, action, place, form };
  say('');
  render();
  const first = form.querySelector<HTMLElement>('select, textarea, input, button[type="submit"]');
  first?.focus();
}

function card(item: ReviewItem, view: ReviewView, place: Place): HTMLLIElement {
  const shown = state.full.get(item.id) ?? item;
  const open = state.open?.id === item.id && state.open.place === place ? state.open.form : null;
  return itemCard({
    view,
    item: shown,
    form: open,
    notice: state.cardNotice?.id === item.id ? state.cardNotice.message : null,
    onAction: (action) => openForm(shown, action, place),
    onShowFull: () => void showFull(item.id),
  });
}

function pager(key: SectionKey, view: ReviewView): HTMLElement | null {
  const page = view.sections[key];
  const last = page.offset + page.items.length;
  if (page.offset === 0 && last >= page.total) return null;
  const go = (offset: number) => () => void reload({ ...state.offsets, [key]: offset });
  const previous = button(
    'Previous',
    { disabled: page.offset === 0, 'data-focus': `${key}:previous` },
    go(Math.max(0, page.offset - REVIEW_PAGE_SIZE)),
  );
  const next = button('Next', { disabled: last >= page.total, 'data-focus': `${key}:next` }, go(last));
  return el(
    'nav',
    { class: 'pager', 'aria-label': `${SECTION_TITLES[key]} pages` },
    previous,
    el('span', {}, `${page.offset + 1}–${last} of ${page.total}`),
    next,
  );
}

/** Work in hand under one heading per technician, with their open load. */
function byTechnician(items: ReviewItem[], view: ReviewView): HTMLElement[] {
  const groups: HTMLElement[] = [];
  let current = '\u0000';
  let list: HTMLOListElement | null = null;
  for (const item of items) {
    const who = item.assignee.toLowerCase();
    if (who !== current || !list) {
      current = who;
      const tech = view.technicians.find((t) => t.email === who);
      const name = tech?.name ?? (item.assignee || 'No technician');
      const load = tech ? ` — ${tech.openLoad} open` : '';
      groups.push(el('h3', { class: 'technician-group', 'data-technician': who }, `${name}${load}`));
      list = el('ol', { class: 'items' });
      groups.push(list);
    }
    list.appendChild(card(item, view, 'working'));
  }
  return groups;
}

function section(key: SectionKey, view: ReviewView): HTMLElement {
  const page = view.sections[key];
  const titleId = `section-${key}`;
  const body =
    page.items.length === 0
      ? el('p', { class: 'secondary' }, 'Nothing here.')
      : key === 'working'
        ? el('div', {}, ...byTechnician(page.items, view))
        : el('ol', { class: 'items' }, ...page.items.map((item) => card(item, view, key)));
  return el(
    'section',
    { class: 'block', 'aria-labelledby': titleId, 'data-section': key },
    el('h2', { id: titleId }, SECTION_TITLES[key], ' ', el('span', { class: 'count' }, `(${page.total})`)),
    body,
    pager(key, view),
  );
}

function technicianTable(view: ReviewView): HTMLElement {
  if (view.technicians.length === 0)
    return el('p', { class: 'secondary' }, 'No active technicians on the Staff tab.');
  return el(
    'table',
    {},
    el('caption', { class: 'secondary' }, 'Open work orders per active technician'),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Technician'),
        el('th', { scope: 'col', class: 'number' }, 'Open'),
      ),
    ),
    el(
      'tbody',
      {},
      ...view.technicians.map((t) =>
        el(
          'tr',
          { 'data-email': t.email },
          el('td', { title: t.email }, t.name),
          el('td', { class: 'number' }, String(t.openLoad)),
        ),
      ),
    ),
  );
}

function render(focus: string | null = null): void {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const activeKey = active?.dataset.focus ?? null;
  const view = state.view;
  ui.sections.replaceChildren();
  ui.found.replaceChildren();
  if (!view) {
    ui.technicians.replaceChildren();
    return;
  }
  ui.who.textContent = `Signed in as ${view.user.name} (${view.user.role})`;
  for (const notice of view.notices) ui.sections.appendChild(el('p', { class: 'flag' }, notice));
  for (const key of SECTION_KEYS) ui.sections.appendChild(section(key, view));
  ui.technicians.replaceChildren(technicianTable(view));
  if (state.found) {
    const dismiss = button('Clear search', { 'data-focus': 'found:dismiss' }, () => {
      state.found = null;
      render();
      ui.findInput.focus();
    });
    append(
      ui.found,
      el(
        'section',
        { class: 'block search-results', 'aria-labelledby': 'found-title' },
        el('h2', { id: 'found-title', tabindex: '-1', 'data-focus': 'found' }, state.foundTitle),
        el('ol', { class: 'items' }, ...state.found.map((item) => card(item, view, 'found'))),
        dismiss,
      ),
    );
  }
  restoreFocus(focus, active, activeKey);
}

/** Focus goes to the element asked for, else stays where it was (the same node, or its replacement). */
function restoreFocus(key: string | null, previous: HTMLElement | null, previousKey: string | null): void {
  const byKey = (k: string | null): HTMLElement | null =>
    k ? document.querySelector<HTMLElement>(`[data-focus="${CSS.escape(k)}"]`) : null;
  const target =
    byKey(key) ??
    (previous && previous.isConnected && previous !== document.body ? previous : byKey(previousKey));
  target?.focus();
}

// ---- Wiring ----

ui.reload.addEventListener('click', () => void reload());
ui.findForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = ui.findInput.value.trim();
  if (query === '') {
    complain('Type a word, a number or an id to search for (radiator, 66, REQ-000123).');
    ui.findInput.focus();
    return;
  }
  void search(query);
});

/** Draws the queue the page came with; without one it can use, asks the server. */
function start(): void {
  const first = asReply('reviewLoad', takeFirstData());
  if (!first) {
    void reload({});
    return;
  }
  showLoaded(first);
  render();
}

whenParsed(start);
setInterval(() => void poll(), POLL_INTERVAL_MS);
