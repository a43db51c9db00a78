/**
 * Who a sidebar action emails, and what each is told, shown in its form before the supervisor
 * confirms. It reads the same lifecycle table the server's emails follow (core/email-recipients.ts
 * recipientsFor): the transition's or amendment's notify list, the Settings switches, nobody emailed
 * about their own change, a previous technician told only while they may still be given work, and the
 * requestor in words of their own (a return's reason is the technician's, never theirs).
 */
import { amendmentFor, transitionFor, type Recipient } from '../core/lifecycle-table';
import { LIFECYCLE_STEPS, amendmentOf, type SidebarAction } from './review-actions';
import type { ReviewItem, ReviewView } from './review-replies';
import { isolated } from './visible-text';

export interface Told {
  /** Lower-cased address. */
  email: string;
  /** "the requestor, Rita Requestor (rita@example.com)" or "Tom Tech (tom@example.com)". */
  who: string;
  /** What their email says: "that it is cancelled, with your reason". */
  what: string;
}

/** What each recipient of each action hears (the email kinds of core/email-content.ts). */
const TOLD: Readonly<Partial<Record<SidebarAction, Partial<Record<Recipient, string>>>>> = {
  approve: { requestor: 'that it is approved' },
  approveAssign: {
    requestor: 'that it is approved',
    assignee: 'that it is assigned to them',
  },
  reject: { requestor: 'that it is not approved, with your reason' },
  assign: { assignee: 'that it is assigned to them' },
  reassign: {
    assignee: 'that it is assigned to them',
    previousAssignee: 'that it is no longer theirs',
  },
  reprioritize: {
    requestor: 'the new priority and due date, with your reason',
    assignee: 'the new priority and due date, with your reason',
  },
  redate: {
    requestor: 'the new due date, with your reason',
    assignee: 'the new due date, with your reason',
  },
  close: { requestor: 'that the work is complete and closed' },
  return: {
    assignee: 'that it is sent back to them, with your reason',
    requestor:
      'that the work is not finished yet and will be, without your reason (it is for the technician)',
  },
  cancel: {
    requestor: 'that it is cancelled, with your reason',
    assignee: 'that it is cancelled, with your reason',
  },
  clarify: { requestor: 'your question, with how to answer it' },
};

const key = (email: string): string => email.trim().toLowerCase();

/** The notify lists of what `action` does to an order in `status`, in order. */
function notifyLists(action: SidebarAction, status: ReviewItem['status']): Recipient[] {
  if (action === 'clarify') return ['requestor'];
  const amendment = amendmentOf(action, status);
  if (amendment) return [...amendmentFor(amendment).notify];
  return LIFECYCLE_STEPS[action].flatMap((step) => transitionFor(step).notify);
}

/**
 * The people `action` on `item` emails, each once. `assignee` is the technician chosen in the form
 * (Assign, Approve & assign, Reassign); '' before one is chosen.
 */
export function whoIsTold(
  action: SidebarAction,
  item: ReviewItem,
  view: Pick<ReviewView, 'user' | 'technicians' | 'notify'>,
  assignee = '',
): Told[] {
  const chosen = action === 'assign' || action === 'approveAssign' || action === 'reassign';
  const technician = key(chosen ? assignee : item.assignee);
  const previous = key(item.assignee);
  const viewer = key(view.user.email);
  const nameOf = (email: string): string => {
    const known = view.technicians.find((t) => key(t.email) === email);
    return known && known.name !== known.email ? `${isolated(known.name)} (${email})` : email;
  };
  const told: Told[] = [];
  const add = (email: string, who: string, recipient: Recipient): void => {
    const what = TOLD[action]?.[recipient];
    // A clarification is the supervisor's own question: sent as asked, even to themselves.
    const own = email === viewer && action !== 'clarify';
    if (email === '' || own || !what || told.some((t) => t.email === email)) return;
    told.push({ email, who, what });
  };
  for (const recipient of notifyLists(action, item.status)) {
    if (recipient === 'requestor' && view.notify.requestor) {
      const requestor = key(item.requesterEmail);
      const name = item.requesterName.trim();
      add(requestor, `the requestor, ${name ? `${isolated(name)} (${requestor})` : requestor}`, recipient);
    }
    if (recipient === 'assignee' && view.notify.assignee) add(technician, nameOf(technician), recipient);
    // Someone who may no longer be given work has nothing to stop (as recipientsFor).
    if (
      recipient === 'previousAssignee' &&
      view.notify.assignee &&
      previous !== technician &&
      view.technicians.some((t) => key(t.email) === previous)
    )
      add(previous, nameOf(previous), recipient);
  }
  return told;
}

/**
 * The form's line: "Emails Tom Tech (tom@…), that …; and the requestor, …, that …". `choosing` while
 * the form's technician is still to be chosen (who else is emailed depends on it).
 */
export function noticeText(told: readonly Told[], choosing = false): string {
  if (told.length === 0)
    return choosing ? 'Choose a technician to see who is emailed.' : 'Nobody is emailed about this.';
  const parts = told.map((t) => `${t.who}, ${t.what}`);
  const last = parts.pop() ?? '';
  const list = parts.length > 0 ? `${parts.join('; ')}; and ${last}` : last;
  return `Emails ${list}.${choosing ? ' Choose a technician to see who else is emailed.' : ''}`;
}

/**
 * The line a form shows: who is emailed, or, for a question with requestor emails switched off, that
 * it cannot be sent (the server refuses it, saying the same).
 */
export function formNotice(
  action: SidebarAction,
  item: ReviewItem,
  view: Pick<ReviewView, 'user' | 'technicians' | 'notify'>,
  assignee: string,
  choosing: boolean,
): string {
  if (action === 'clarify' && !view.notify.requestor)
    return 'Emails to requestors are switched off on the Settings tab (notifyRequestor), so a question cannot be sent.';
  return noticeText(whoIsTold(action, item, view, assignee), choosing);
}
