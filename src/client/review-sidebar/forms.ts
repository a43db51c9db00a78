/**
 * The form under an item for the action chosen: labelled fields, the blue button to do it and a grey
 * "Close form" (never "Cancel", which would read like cancelling the work order). Enter submits
 * (Shift+Enter starts a new line in a text box), Escape closes the form. Rejecting and cancelling
 * cannot be undone, so they ask for a second, explicit confirmation first. Every form says who its
 * action emails (shared/review-notice.ts), so nobody is told, or left untold, unawares.
 */
import { ACTION_LABELS, type SidebarAction } from '../../shared/review-actions';
import type { ReviewActionInput, ReviewItem, ReviewView } from '../../shared/review';
import { button, domId, el } from './dom';
import { formNotice } from '../../shared/review-notice';
import { MAX_REASON_LENGTH } from '../../shared/review-sections';
import { tooLong } from '../shared/text-limit';
import { approvalDuePreview, duePreview, endOfDayIn, targetOf, todayIn } from './format';

/** Actions that cannot be undone: their button asks "Are you sure?" before anything is sent. */
const CONFIRMED: ReadonlySet<SidebarAction> = new Set<SidebarAction>(['reject', 'cancel']);

export const CLOSE_FORM_LABEL = 'Close form';

/** Dispatched on an open form when the server refused its action (the message is shown beside it). */
export const REFUSED_EVENT = 'action-refused';

export interface FormContext {
  view: ReviewView;
  item: ReviewItem;
  action: SidebarAction;
  submit: (request: ReviewActionInput) => void;
  cancel: () => void;
}

type Field = HTMLSelectElement | HTMLTextAreaElement | HTMLInputElement;

function select(
  id: string,
  label: string,
  choices: Array<[string, string]>,
  selected: string,
): [HTMLElement, HTMLSelectElement] {
  const control = el('select', { id, name: id, required: true });
  control.appendChild(el('option', { value: '' }, `Choose…`));
  for (const [value, text] of choices)
    control.appendChild(el('option', { value, selected: value === selected }, text));
  return [el('div', {}, el('label', { for: id }, label), control), control];
}

function textBox(id: string, label: string, hint: string): [HTMLElement, HTMLTextAreaElement] {
  const control = el('textarea', { id, name: id, required: true, 'aria-describedby': `${id}-hint` });
  return [
    el(
      'div',
      {},
      el('label', { for: id }, label),
      control,
      el('div', { id: `${id}-hint`, class: 'hint' }, hint),
    ),
    control,
  ];
}

const TEXT_HINT = 'Enter sends · Shift+Enter for a new line · Esc closes the form';

export function actionForm(ctx: FormContext): HTMLFormElement {
  const { view, item, action } = ctx;
  const base = domId('form', item.id, action);
  const form = el('form', {
    class: 'action-form',
    'aria-label': `${ACTION_LABELS[action]} ${item.id}`,
    novalidate: true,
  });
  form.dataset.action = action;
  const fields: Record<string, Field> = {};
  const add = ([wrapper, control]: [HTMLElement, Field], key: string): void => {
    form.appendChild(wrapper);
    fields[key] = control;
  };

  if (action === 'approve' || action === 'approveAssign') {
    add(
      select(
        `${base}-category`,
        'Category',
        view.categories.map((c) => [c, c]),
        item.category,
      ),
      'category',
    );
    add(
      select(
        `${base}-priority`,
        'Priority',
        view.priorities.map((p) => [p.name, targetOf(p)]),
        item.priority,
      ),
      'priority',
    );
    const due = el('div', { class: 'hint', 'aria-live': 'polite' });
    const show = (): void => {
      due.textContent = approvalDuePreview(item, fields.priority?.value ?? '', view);
    };
    fields.priority?.addEventListener('change', show);
    show();
    form.appendChild(due);
  }
  if (action === 'approveAssign' || action === 'assign' || action === 'reassign') {
    const technicians = view.technicians.filter((t) => action !== 'reassign' || t.email !== item.assignee);
    const choices: Array<[string, string]> = technicians.map((t) => [
      t.email,
      `${t.name} (${t.openLoad} open)`,
    ]);
    add(
      select(`${base}-assignee`, action === 'reassign' ? 'New technician' : 'Technician', choices, ''),
      'assignee',
    );
    if (technicians.length === 0)
      form.appendChild(el('p', { class: 'error' }, 'No other active technician is on the Staff tab.'));
  }
  if (action === 'reprioritize') {
    add(
      select(
        `${base}-priority`,
        'New priority',
        view.priorities.filter((p) => p.name !== item.priority).map((p) => [p.name, targetOf(p)]),
        '',
      ),
      'priority',
    );
    const due = el('div', { class: 'hint', 'aria-live': 'polite' });
    fields.priority?.addEventListener('change', () => {
      due.textContent = duePreview(fields.priority?.value ?? '', view).replace(
        'if approved now',
        'counted from now',
      );
    });
    form.appendChild(due);
  }
  if (action === 'redate') {
    const id = `${base}-due`;
    // A due date before today would make the order overdue at once: the date picker starts at today.
    const control = el('input', { id, name: id, type: 'date', required: true, min: todayIn(view.timeZone) });
    form.appendChild(
      el(
        'div',
        {},
        el('label', { for: id }, 'New due date'),
        control,
        el('div', { class: 'hint' }, `Due at the end of that day (${view.timeZone}).`),
      ),
    );
    fields.due = control;
  }
  if (action === 'reject' || action === 'return' || action === 'cancel') {
    add(textBox(`${base}-reason`, 'Reason', TEXT_HINT), 'reason');
  }
  if (action === 'reprioritize' || action === 'redate') {
    add(textBox(`${base}-reason`, 'Reason for the change', TEXT_HINT), 'reason');
  }
  if (action === 'clarify') {
    add(
      textBox(`${base}-question`, `Question for ${item.requesterEmail || 'the requestor'}`, TEXT_HINT),
      'question',
    );
  }
  if (action === 'close') form.appendChild(el('p', {}, `Close ${item.woNumber || item.id}?`));

  // Who the action emails and what each hears, before it is confirmed (the server's table's words).
  const notice = el('p', { class: 'hint notice', 'aria-live': 'polite' });
  const showNotice = (): void => {
    const chosen = fields.assignee?.value ?? '';
    notice.textContent = formNotice(action, item, view, chosen, !!fields.assignee && !chosen);
  };
  fields.assignee?.addEventListener('change', showNotice);
  showNotice();
  form.appendChild(notice);

  // Where a refusal of this action is shown (announced at once: role="alert").
  form.appendChild(el('p', { class: 'error form-error', role: 'alert' }));
  const submitButton = el('button', { type: 'submit', class: 'action' }, ACTION_LABELS[action]);
  const controls = el(
    'div',
    { class: 'form-buttons' },
    submitButton,
    button(CLOSE_FORM_LABEL, {}, ctx.cancel),
  );
  form.appendChild(controls);
  // The confirmation step of an action that cannot be undone (shown instead of the buttons).
  const ref = item.woNumber || item.id;
  const confirmation = el(
    'div',
    { class: 'confirm', role: 'group', 'aria-label': 'Confirm' },
    el(
      'p',
      { class: 'confirm-question' },
      `${action === 'cancel' ? 'Cancel' : 'Reject'} ${ref} for good? This cannot be undone. ${notice.textContent}`,
    ),
    el(
      'button',
      { type: 'submit', class: 'danger', 'data-confirmed': 'true' },
      `Yes, ${ACTION_LABELS[action].toLowerCase()}`,
    ),
    button('No, go back', {}, () => {
      confirmation.remove();
      form.appendChild(controls);
      submitButton.focus();
    }),
  );

  /** Back from the confirmation to the form's own buttons (text changed, or the server refused). */
  const unconfirm = (): void => {
    if (!confirmation.isConnected) return;
    // A refusal arrives with the keyboard on "Yes, …", which goes: it moves to the form's own button
    // (else it would fall to the page's top and a keyboard user would start again from there).
    const hadFocus = confirmation.contains(document.activeElement);
    confirmation.remove();
    form.appendChild(controls);
    if (hadFocus) submitButton.focus();
  };
  form.addEventListener('input', (event) => {
    (event.target as Field).setCustomValidity?.('');
    // "Reject … for good?" is asked about the text as it was: a change is asked about again.
    unconfirm();
  });
  form.addEventListener(REFUSED_EVENT, unconfirm);

  form.addEventListener('keydown', (event) => {
    // Enter held down repeats, and a repeat would press the "Yes, …" the first press just focused:
    // only a fresh press sends or answers "for good?". An input method's Enter ends its word.
    const composing = event.isComposing || event.keyCode === 229;
    const inText = event.target instanceof HTMLTextAreaElement && !event.shiftKey && !composing;
    if (event.key === 'Enter' && event.repeat) event.preventDefault();
    else if (event.key === 'Escape') {
      event.preventDefault();
      ctx.cancel();
    } else if (event.key === 'Enter' && inText) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // A reason of spaces alone passes `required` but is no reason: refused here, before any
    // "for good?" question, rather than by the server after it.
    for (const control of Object.values(fields)) {
      if (!(control instanceof HTMLTextAreaElement)) continue;
      if (control.value !== '' && control.value.trim() === '')
        control.setCustomValidity('Please fill out this field: spaces alone are not a text.');
      else control.setCustomValidity(tooLong(control.value, MAX_REASON_LENGTH) ?? '');
    }
    if (!form.reportValidity()) return;
    const confirmed = (event.submitter as HTMLElement | null)?.dataset.confirmed === 'true';
    if (CONFIRMED.has(action) && !confirmed) {
      controls.remove();
      form.appendChild(confirmation);
      confirmation.querySelector<HTMLElement>('button')?.focus();
      return;
    }
    const value = (key: string): string =>
      key === 'due' ? endOfDayIn(fields.due?.value ?? '', view.timeZone) : (fields[key]?.value ?? '');
    const target = { id: item.id, revision: item.revision, rowHint: item.rowHint };
    ctx.submit(requestFor(action, target, value));
  });
  return form;
}

function requestFor(
  action: SidebarAction,
  target: { id: string; revision: number; rowHint: number },
  value: (key: string) => string,
): ReviewActionInput {
  switch (action) {
    case 'approve':
      return { action, ...target, category: value('category'), priority: value('priority') };
    case 'approveAssign':
      return {
        action,
        ...target,
        category: value('category'),
        priority: value('priority'),
        assignee: value('assignee'),
      };
    case 'assign':
    case 'reassign':
      return { action, ...target, assignee: value('assignee') };
    case 'reject':
    case 'return':
    case 'cancel':
      return { action, ...target, reason: value('reason') };
    case 'clarify':
      return { action, ...target, question: value('question') };
    case 'reprioritize':
      return { action, ...target, priority: value('priority'), reason: value('reason') };
    case 'redate':
      return { action, ...target, due: value('due'), reason: value('reason') };
    case 'close':
      return { action, ...target };
  }
}
