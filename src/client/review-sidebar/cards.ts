/** One work order in the sidebar: what it is, who asked, and the buttons for what may be done next. */
import { ACTION_LABELS, type SidebarAction } from '../../shared/review-actions';
import type { ReviewItem, ReviewView } from '../../shared/review';
import { button, domId, el, type Child } from './dom';
import { formatIso } from './format';
import { isolated } from '../../shared/visible-text';

export interface CardContext {
  view: ReviewView;
  item: ReviewItem;
  /** The form of the action being filled in on this item, if any. */
  form: HTMLFormElement | null;
  onAction: (action: SidebarAction) => void;
  onShowFull: () => void;
  /** A message about this order (someone else changed it meanwhile). */
  notice?: string | null;
}

/** Primary (blue) actions; the others are grey. */
const PRIMARY: ReadonlySet<SidebarAction> = new Set<SidebarAction>(['approveAssign', 'assign', 'close']);

export function focusKey(id: string, what: string): string {
  return `${id}:${what}`;
}

function fact(term: string, value: string): Child[] {
  return value === '' ? [] : [el('dt', {}, term), el('dd', {}, value)];
}

export function itemCard(ctx: CardContext): HTMLLIElement {
  const { view, item } = ctx;
  const tz = view.timeZone;
  const titleId = domId('item', item.id, 'title');
  const techName = (email: string): string => view.technicians.find((t) => t.email === email)?.name ?? email;
  const requester = [isolated(item.requesterName), item.requesterEmail ? `<${item.requesterEmail}>` : '']
    .filter(Boolean)
    .join(' ');
  const title = item.woNumber ? `${item.woNumber} · ${item.id}` : item.id;

  const facts = el(
    'dl',
    { class: 'facts' },
    ...fact('Requester', requester),
    ...fact('Location', item.location),
    ...fact('Urgency', item.urgency),
    ...fact('Requested', formatIso(item.requestedAt, tz)),
    ...fact('Category', item.category),
    ...fact('Priority', item.priority),
    ...fact('Due', formatIso(item.due, tz)),
    ...fact('Assignee', item.assignee ? techName(item.assignee) : ''),
    ...fact('Started', formatIso(item.startedAt, tz)),
    ...fact('Completed', formatIso(item.completedAt, tz)),
    ...fact('Results', item.results),
    ...fact('Actions taken', item.actionsTaken),
    ...fact('Progress notes', item.notes),
    ...fact(item.status === 'On Hold' ? 'On hold because' : 'Last reason', item.reason),
    ...fact('Resources', item.resources),
  );

  const actions = el('div', { class: 'actions', role: 'group', 'aria-label': `Actions for ${item.id}` });
  for (const action of item.available) {
    const b = button(
      ACTION_LABELS[action],
      {
        class: PRIMARY.has(action) ? 'action' : undefined,
        'data-focus': focusKey(item.id, action),
        'aria-expanded': ctx.form && action === openActionOf(ctx.form) ? 'true' : undefined,
      },
      () => ctx.onAction(action),
    );
    actions.appendChild(b);
  }

  return el(
    'li',
    { class: 'item', 'data-id': item.id },
    el(
      'article',
      { 'aria-labelledby': titleId },
      el(
        'h3',
        { id: titleId, tabindex: '-1', 'data-focus': focusKey(item.id, 'title') },
        title,
        el('span', { class: 'badge' }, item.status),
        item.emergency ? el('span', { class: 'badge emergency' }, 'Emergency') : null,
      ),
      ctx.notice
        ? el(
            'p',
            {
              class: 'error card-notice',
              role: 'alert',
              tabindex: '-1',
              'data-focus': focusKey(item.id, 'notice'),
            },
            ctx.notice,
          )
        : null,
      item.awaitingReply
        ? el('p', { class: 'waiting' }, `Waiting for requestor: “${item.awaitingReply}”`)
        : null,
      el('p', { class: 'description' }, item.description),
      facts,
      item.reviewFlag ? el('p', { class: 'flag' }, `Needs review: ${item.reviewFlag}`) : null,
      item.truncated
        ? button('Show full text', { class: 'link', 'data-focus': focusKey(item.id, 'full') }, ctx.onShowFull)
        : null,
      item.available.length > 0
        ? actions
        : el('p', { class: 'secondary' }, `${item.status}: nothing more to do here.`),
      ctx.form,
    ),
  );
}

function openActionOf(form: HTMLFormElement): SidebarAction | null {
  return (form.dataset.action as SidebarAction | undefined) ?? null;
}
