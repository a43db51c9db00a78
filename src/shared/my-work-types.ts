/**
 * The RPC contract of the "My work" sidebar, without zod: what `myWorkLoad` and `myWorkAct` return
 * and the steps a technician can take. The page imports only this file (zod would triple its size);
 * the server validates requests with the schemas in ./my-work. Dates travel as ISO-8601 strings:
 * google.script.run cannot pass a Date.
 */
import type { Role, Status } from '../core/model';
import type { WorkRecordsView } from './work-records';

/** A technician's steps: four lifecycle actions and a progress note (a field edit, not a transition). */
export const MY_WORK_STEPS = ['start', 'hold', 'resume', 'note', 'complete'] as const;
export type MyWorkStep = (typeof MY_WORK_STEPS)[number];

export const STEP_LABELS: Readonly<Record<MyWorkStep, string>> = {
  start: 'Start work',
  hold: 'Put on hold',
  resume: 'Resume',
  note: 'Add a note',
  complete: 'Complete',
};

/** Longest note, reason, result or actions text a step accepts (a cell holds 50,000 characters). */
export const MAX_STEP_TEXT = 5000;

/** What a card shows of one order. */
export interface MyWorkCard {
  id: string;
  woNumber: string;
  status: Status;
  revision: number;
  /** Where the row was found: a hint for the next action, checked by id before use. */
  rowHint: number;
  priority: string;
  category: string;
  description: string;
  location: string;
  /** Asset ID from the Assets tab ('' when the work is not on a registered asset). */
  asset: string;
  resources: string;
  urgency: string;
  requesterName: string;
  requesterEmail: string;
  due: string | null;
  overdue: boolean;
  dueSoon: boolean;
  notes: string;
  /** The hold reason (or the reason the order was returned). */
  reason: string;
  /** Hours spent On Hold so far: the due date has moved by this much (the SLA clock stops On Hold). */
  heldHours: number;
  results: string;
  actionsTaken: string;
  /** The steps the lifecycle table allows this person on this order now, in a fixed order. */
  steps: MyWorkStep[];
  /** The per-order update form, pre-filled with this order (for a phone); '' when there is none. */
  updateLink: string;
  /**
   * Set on a card drawn from the review queue's summary before its row was read (a first opening):
   * long texts are previews and notes, results and actions taken come with the page's check.
   */
  summary?: true;
  /** The order's checklist, time and parts, once the card has loaded them (myWorkRecord, kind view). */
  records?: WorkRecordsView;
}

export interface MyWorkView {
  /**
   * Set when the cards are as remembered from an earlier opening, not yet checked against the register
   * (the page the menu item shows draws them at once, then asks for the checked view before any step).
   */
  unchecked?: true;
  generatedAt: string;
  timeZone: string;
  user: { email: string; name: string; role: Role };
  /** Assigned, In Progress and On Hold: overdue and due-soon first, then by priority and due. */
  open: MyWorkCard[];
  /** Completed, waiting for a supervisor to close (no step left for the technician). */
  awaitingClose: MyWorkCard[];
}

export interface Refusal {
  ok: false;
  message: string;
}

export type MyWorkLoadResponse = { ok: true; view: MyWorkView } | Refusal;
/**
 * A step's reply: the order's card as it now is (a Completed one belongs under "awaiting close").
 * Only that card: the rest of the list is unchanged by the step, and reading it again would cost as
 * much as opening the sidebar.
 */
export type MyWorkActResponse = { ok: true; message: string; card: MyWorkCard } | Refusal;

/** The sidebar functions whose replies the page checks, and the keys each successful reply must have. */
export const MY_WORK_REPLY_KEYS = {
  myWorkLoad: ['view'],
  myWorkAct: ['message', 'card'],
  myWorkRecord: ['message', 'records'],
} as const;
export type MyWorkServerFunction = keyof typeof MY_WORK_REPLY_KEYS;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A view the page can draw: its user, its time zone and its two lists of cards. */
function isView(value: unknown): boolean {
  if (!isObject(value) || typeof value.timeZone !== 'string' || !isObject(value.user)) return false;
  const cardsOk = (cards: unknown): boolean =>
    Array.isArray(cards) &&
    cards.every((c) => isObject(c) && typeof c.id === 'string' && Array.isArray(c.steps));
  return typeof value.user.email === 'string' && cardsOk(value.open) && cardsOk(value.awaitingClose);
}

/**
 * Whether `value` is a reply of `fn` the page understands: a refusal with its message, or a success
 * with the keys it needs (a load's view checked down to its cards). The page has no zod (it would
 * triple its size), so this is the contract it checks every reply, and the data it opens with, against.
 */
export function isMyWorkReply(fn: MyWorkServerFunction, value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value.ok === false) return typeof value.message === 'string';
  if (value.ok !== true || !MY_WORK_REPLY_KEYS[fn].every((key) => key in value)) return false;
  return fn !== 'myWorkLoad' || isView(value.view);
}
