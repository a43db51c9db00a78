/**
 * The refused cells of a paste whose earlier text the row's record keeps only as a keyed print, and
 * how a text found for one is tried against that print (./unkept-fields says where texts are looked
 * for, and why the print alone decides).
 */
import { cellText } from '../../../core/columns';
import { ANSWER_FIELDS, newWorkOrder, parseSubmission } from '../../../core/intake';
import { emptyWorkOrder, type WorkOrder, type WorkOrderField } from '../../../core/model';
import type { ReferenceData } from '../../adapters/reference-data';
import { canonicalOrder, fingerprintMatches, parseRowState, type RowState } from '../../adapters/row-state';
import type { Refusal, RowVerdict } from '../edits/judge';
import type { PastedRows } from './paste';
import { readResponseRows } from './rebuild';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Non-matching texts tried per field before it is given up (see ./unkept-fields' file comment). */
const MAX_TRIES = 16;

/** Fields intake fills from the request's answers, Needs Review with them (core/intake.ts newWorkOrder). */
export const ANSWERED: ReadonlySet<WorkOrderField> = new Set<WorkOrderField>([
  ...ANSWER_FIELDS,
  'reviewFlag',
]);

/** Refused cells whose earlier value the row's record keeps only as a print (none restored yet). */
export function unkept(verdict: RowVerdict): Refusal[] {
  if (verdict.kind !== 'judged') return [];
  return verdict.refused.filter((r) => r.field !== 'state' && !r.restored);
}

/** One refused cell to find the earlier value of. */
export interface Wanted {
  row: number;
  field: WorkOrderField;
  state: RowState;
  tries: number;
  value?: string;
}

/** Whether `text` is what `state` printed for `field`, as written or as the register reads it back. */
function matches(state: RowState, field: WorkOrderField, text: string): boolean {
  if (fingerprintMatches(state, field, text)) return true;
  const canonical = canonicalOrder({ ...emptyWorkOrder(), id: state.order.id, [field]: text });
  const read = canonical[field];
  return typeof read === 'string' && read !== text && fingerprintMatches(state, field, read);
}

/** Tries `text` for a wanted cell still open; true when it is the value. */
export function offer(want: Wanted, text: string): boolean {
  if (want.value !== undefined || want.tries >= MAX_TRIES) return false;
  if (matches(want.state, want.field, text)) {
    want.value = text;
    return true;
  }
  want.tries++;
  return false;
}

export const open = (wants: readonly Wanted[]): Wanted[] =>
  wants.filter((w) => w.value === undefined && w.tries < MAX_TRIES);

/** The order intake made of each response row named (by ref), for checking prints. */
function ordersFromResponses(
  ss: Spreadsheet,
  refs: ReadonlySet<string>,
  reference: ReferenceData,
): Map<string, WorkOrder> {
  const orders = new Map<string, WorkOrder>();
  if (refs.size === 0) return orders;
  for (const [ref, named] of readResponseRows(ss, refs)) {
    const submission = parseSubmission(named, reference.settings.locations);
    orders.set(ref, newWorkOrder(submission, { id: '', requestedAt: new Date(0), responseRef: ref }));
  }
  return orders;
}

/** Offers each wanted cell the value the named response gives it. */
export function tryResponses(ss: Spreadsheet, refsOf: Map<Wanted, string>, reference: ReferenceData): void {
  const orders = ordersFromResponses(ss, new Set(refsOf.values()), reference);
  for (const [want, ref] of refsOf) {
    const value = orders.get(ref)?.[want.field];
    if (typeof value === 'string') offer(want, value);
  }
}

/** The response row a record names: kept whole, or the row's Response cell matching its print. */
function recordedRef(state: RowState, cells: readonly unknown[], rows: PastedRows): string {
  if (state.order.responseRef !== '') return state.order.responseRef;
  const index = rows.layout.indexOf.responseRef;
  if (index < 0 || rows.edited(index)) return '';
  const text = cellText(cells[index]).trim();
  return text !== '' && fingerprintMatches(state, 'responseRef', text) ? text : '';
}

/** The refused cells to look for (each with the response row its record names, where it has one). */
export function wantedCells(
  rows: PastedRows,
  verdicts: readonly RowVerdict[],
): { wants: Wanted[]; refsOf: Map<Wanted, string> } {
  const wants: Wanted[] = [];
  const refsOf = new Map<Wanted, string>();
  if (rows.stateIndex < 0) return { wants, refsOf };
  verdicts.forEach((verdict, i) => {
    if (unkept(verdict).length === 0) return;
    const cells = rows.read[i] ?? [];
    const state = parseRowState(cells[rows.stateIndex]);
    if (!state || verdict.kind !== 'judged' || state.order.id !== verdict.before.id) return;
    for (const r of unkept(verdict)) {
      if (r.field === 'state' || state.fingerprints[r.field] === undefined) continue;
      const want: Wanted = { row: i, field: r.field, state, tries: 0 };
      wants.push(want);
      const ref = ANSWERED.has(r.field) ? recordedRef(state, cells, rows) : '';
      if (ref !== '') refsOf.set(want, ref);
    }
  });
  return { wants, refsOf };
}

export const idsOf = (wants: readonly Wanted[]): Set<string> => new Set(wants.map((w) => w.state.order.id));
