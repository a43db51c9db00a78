/** One order as a card: what the technician needs to do the work, and the steps they may take now. */
import { formatLocal } from '../../core/time';
import { STEP_LABELS, type MyWorkCard, type MyWorkStep } from '../../shared/my-work-types';
import { button, domId, el, type Child } from '../review-sidebar/dom';
import { isolated } from '../../shared/visible-text';

/** The one date-time format of the add-on (emails, notes, log): "2026-03-06 17:05" in the sheet's zone. */
export function formatDue(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (!Number.isFinite(date.getTime())) return '';
  try {
    return formatLocal(date, timeZone);
  } catch {
    return formatLocal(date, 'UTC');
  }
}

function fact(term: string, value: string | undefined): Child[] {
  // A card remembered from before a field existed has none: shown as nothing rather than "undefined".
  return value === undefined || value === '' ? [] : [el('dt', {}, term), el('dd', {}, value)];
}

export interface CardContext {
  card: MyWorkCard;
  timeZone: string;
  /** The open step form on this card, if any. */
  form: HTMLFormElement | null;
  onStep: (step: MyWorkStep) => void;
  /** The card's checklist, time and parts block (./records), if any. */
  records?: HTMLElement | null;
  /** Why the last call about this card failed (its checklist, a tick), shown on the card itself. */
  notice?: string | null;
  /** Whether the page is reading the cards now (else a summary card's details failed to load). */
  loading?: boolean;
}

export function cardElement(ctx: CardContext): HTMLLIElement {
  const { card, timeZone, form, onStep, records, notice } = ctx;
  const titleId = domId('card', card.id, 'title');
  const title = card.woNumber ? `${card.woNumber} · ${card.id}` : card.id;
  const due = formatDue(card.due, timeZone);
  const urgencyBadge = card.overdue
    ? el('span', { class: 'badge overdue' }, 'Overdue')
    : card.dueSoon
      ? el('span', { class: 'badge due-soon' }, 'Due soon')
      : null;
  const requester = [isolated(card.requesterName), card.requesterEmail ? `<${card.requesterEmail}>` : '']
    .filter(Boolean)
    .join(' ');
  const facts = el(
    'dl',
    { class: 'facts' },
    ...fact('Location', card.location),
    ...fact('Asset', card.asset),
    ...fact('Priority', card.priority),
    ...fact('Due', due),
    ...fact('Urgency', card.urgency),
    ...fact('Resources', card.resources),
    ...fact('Requester', requester),
    ...fact('Category', card.category),
    ...fact(card.status === 'On Hold' ? 'On hold because' : 'Last reason', card.reason),
    // Not "the due date moved by this": hours held before a supervisor set a new due date did not move it.
    ...fact(
      'Held so far',
      card.heldHours > 0 ? `${card.heldHours} h (the SLA clock stops while on hold)` : '',
    ),
    ...fact('Notes', card.notes),
    ...fact('Results', card.results),
    ...fact('Actions taken', card.actionsTaken),
  );
  const steps = el('div', { class: 'actions', role: 'group', 'aria-label': `Steps for ${title}` });
  for (const step of card.steps) {
    steps.appendChild(
      button(
        STEP_LABELS[step],
        {
          class: step === 'start' || step === 'complete' || step === 'resume' ? 'action' : undefined,
          'data-step': step,
          'aria-expanded': form?.dataset.step === step ? 'true' : undefined,
        },
        () => onStep(step),
      ),
    );
  }
  const link = card.updateLink
    ? el(
        'p',
        { class: 'hint' },
        el('a', { href: card.updateLink, target: '_blank', rel: 'noopener' }, 'Update from a phone'),
      )
    : null;
  const classes = ['card', card.overdue ? 'overdue' : card.dueSoon ? 'due-soon' : ''].filter(Boolean);
  return el(
    'li',
    { class: classes.join(' '), 'aria-labelledby': titleId, 'data-id': card.id },
    el('h3', { id: titleId }, title, el('span', { class: 'badge' }, card.status), urgencyBadge),
    notice ? el('p', { class: 'error card-notice', role: 'alert' }, notice) : null,
    el('p', { class: 'description' }, card.description),
    card.summary
      ? el(
          'p',
          { class: 'hint' },
          ctx.loading
            ? 'Loading notes and the full details…'
            : 'The notes and full details could not be loaded: press Reload, or a step to try again.',
        )
      : null,
    facts,
    records ?? null,
    card.steps.length > 0 ? steps : null,
    form,
    link,
  );
}
