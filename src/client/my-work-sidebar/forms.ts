/**
 * The form of one step: the fields the lifecycle table requires for it (a reason to hold; results and
 * actions taken to complete; the note itself) and an optional note with any step. Escape cancels.
 */
import { MAX_STEP_TEXT, STEP_LABELS, type MyWorkCard, type MyWorkStep } from '../../shared/my-work-types';
import type { MyWorkActionInput } from '../../shared/my-work';
import { button, domId, el } from '../review-sidebar/dom';
import { tooLong } from '../shared/text-limit';

interface Field {
  name: 'reason' | 'results' | 'actionsTaken' | 'note';
  label: string;
  required: boolean;
}

const FIELDS: Readonly<Record<MyWorkStep, readonly Field[]>> = {
  start: [{ name: 'note', label: 'Note (optional)', required: false }],
  hold: [
    { name: 'reason', label: 'Why is it on hold?', required: true },
    { name: 'note', label: 'Note (optional)', required: false },
  ],
  resume: [{ name: 'note', label: 'Note (optional)', required: false }],
  note: [{ name: 'note', label: 'Progress note', required: true }],
  complete: [
    { name: 'results', label: 'Results', required: true },
    { name: 'actionsTaken', label: 'Actions taken', required: true },
    { name: 'note', label: 'Note (optional)', required: false },
  ],
};

export function stepForm(
  card: MyWorkCard,
  step: MyWorkStep,
  onSubmit: (request: MyWorkActionInput) => void,
  onCancel: () => void,
): HTMLFormElement {
  const form = el('form', { class: 'step-form', novalidate: true, 'data-step': step });
  for (const field of FIELDS[step]) {
    const id = domId('step', card.id, field.name);
    form.appendChild(el('label', { for: id }, field.label));
    form.appendChild(
      el('textarea', {
        id,
        name: field.name,
        required: field.required,
        'aria-required': field.required ? 'true' : undefined,
      }),
    );
  }
  form.appendChild(el('p', { class: 'form-error', role: 'alert' }));
  form.appendChild(el('button', { type: 'submit', class: 'action' }, STEP_LABELS[step]));
  form.appendChild(button('Cancel', {}, onCancel));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values: Record<string, string> = {};
    for (const field of FIELDS[step]) {
      const input = form.elements.namedItem(field.name) as HTMLTextAreaElement;
      const value = input.value.trim();
      const long = tooLong(value, MAX_STEP_TEXT);
      if ((field.required && value === '') || long) {
        const error = form.querySelector('.form-error') as HTMLElement;
        const what = field.label.replace(/\?$/, '');
        error.textContent = long ? `${what}: ${long.replace(/^T/, 't')}` : `${what}: please fill this in.`;
        input.focus();
        return;
      }
      if (value !== '') values[field.name] = value;
    }
    onSubmit({
      action: step,
      id: card.id,
      revision: card.revision,
      rowHint: card.rowHint,
      ...values,
    } as MyWorkActionInput);
  });
  return form;
}
