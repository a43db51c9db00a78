/**
 * What the open "Review & assign" sidebar knows (the queue shown, the open form, search results,
 * orders fetched in full), the page elements it draws into, and the rule of one server call at a time.
 */
import type { SectionKey } from '../../shared/review-sections';
import type { SidebarAction } from '../../shared/review-actions';
import type { Offsets, ReviewItem, ReviewView } from '../../shared/review';
import { byId } from './dom';
import { statusLine } from '../shared/status-line';

/**
 * Where a card is drawn: in a section's list, or among the search results. The same order may be in
 * several (overdue work is in its status's list too): a form opens under the card it was asked from.
 */
export type Place = SectionKey | 'found';

interface OpenForm {
  id: string;
  action: SidebarAction;
  place: Place;
  form: HTMLFormElement;
}

export const state: {
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

export const ui = {
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

export const { say, complain } = statusLine(ui.status, ui.error);

function setBusy(busy: boolean): void {
  state.busy = busy;
  ui.sections.setAttribute('aria-busy', String(busy));
  document.body.classList.toggle('busy', busy);
}

/** Runs one server call at a time: a second click while one is running is ignored. */
export async function exclusive(work: () => Promise<void>): Promise<void> {
  if (state.busy) return;
  setBusy(true);
  try {
    await work();
  } finally {
    setBusy(false);
  }
}
