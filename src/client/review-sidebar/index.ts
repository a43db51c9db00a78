/**
 * The "Review & assign" sidebar. It opens with the queue the menu item put in the page, checked like a
 * reply (without it, or when it does not pass, opening makes one server call, reviewLoad); every action
 * sends its request to reviewAct and redraws the lists from the reply (nothing is changed on screen
 * before the server has done it). While open, it asks every POLL_INTERVAL_MS whether the queue changed (one
 * property read on the server) and reloads only when it did, so a new emergency shows up by itself.
 * Plain DOM, text nodes only, usable from the keyboard. What the sidebar holds is ./state, how it is
 * drawn ./render; this file makes the server calls, opens the forms and wires the page.
 */
import { POLL_INTERVAL_MS, SECTION_KEYS } from '../../shared/review-sections';
import type { SidebarAction } from '../../shared/review-actions';
import type {
  Offsets,
  ReviewActionInput,
  ReviewItem,
  ReviewLoadResponse,
  ReviewView,
} from '../../shared/review';
import { focusKey } from './cards';
import { actionForm, REFUSED_EVENT } from './forms';
import { asReply, callServer } from './rpc';
import { takeFirstData, whenParsed } from '../shared/first-data';
import { pollServer, searchServer } from './live';
import { draw, type DrawActions } from './render';
import { complain, exclusive, say, state, ui, type Place } from './state';

/** What the drawn cards and pagers do. */
const actions: DrawActions = {
  openForm,
  showFull: (id) => void showFull(id),
  reload: (offsets) => void reload(offsets),
};

/** Redraws the sidebar from its state; `focus` names the element to focus (a data-focus key). */
function render(focus: string | null = null): void {
  draw(actions, focus);
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
      // A card's message was about an earlier call: the lists are now as loaded (the poll keeps it).
      state.cardNotice = null;
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
      // Someone else changed it: the card is redrawn as it is now, with the message on it. When the
      // action is still offered, its form stays open with what was typed, now on the order as it is
      // (its revision), to be checked and sent again, asking "for good?" again.
      const was = state.open;
      state.open = null;
      refreshItem(reply.current);
      state.cardNotice = { id: reply.current.id, message: reply.message };
      if (was && reply.current.available.includes(was.action))
        keepTyped(was.form, formFor(reply.current, was.action, was.place));
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
        state.open?.form.dispatchEvent(new Event(REFUSED_EVENT));
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

/**
 * A call about one card that failed: the reason is shown on that card, with the focus, since the status
 * line at the top is often scrolled out of sight by then and the click would seem to do nothing.
 */
function complainOn(id: string, message: string): void {
  say('');
  state.cardNotice = { id, message };
  render(focusKey(id, 'notice'));
}

/** A card's notice is over once a call about it succeeds. */
function clearNotice(id: string): void {
  if (state.cardNotice?.id === id) state.cardNotice = null;
}

function showFull(id: string): Promise<void> {
  return exclusive(async () => {
    const reply = await callServer('reviewFind', { query: id });
    if (!reply.ok) {
      complainOn(id, reply.message);
      return;
    }
    clearNotice(id);
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
      complainOn(item.id, reply.message);
      return;
    }
    clearNotice(item.id);
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
// ---- Forms ----

function openForm(item: ReviewItem, action: SidebarAction, place: Place): void {
  if (state.busy || !state.view) return;
  if (item.revision === 0) {
    void fetchThenOpen(item, action, place);
    return;
  }
  if (state.cardNotice?.id === item.id) state.cardNotice = null;
  if (state.open?.id === item.id && state.open.action === action && state.open.place === place) return;
  const form = formFor(item, action, place);
  say('');
  render();
  const first = form.querySelector<HTMLElement>('select, textarea, input, button[type="submit"]');
  first?.focus();
}

/** The form of `action` on `item`, made the open one (drawn at the next render). */
function formFor(item: ReviewItem, action: SidebarAction, place: Place): HTMLFormElement {
  const cancel = (): void => {
    state.open = null;
    render(focusKey(item.id, action));
  };
  const form = actionForm({
    view: state.view!,
    item,
    action,
    submit: (request) => void act(request),
    cancel,
  });
  state.open = { id: item.id, action, place, form };
  return form;
}

/** What was typed and chosen in `from`, put in the same fields of `to` (their ids are the same). */
function keepTyped(from: HTMLFormElement, to: HTMLFormElement): void {
  for (const field of Array.from(from.querySelectorAll<HTMLInputElement>('select, textarea, input'))) {
    const twin = to.querySelector<HTMLInputElement>(`#${CSS.escape(field.id)}`);
    if (!twin) continue;
    twin.value = field.value;
    // Its previews (the due date, who is emailed) follow the choice.
    twin.dispatchEvent(new Event('change'));
  }
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
