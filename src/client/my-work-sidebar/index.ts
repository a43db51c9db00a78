/**
 * The "My work" sidebar. It opens with the cards the menu item put in the page, checked like a reply
 * (without them, or when they do not pass, opening makes one server call, myWorkLoad). Cards
 * remembered from an earlier opening, or summarized by the review queue on a first opening, are drawn
 * at once and read and checked by that same call, steps waiting until it answers. Every step sends its
 * request to myWorkAct and redraws the cards from the reply (nothing changes on screen before the
 * server has done it). Plain DOM, text nodes only, usable from the keyboard: Tab through the steps,
 * Enter to open a step's form, Escape to close it.
 */
import type { MyWorkActionInput } from '../../shared/my-work';
import type { MyWorkCard, MyWorkLoadResponse, MyWorkStep, MyWorkView } from '../../shared/my-work-types';
import { append, byId, el } from '../review-sidebar/dom';
import { cardElement } from './cards';
import { entryRecorded, recordsElement } from './records';
import type { WorkRecordInput } from '../../shared/work-records';
import { stepForm } from './forms';
import { asReply, callServer } from './rpc';
import { takeFirstData, whenParsed } from '../shared/first-data';
import { statusLine } from '../shared/status-line';

interface OpenForm {
  id: string;
  step: MyWorkStep;
  form: HTMLFormElement;
}

const state: {
  view: MyWorkView | null;
  busy: boolean;
  loading: boolean;
  open: OpenForm | null;
  notice: { id: string; message: string } | null;
} = {
  view: null,
  busy: false,
  /** Busy loading or checking the cards (not with a step or a record of the technician's own). */
  loading: false,
  open: null,
  /**
   * Why a call about one card with no form of its own failed (loading its checklist, a tick): shown on
   * that card, since the status line at the top is often scrolled out of sight by then.
   */
  notice: null,
};

const ui = {
  who: byId('who'),
  status: byId('status'),
  error: byId('error'),
  work: byId('work'),
  reload: byId<HTMLButtonElement>('reload'),
};

const { say, complain } = statusLine(ui.status, ui.error);

/**
 * What the technician clicked while the page was loading or checking its cards (on opening, which can
 * take a few seconds): run once that ends, so the click is not lost. Only the last click waits; it is
 * checked then against the cards as loaded (a step no longer offered is not opened), and the server
 * checks it again. A click while a step or record of their own is under way is dropped, as a second
 * click of a double-click must be.
 */
let waiting: (() => void) | null = null;

const WAITING_NOTE = ' Your click runs next.';

function wait(next: () => void): void {
  if (!state.loading) return;
  waiting = next;
  const saying = (ui.status.textContent ?? '').replace(WAITING_NOTE, '');
  say(`${saying}${WAITING_NOTE}`.trim());
}

async function exclusive(work: () => Promise<void>): Promise<void> {
  if (state.busy) return wait(() => void exclusive(work));
  state.busy = true;
  ui.work.setAttribute('aria-busy', 'true');
  document.body.classList.add('busy');
  try {
    await work();
  } finally {
    state.busy = false;
    ui.work.setAttribute('aria-busy', 'false');
    document.body.classList.remove('busy');
    const next = waiting;
    waiting = null;
    next?.();
  }
}

function reload(saying = 'Loading…'): Promise<void> {
  return exclusive(async () => {
    state.loading = true;
    say(saying);
    let shown = false;
    try {
      shown = show(await callServer('myWorkLoad', {}));
    } finally {
      state.loading = false;
    }
    if (shown) say('');
    // Cards it could not check stay, saying they were not loaded (not "Loading…" for ever).
    else if (state.view?.unchecked) render();
  });
}

function show(reply: MyWorkLoadResponse): boolean {
  if (!reply.ok) {
    complain(reply.message);
    ui.who.textContent = '';
    return false;
  }
  state.view = reply.view;
  state.open = null;
  state.notice = null;
  render();
  return true;
}

function act(request: MyWorkActionInput): Promise<void> {
  return exclusive(async () => {
    say('Working…');
    const formError = state.open?.form.querySelector<HTMLElement>('.form-error');
    if (formError) formError.textContent = '';
    const reply = await callServer('myWorkAct', request);
    if (!reply.ok) {
      // The form stays open with what was typed; the reason is shown beside it.
      if (formError) {
        say('');
        formError.textContent = reply.message;
      } else complain(reply.message);
      return;
    }
    if (state.view) state.view = withCard(state.view, reply.card);
    state.open = null;
    if (state.notice?.id === request.id) state.notice = null;
    render();
    say(reply.message);
    ui.status.focus();
  });
}

/**
 * A checklist tick, or time or a part recorded: the card's records redrawn from the reply. The
 * keyboard stays where the technician was: on the checkbox they ticked, or in the entry form they
 * used (emptied for the next entry); an entry the server refused keeps what was typed, with the
 * reason beside it.
 */
function record(request: WorkRecordInput, form?: HTMLFormElement): Promise<void> {
  return exclusive(async () => {
    say(request.kind === 'view' ? 'Loading…' : 'Recording…');
    const formError = form?.querySelector<HTMLElement>('.form-error');
    if (formError) formError.textContent = '';
    const card = cardNow(request.id);
    const reply = await callServer('myWorkRecord', card ? { ...request, rowHint: card.rowHint } : request);
    if (!reply.ok) {
      if (formError) {
        say('');
        formError.textContent = reply.message;
        return;
      }
      say('');
      state.notice = { id: request.id, message: reply.message };
      render(); // A checkbox the server refused goes back to what is recorded.
      focusRecords(request);
      return;
    }
    if (state.notice?.id === request.id) state.notice = null;
    const view = state.view;
    if (view) {
      const update = (cards: MyWorkCard[]): MyWorkCard[] =>
        cards.map((c) => (c.id === request.id ? { ...c, records: reply.records } : c));
      state.view = { ...view, open: update(view.open), awaitingClose: update(view.awaitingClose) };
    }
    render();
    say(reply.message);
    if (form) entryRecorded(form);
    else focusRecords(request);
  });
}

/** The focus after loading a card's records (its first checkbox) or ticking one (that checkbox). */
function focusRecords(request: WorkRecordInput): void {
  const records = `li[data-id="${CSS.escape(request.id)}"] .records`;
  // Loaded, the first checkbox or entry; not loaded (the load failed), its button again, to retry.
  const selector =
    request.kind === 'tick'
      ? `${records} input[data-number="${request.number}"]`
      : `${records} input, ${records} summary, ${records} .load-records`;
  ui.work.querySelector<HTMLElement>(selector)?.focus();
}

/** The view with an order's new card in its place (Completed work moves under "awaiting close"). */
function withCard(view: MyWorkView, next: MyWorkCard): MyWorkView {
  // Records the card had loaded stay shown (a step does not change them); the next reload refreshes them.
  const loaded = [...view.open, ...view.awaitingClose].find((c) => c.id === next.id)?.records;
  const card = next.records || !loaded ? next : { ...next, records: loaded };
  const replace = (cards: MyWorkCard[]): MyWorkCard[] => cards.map((c) => (c.id === card.id ? card : c));
  if (card.status !== 'Completed') return { ...view, open: replace(view.open) };
  return {
    ...view,
    open: view.open.filter((c) => c.id !== card.id),
    awaitingClose: [...view.awaitingClose.filter((c) => c.id !== card.id), card],
  };
}

/** The card of `id` as the page now has it. */
function cardNow(id: string): MyWorkCard | undefined {
  return [...(state.view?.open ?? []), ...(state.view?.awaitingClose ?? [])].find((c) => c.id === id);
}

function openStep(card: MyWorkCard, step: MyWorkStep): void {
  // Cards the opening check could not read (it failed) are checked again first: a step's form on a
  // card never checked would send a revision the server refuses as "changed since you opened".
  if (!state.busy && state.view?.unchecked) void reload('Checking for changes…');
  if (state.busy) {
    // Opened on the card as checked: the step may be gone by then (the order changed meanwhile).
    return wait(() => {
      // The check failed (its reason is on screen): no step on a card it could not check.
      if (state.view?.unchecked) return;
      const now = cardNow(card.id);
      if (now?.steps.includes(step)) openStep(now, step);
      else complain(`${card.woNumber || card.id} has changed: that step is no longer offered.`);
    });
  }
  if (state.open?.id === card.id && state.open.step === step) {
    state.open = null;
    render(card.id, step);
    return;
  }
  const form = stepForm(
    card,
    step,
    (request) => void act(request),
    () => {
      state.open = null;
      render(card.id, step);
    },
  );
  state.open = { id: card.id, step, form };
  render();
  form.querySelector<HTMLElement>('textarea, button[type=submit]')?.focus();
}

function section(title: string, cards: readonly MyWorkCard[], empty: string, view: MyWorkView): HTMLElement {
  const headingId = `heading-${title.replace(/\W+/g, '-').toLowerCase()}`;
  const list = el('ol', { class: 'cards' });
  for (const card of cards) {
    const form = state.open?.id === card.id ? state.open.form : null;
    list.appendChild(
      cardElement({
        card,
        timeZone: view.timeZone,
        form,
        onStep: (step) => openStep(card, step),
        records: recordsElement(card, view.timeZone, (request, form) => void record(request, form)),
        notice: state.notice?.id === card.id ? state.notice.message : null,
        loading: state.loading,
      }),
    );
  }
  return el(
    'section',
    { class: 'block', 'aria-labelledby': headingId },
    el('h2', { id: headingId }, title, el('span', { class: 'count' }, `(${cards.length})`)),
    cards.length > 0 ? list : el('p', { class: 'secondary' }, empty),
  );
}

/** Redraws the cards; with `focusId`, gives the focus back to that card's step button. */
function render(focusId?: string, focusStep?: MyWorkStep): void {
  const view = state.view;
  ui.work.textContent = '';
  if (!view) return;
  ui.who.textContent = `${view.user.name || view.user.email} (${view.user.role})`;
  append(
    ui.work,
    section('Open work', view.open, 'Nothing is assigned to you right now.', view),
    section('Completed, awaiting close', view.awaitingClose, 'None.', view),
  );
  if (focusId && focusStep) {
    const card = ui.work.querySelector(`li[data-id="${CSS.escape(focusId)}"]`);
    card?.querySelector<HTMLElement>(`button[data-step="${focusStep}"]`)?.focus();
  }
}

ui.reload.addEventListener('click', () => void reload());
whenParsed(() => {
  const first = asReply('myWorkLoad', takeFirstData());
  if (!first) void reload();
  // Cards drawn without reading the register (remembered, or the queue's summaries on a first
  // opening) are shown at once, as being read, then read and checked before any step.
  else if (first.ok && first.view.unchecked) {
    state.loading = true;
    show(first);
    const summaries = [...first.view.open, ...first.view.awaitingClose].some((c) => c.summary);
    void reload(summaries ? 'Loading details…' : 'Checking for changes…');
  } else show(first);
});
