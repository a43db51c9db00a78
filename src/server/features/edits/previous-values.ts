/**
 * The first step of judging a register row (./judge): what the row held before the edit. From the row's
 * Last Known State, its fingerprinted fields checked against the cells (or a single edit's old value);
 * without one, from a single cell's old value, or not at all. Apart from the judging of the changes
 * because it is the one place that decides whether the row can be judged, and against what, and its
 * refusals (a stray row, an unchecked edit) end the judging before any field rule is asked.
 */
import { cellText, parseRegisterRow, type RegisterLayout } from '../../../core/columns';
import type { WorkOrder, WorkOrderField } from '../../../core/model';
import { carryPrint, fingerprintMatches, parseRowState, type RowState } from '../../adapters/row-state';
import { FIELDS } from './cells';
import type { Refusal } from './field-rules';

export interface RowInput {
  cells: readonly unknown[];
  layout: RegisterLayout;
  /** Index of the Last Known State column, -1 when the register has none. */
  stateIndex: number;
  /** Whether the edit covered a column (0-based). */
  edited: (index: number) => boolean;
  /** A single-cell edit: that cell's previous value as the event gave it ('' for an empty cell). */
  single?: { index: number; oldValue: string };
}

/** Not a work order (a row typed below the register or inserted by hand): owned cells are emptied. */
export interface StrayVerdict {
  kind: 'stray';
  refused: Refusal[];
}

/**
 * The previous values cannot be known from the row: left as it is, and the attempt reported.
 * `stateForged`: a paste covered the hidden state column, so the row's record is the paste's; the
 * trigger then asks the change log what the row held (features/integrity/paste.ts), as it does for
 * a paste on a row that has no record at all (`noRecord`).
 */
export interface UncheckedVerdict {
  kind: 'unchecked';
  id: string;
  reason: string;
  drift: WorkOrderField[];
  stateForged?: boolean;
  /** A paste on a row with no record (its state cell or column gone): the log says what it held. */
  noRecord?: boolean;
}

export const PASTED_OVER_STATE =
  'This paste also covered the hidden "Last Known State" column, and the change log holds no record of what the row held before, so Work Orders could not put it back. Use Undo (Ctrl+Z) to put the row back';
const NO_RECORD =
  'Work Orders has no record of what this row held before (an administrator should run Set up work orders), so this paste could not be checked';
/** An order's row whose record is gone or not the add-on's (see baselineWithoutRecord). */
const UNRECORDED =
  'The hidden "Last Known State" of this row is missing or was not written by Work Orders (it was changed outside Work Orders), so this edit could not be checked and nothing was recorded: an administrator should run Verify audit log to put the row back';
const STRAY =
  'Rows are added by the request form: this row is not a work order, so nothing can be typed into its work-order columns';

export function columnOf(layout: RegisterLayout, field: WorkOrderField): number {
  return layout.indexOf[field];
}

/**
 * A row with no record: with no state column (a register setup has not given one yet), the single
 * cell's old value rebuilds it; a paste is unknown (the change log says what the row held). With the
 * column, an order's row always has its record (every writer writes it, setup fills it in), so one
 * missing, unreadable or not sealed by the add-on was written outside Work Orders, perhaps along
 * with the cells it vouched for (Assignee = TECH2 in both): rebuilt from those cells, one typed cell
 * would make them the baseline and seal them into a new record. Such a row is left as it is and the
 * edit reported ('unrecorded'), for Verify audit log to put back from the change log.
 */
function baselineWithoutRecord(input: RowInput): { order: WorkOrder } | 'stray' | 'unknown' | 'unrecorded' {
  const { cells, layout, single, stateIndex } = input;
  const idIndex = columnOf(layout, 'id');
  if (single) {
    const was = [...cells];
    was[single.index] = single.oldValue;
    const wasId = idIndex >= 0 ? cellText(was[idIndex]).trim() : '';
    if (wasId === '') return 'stray';
    if (stateIndex >= 0) return 'unrecorded';
    const parsed = parseRegisterRow(was, layout);
    return parsed.ok ? { order: parsed.order } : 'unknown';
  }
  const idNow = idIndex >= 0 ? cellText(cells[idIndex]).trim() : '';
  if (idNow === '' || (idIndex >= 0 && input.edited(idIndex))) return 'stray';
  return 'unknown';
}

function strayVerdict(input: RowInput): StrayVerdict {
  const refused: Refusal[] = [];
  for (const field of FIELDS) {
    const index = columnOf(input.layout, field);
    if (index < 0 || !input.edited(index)) continue;
    const typed = cellText(input.cells[index]);
    if (typed !== '') refused.push({ field, typed, reason: STRAY, restored: true });
  }
  return { kind: 'stray', refused };
}

/** What the row held before the edit, and what that says of it; or the verdict when it cannot be told. */
export interface PreviousValues {
  state: RowState | null;
  before: WorkOrder;
  /** Fields whose previous text was not kept (a refusal there cannot be put back). */
  unknownOld: Set<WorkOrderField>;
  /** Fingerprinted fields changed outside this edit (their prints carried in the record). */
  printDrift: WorkOrderField[];
  /** The refusal of an edit to the Last Known State cell itself. */
  stateRefusals: Refusal[];
}

/** The previous values of the edited row (`idNow`: its Request ID cell now). */
export function previousValues(
  input: RowInput,
  idNow: string,
): PreviousValues | StrayVerdict | UncheckedVerdict {
  const { cells, layout, stateIndex } = input;
  const stateRefusals: Refusal[] = [];
  let state: RowState | null = null;
  if (stateIndex >= 0 && input.edited(stateIndex)) {
    if (!input.single)
      return { kind: 'unchecked', id: idNow, reason: PASTED_OVER_STATE, drift: [], stateForged: true };
    state = parseRowState(input.single.oldValue);
    stateRefusals.push({
      field: 'state',
      typed: cellText(cells[stateIndex]).slice(0, 200),
      reason: 'The Last Known State column is written by Work Orders only',
      restored: true,
    });
  } else if (stateIndex >= 0) state = parseRowState(cells[stateIndex]);

  let before: WorkOrder;
  const unknownOld = new Set<WorkOrderField>();
  const printDrift: WorkOrderField[] = [];
  if (state) {
    before = { ...state.order };
    // Fields the record keeps as prints: the cell, or a single edit's old value, that matches it.
    for (const field of Object.keys(state.fingerprints) as WorkOrderField[]) {
      const index = columnOf(layout, field);
      const now = index >= 0 ? cellText(cells[index]) : '';
      const old = input.single?.index === index ? input.single.oldValue : null;
      const set = (value: string): void => {
        (before as unknown as Record<string, unknown>)[field] = value;
      };
      if (fingerprintMatches(state, field, now)) set(now);
      else if (old !== null && fingerprintMatches(state, field, old)) set(old);
      else if (index >= 0 && input.edited(index)) unknownOld.add(field);
      else {
        // Changed outside this edit: the record keeps its print, so the edit's own trigger sees it.
        set(now);
        if (index >= 0) {
          carryPrint(state, field, now);
          printDrift.push(field);
        }
      }
    }
  } else {
    const baseline = baselineWithoutRecord(input);
    if (baseline === 'stray') return strayVerdict(input);
    if (baseline === 'unknown')
      return { kind: 'unchecked', id: idNow, reason: NO_RECORD, drift: [], noRecord: true };
    if (baseline === 'unrecorded') return { kind: 'unchecked', id: idNow, reason: UNRECORDED, drift: [] };
    before = baseline.order;
  }
  return { state, before, unknownOld, printDrift, stateRefusals };
}
