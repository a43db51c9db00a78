/**
 * A card's checklist, time and parts: a checkbox per checklist item, the time and parts recorded so
 * far, and two small forms to add to them. Values are checked as typed with the shared rules
 * (src/shared/work-records.ts), which the server applies again; nothing changes on screen before the
 * server has recorded it.
 */
import type { MyWorkCard } from '../../shared/my-work-types';
import {
  MAX_PART_NAME,
  MAX_TIME_NOTE,
  hoursProblem,
  quantityProblem,
  unitCostProblem,
  workDateProblem,
  type WorkRecordInput,
} from '../../shared/work-records';
import { domId, el } from '../review-sidebar/dom';
import { formatLocalDate } from '../../core/time';

/** Today in the spreadsheet's zone, the day the server checks dates against. */
function today(timeZone: string): string {
  try {
    return formatLocalDate(new Date(), timeZone);
  } catch {
    return formatLocalDate(new Date(), 'UTC');
  }
}

function input(
  id: string,
  label: string,
  attrs: Record<string, string | boolean | undefined>,
): HTMLElement[] {
  return [el('label', { for: id }, label), el('input', { id, ...attrs })];
}

function valueOf(form: HTMLFormElement, name: string): string {
  return ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim();
}

/** What a card's records do: send a tick or an entry; `form` is the entry form it came from. */
export type OnRecord = (request: WorkRecordInput, form?: HTMLFormElement) => void;

function entryForm(
  card: MyWorkCard,
  timeZone: string,
  kind: 'time' | 'part',
  onRecord: OnRecord,
): HTMLFormElement {
  const id = (name: string): string => domId('record', card.id, `${kind}-${name}`);
  const form = el('form', { class: 'record-form', novalidate: true, 'data-kind': kind });
  const fields =
    kind === 'time'
      ? [
          ...input(id('date'), 'Date', {
            type: 'date',
            name: 'date',
            value: today(timeZone),
            max: today(timeZone),
            required: true,
          }),
          ...input(id('hours'), 'Hours', {
            type: 'number',
            name: 'hours',
            min: '0.25',
            max: '24',
            step: '0.25',
            required: true,
          }),
          ...input(id('note'), 'Note (optional)', {
            type: 'text',
            name: 'note',
            maxlength: String(MAX_TIME_NOTE),
          }),
        ]
      : [
          ...input(id('part'), 'Part', {
            type: 'text',
            name: 'part',
            maxlength: String(MAX_PART_NAME),
            required: true,
          }),
          ...input(id('quantity'), 'Quantity', {
            type: 'number',
            name: 'quantity',
            min: '0.01',
            step: '0.01',
            required: true,
          }),
          ...input(id('unitCost'), 'Unit cost', {
            type: 'number',
            name: 'unitCost',
            min: '0',
            step: '0.01',
            required: true,
          }),
        ];
  for (const f of fields) form.appendChild(f);
  const error = el('p', { class: 'form-error', role: 'alert' });
  form.appendChild(error);
  form.appendChild(el('button', { type: 'submit' }, kind === 'time' ? 'Add time' : 'Add part'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const number = (name: string): number => {
      const text = valueOf(form, name);
      return text === '' ? Number.NaN : Number(text);
    };
    let problem: string | null;
    let request: WorkRecordInput;
    if (kind === 'time') {
      const note = valueOf(form, 'note');
      request = {
        kind,
        id: card.id,
        date: valueOf(form, 'date'),
        hours: number('hours'),
        ...(note ? { note } : {}),
      };
      problem = workDateProblem(request.date, today(timeZone)) ?? hoursProblem(request.hours);
    } else {
      request = {
        kind,
        id: card.id,
        part: valueOf(form, 'part'),
        quantity: number('quantity'),
        unitCost: number('unitCost'),
      };
      problem =
        (request.part === '' ? 'Name the part used.' : null) ??
        quantityProblem(request.quantity) ??
        unitCostProblem(request.unitCost);
    }
    error.textContent = problem ?? '';
    if (!problem) onRecord(request, form);
  });
  return form;
}

/** Statuses whose cards offer the checklist, time and parts (the server's recording rule). */
const RECORDING = ['Assigned', 'In Progress', 'On Hold', 'Completed'];

/**
 * The records block of a card: before they are loaded, the button that loads them; null when the
 * order has no checklist and nothing may be recorded.
 */
export function recordsElement(card: MyWorkCard, timeZone: string, onRecord: OnRecord): HTMLElement | null {
  const records = card.records;
  if (!records) {
    if (!RECORDING.includes(card.status)) return null;
    const load = el('button', { type: 'button', class: 'load-records' }, 'Checklist, time and parts');
    load.addEventListener('click', () => onRecord({ kind: 'view', id: card.id }));
    return el('div', { class: 'records' }, load);
  }
  if (
    records.checklist.length === 0 &&
    !records.canRecord &&
    records.time.length === 0 &&
    records.parts.length === 0
  )
    return null;
  const block = el('div', { class: 'records' });
  if (records.checklist.length > 0) {
    const list = el('ul', { class: 'checklist' });
    for (const entry of records.checklist) {
      const id = domId('check', card.id, String(entry.number));
      const box = el('input', {
        id,
        type: 'checkbox',
        checked: entry.done,
        disabled: !records.canRecord,
        'data-number': String(entry.number),
      }) as HTMLInputElement;
      box.addEventListener('change', () =>
        onRecord({ kind: 'tick', id: card.id, number: entry.number, item: entry.item, done: box.checked }),
      );
      const who = entry.done && entry.doneBy ? ` — ${entry.doneBy}` : '';
      list.appendChild(
        el(
          'li',
          {},
          box,
          el(
            'label',
            { for: id },
            `${entry.number}. ${entry.item}${entry.required ? ' (required)' : ''}${who}`,
          ),
        ),
      );
    }
    block.appendChild(el('fieldset', {}, el('legend', {}, 'Checklist'), list));
  }
  const lines = [
    ...records.time.map((t) => `${t.date} · ${t.hours} h · ${t.technician}${t.note ? ` · ${t.note}` : ''}`),
    ...records.parts.map((p) => `${p.quantity} × ${p.part} at ${p.unitCost.toFixed(2)}`),
  ];
  if (lines.length > 0) {
    const list = el('ul', { class: 'recorded' });
    for (const line of lines) list.appendChild(el('li', {}, line));
    block.appendChild(el('div', {}, el('h4', {}, 'Time and parts'), list));
  }
  if (records.canRecord) block.appendChild(recordForms(card, timeZone, onRecord));
  return block;
}

/**
 * The card's "Record time or parts", made once per card and kept across redraws: the page redraws
 * every card after each call, and a technician who typed hours on one card, ticked an item or had an
 * entry refused must find the section still open with what they typed.
 */
const recordFormsByCard = new Map<string, HTMLDetailsElement>();

function recordForms(card: MyWorkCard, timeZone: string, onRecord: OnRecord): HTMLDetailsElement {
  const kept = recordFormsByCard.get(card.id);
  if (kept) return kept;
  const details = el('details', { class: 'record-forms' }, el('summary', {}, 'Record time or parts'));
  details.appendChild(entryForm(card, timeZone, 'time', onRecord));
  details.appendChild(entryForm(card, timeZone, 'part', onRecord));
  recordFormsByCard.set(card.id, details);
  return details;
}

/**
 * After an entry was recorded: its form is emptied for the next one (the date stays), and the
 * keyboard goes back to its first field, so a second entry (another day, another part) is typed at once.
 */
export function entryRecorded(form: HTMLFormElement): void {
  for (const field of Array.from(form.querySelectorAll<HTMLInputElement>('input')))
    if (field.name !== 'date') field.value = '';
  const first = form.querySelector<HTMLInputElement>('input:not([name="date"])');
  first?.focus();
}
