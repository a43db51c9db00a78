/**
 * Drawing the "Review & assign" sidebar from its state: the sections with their cards and pagers,
 * work in hand grouped by technician, the technicians' load, the search results, and where the
 * keyboard focus goes afterwards. What a card's buttons and the pagers do is the caller's (./index).
 */
import {
  REVIEW_PAGE_SIZE,
  SECTION_KEYS,
  SECTION_TITLES,
  type SectionKey,
} from '../../shared/review-sections';
import type { SidebarAction } from '../../shared/review-actions';
import type { Offsets, ReviewItem, ReviewView } from '../../shared/review';
import { itemCard } from './cards';
import { append, button, el } from './dom';
import { state, ui, type Place } from './state';

/** What the drawn buttons do: open an action's form, fetch an order in full, show another page. */
export interface DrawActions {
  openForm: (item: ReviewItem, action: SidebarAction, place: Place) => void;
  showFull: (id: string) => void;
  reload: (offsets: Offsets) => void;
}

function card(item: ReviewItem, view: ReviewView, place: Place, on: DrawActions): HTMLLIElement {
  const shown = state.full.get(item.id) ?? item;
  const open = state.open?.id === item.id && state.open.place === place ? state.open.form : null;
  return itemCard({
    view,
    item: shown,
    form: open,
    notice: state.cardNotice?.id === item.id ? state.cardNotice.message : null,
    onAction: (action) => on.openForm(shown, action, place),
    onShowFull: () => on.showFull(item.id),
  });
}

function pager(key: SectionKey, view: ReviewView, on: DrawActions): HTMLElement | null {
  const page = view.sections[key];
  const last = page.offset + page.items.length;
  if (page.offset === 0 && last >= page.total) return null;
  const go = (offset: number) => () => on.reload({ ...state.offsets, [key]: offset });
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
function byTechnician(items: ReviewItem[], view: ReviewView, on: DrawActions): HTMLElement[] {
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
      // Work still held by someone no longer an active technician waits for nobody: say so.
      if (!tech && item.assignee !== '')
        groups.push(
          el(
            'p',
            { class: 'error' },
            `${item.assignee} is not an active technician on the Staff tab: reassign their work below.`,
          ),
        );
      list = el('ol', { class: 'items' });
      groups.push(list);
    }
    list.appendChild(card(item, view, 'working', on));
  }
  return groups;
}

function section(key: SectionKey, view: ReviewView, on: DrawActions): HTMLElement {
  const page = view.sections[key];
  const titleId = `section-${key}`;
  const body =
    page.items.length === 0
      ? el('p', { class: 'secondary' }, 'Nothing here.')
      : key === 'working'
        ? el('div', {}, ...byTechnician(page.items, view, on))
        : el('ol', { class: 'items' }, ...page.items.map((item) => card(item, view, key, on)));
  return el(
    'section',
    { class: 'block', 'aria-labelledby': titleId, 'data-section': key },
    el('h2', { id: titleId }, SECTION_TITLES[key], ' ', el('span', { class: 'count' }, `(${page.total})`)),
    body,
    pager(key, view, on),
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

export function draw(on: DrawActions, focus: string | null = null): void {
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
  for (const key of SECTION_KEYS) ui.sections.appendChild(section(key, view, on));
  ui.technicians.replaceChildren(technicianTable(view));
  if (state.found) {
    const dismiss = button('Clear search', { 'data-focus': 'found:dismiss' }, () => {
      state.found = null;
      draw(on);
      ui.findInput.focus();
    });
    append(
      ui.found,
      el(
        'section',
        { class: 'block search-results', 'aria-labelledby': 'found-title' },
        el('h2', { id: 'found-title', tabindex: '-1', 'data-focus': 'found' }, state.foundTitle),
        el('ol', { class: 'items' }, ...state.found.map((item) => card(item, view, 'found', on))),
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
