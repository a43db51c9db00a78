/**
 * The form under an item for the action chosen: labelled fields, the blue button to do it and a grey
 * Cancel. Enter submits (Shift+Enter starts a new line in a text box), Escape cancels.
 */
import { ACTION_LABELS, type SidebarAction } from '../../shared/review-actions';
import type { ReviewActionInput, ReviewItem, ReviewView } from '../../shared/review';
import { button, domId, el } from './dom';
import { duePreview, targetOf } from './format';

export interface FormContext {
  view: ReviewView;
  item: ReviewItem;
  action: SidebarAction;
  submit: (request: ReviewActionInput) => void;
  cancel: () => void;
}

type Field = HTMLSelectElement | HTMLTextAreaElement;

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
  const control = el('textarea', {
    id,
    name: id,
    required: true,
    maxlength: '2000',
    'aria-describedby': `${id}-hint`,
  });
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

const TEXT_HINT = 'Enter sends · Shift+Enter for a new line · Esc cancels';

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
      due.textContent = duePreview(fields.priority?.value ?? '', view.priorities, view.timeZone);
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
  if (action === 'reject' || action === 'return' || action === 'cancel') {
    add(textBox(`${base}-reason`, 'Reason', TEXT_HINT), 'reason');
  }
  if (action === 'clarify') {
    add(
      textBox(`${base}-question`, `Question for ${item.requesterEmail || 'the requestor'}`, TEXT_HINT),
      'question',
    );
  }
  if (action === 'close') {
    form.appendChild(
      el('p', {}, `Close ${item.woNumber || item.id}? The requestor is told the work is done.`),
    );
  }

  // Where a refusal of this action is shown (announced at once: role="alert").
  form.appendChild(el('p', { class: 'error form-error', role: 'alert' }));
  const submitButton = el('button', { type: 'submit', class: 'action' }, ACTION_LABELS[action]);
  form.appendChild(el('div', {}, submitButton, button('Cancel', {}, ctx.cancel)));

  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      ctx.cancel();
    } else if (event.key === 'Enter' && !event.shiftKey && event.target instanceof HTMLTextAreaElement) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const value = (key: string): string => fields[key]?.value ?? '';
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
    case 'close':
      return { action, ...target };
  }
}
