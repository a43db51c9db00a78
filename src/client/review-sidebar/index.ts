/**
 * The "Review & assign" sidebar. Opening makes one server call (reviewLoad); every action sends its
 * request to reviewAct and redraws the lists from the reply (nothing is changed on screen before the
 * server has done it). Plain DOM, text nodes only, usable from the keyboard.
 */
import {
  REVIEW_PAGE_SIZE,
  SECTION_KEYS,
  SECTION_TITLES,
  type SectionKey,
} from '../../shared/review-sections';
import type { SidebarAction } from '../../shared/review-actions';
import type { Offsets, ReviewActionInput, ReviewItem, ReviewView } from '../../shared/review';
import { itemCard, focusKey } from './cards';
import { append, button, byId, el } from './dom';
import { actionForm } from './forms';
import { callServer } from './rpc';

/** Where a card is drawn: in a section's list, or as the result of Find (the same order may be in both). */
type Place = 'list' | 'found';

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
  found: ReviewItem | null;
  /** Orders fetched in full ("Show full text"), shown instead of their previews. */
  full: Map<string, ReviewItem>;
} = { view: null, offsets: {}, busy: false, open: null, found: null, full: new Map() };

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

function say(message: string): void {
  ui.error.textContent = '';
  ui.status.textContent = message;
}

function complain(message: string): void {
  ui.status.textContent = '';
  ui.error.textContent = message;
}

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
  const reply = await callServer('reviewLoad', { offsets });
  if (!reply.ok) {
    complain(reply.message);
    ui.who.textContent = '';
    return false;
  }
  state.view = reply.view;
  state.offsets = {
    submitted: reply.view.sections.submitted.offset,
    approved: reply.view.sections.approved.offset,
    completed: reply.view.sections.completed.offset,
  };
  state.full.clear();
  return true;
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
    state.full.delete(reply.item.id);
    if (state.found?.id === reply.item.id) state.found = reply.item;
    if (reply.view) state.view = reply.view;
    else await loadView(state.offsets);
    render();
    say(reply.message);
    // The outcome is read out and the keyboard continues from the top of the sidebar.
    ui.status.focus();
  });
}

function find(query: string): Promise<void> {
  return exclusive(async () => {
    say('Looking…');
    const reply = await callServer('reviewFind', { query });
    if (!reply.ok) {
      complain(reply.message);
      return;
    }
    state.found = reply.item;
    say(`Found ${reply.item.woNumber || reply.item.id} (${reply.item.status}).`);
    render(focusKey(reply.item.id, 'found'));
  });
}

function showFull(id: string): Promise<void> {
  return exclusive(async () => {
    const reply = await callServer('reviewFind', { query: id });
    if (!reply.ok) {
      complain(reply.message);
      return;
    }
    state.full.set(id, reply.item);
    if (state.found?.id === id) state.found = reply.item;
    render(focusKey(id, 'title'));
  });
}

// ---- Drawing ----

function openForm(item: ReviewItem, action: SidebarAction, place: Place): void {
  if (state.busy || !state.view) return;
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

function section(key: SectionKey, view: ReviewView): HTMLElement {
  const page = view.sections[key];
  const titleId = `section-${key}`;
  const body =
    page.items.length === 0
      ? el('p', { class: 'secondary' }, 'Nothing here.')
      : el('ol', { class: 'items' }, ...page.items.map((item) => card(item, view, 'list')));
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
    const dismiss = button('Dismiss', { 'data-focus': 'found:dismiss' }, () => {
      state.found = null;
      render();
      ui.findInput.focus();
    });
    append(
      ui.found,
      el(
        'section',
        { class: 'block', 'aria-labelledby': 'found-title' },
        el(
          'h2',
          { id: 'found-title', tabindex: '-1', 'data-focus': focusKey(state.found.id, 'found') },
          'Found',
        ),
        el('ol', { class: 'items' }, card(state.found, view, 'found')),
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
    complain('Type a request id (REQ-000123) or a work-order number (WO-2026-00042).');
    ui.findInput.focus();
    return;
  }
  void find(query);
});

void reload({});
