/**
 * Register states the review tests start from, written straight into the host's sheet model the way
 * another execution would have left them (a technician's edits, the hourly job's reconciliation,
 * a 100,000-row history), plus access to the review queue's document properties.
 */
import { registerLayout, type RegisterLayout } from '../../../src/core/columns';
import {
  REGISTER_COLUMNS,
  SHEET_NAMES,
  type WorkOrder,
  type WorkOrderField,
  emptyWorkOrder,
} from '../../../src/core/model';
import { formatRequestId } from '../../../src/core/ids';
import { REQUESTOR, type TestWorkbook } from '../../support/workbook';
import { forgetRememberedState } from '../../support/caches';
import { withWorkbookKey } from '../../support/row-state';
import { findRowStateColumn, serializeRowState } from '../../../src/server/adapters/row-state';

export const INDEX_KEY = 'wo.review.index';

/** A work order with every field filled as intake would leave it, then `overrides`. */
export function makeOrder(seq: number, overrides: Partial<WorkOrder> = {}): WorkOrder {
  return {
    ...emptyWorkOrder(),
    id: formatRequestId(seq),
    requestedAt: new Date(Date.UTC(2026, 0, 5, 9, 0, 0) + seq * 60_000),
    requesterEmail: REQUESTOR,
    requesterName: `Requester ${seq}`,
    location: 'Main Building',
    description: `Request number ${seq}: the radiator in room ${seq % 300} is cold`,
    urgency: 'Routine',
    resources: 'Ladder',
    ...overrides,
  };
}

interface Shape {
  layout: RegisterLayout;
  /** The Last Known State column's index, -1 when the register has none. */
  stateIndex: number;
}

function layoutOf(wb: TestWorkbook): Shape {
  const sheet = wb.sheet(SHEET_NAMES.register);
  const header = sheet.readValues(1, 1, 1, Math.max(sheet.lastColumn(), 1))[0] ?? [];
  return { layout: registerLayout(header), stateIndex: findRowStateColumn(header) };
}

/**
 * The cells of `order` as they read back from the sheet (text as text, dates as Dates), with the
 * Last Known State every writer of the add-on puts beside them (a row without one is refused by
 * every action, as one written outside the add-on). Called under withWorkbookKey.
 */
function cellsOf(order: WorkOrder, { layout, stateIndex }: Shape): (string | number | Date)[] {
  const row: (string | number | Date)[] = new Array<string | number | Date>(layout.width).fill('');
  for (const field of Object.keys(REGISTER_COLUMNS) as WorkOrderField[]) {
    const index = layout.indexOf[field];
    const value = order[field];
    if (index >= 0) row[index] = value === null ? '' : value;
  }
  if (stateIndex >= 0) row[stateIndex] = serializeRowState(order);
  return row;
}

/** Appends orders below the last row in one write, as an execution without the review API would. */
export function appendDirectly(wb: TestWorkbook, orders: readonly WorkOrder[]): number {
  const sheet = wb.sheet(SHEET_NAMES.register);
  const shape = layoutOf(wb);
  const first = sheet.lastRow() + 1;
  sheet.writeValues(
    first,
    1,
    withWorkbookKey(wb, () => orders.map((o) => cellsOf(o, shape))),
  );
  return first;
}

/** Rewrites an order's row in place (another execution's edit that the queue was not told about). */
export function rewriteDirectly(wb: TestWorkbook, id: string, changes: Partial<WorkOrder>): WorkOrder {
  const found = wb.register().find((r) => r.order.id === id);
  if (!found) throw new Error(`no row for ${id}`);
  const order = { ...found.order, ...changes, revision: found.order.revision + 1 };
  wb.sheet(SHEET_NAMES.register).writeValues(
    found.row,
    1,
    withWorkbookKey(wb, () => [cellsOf(order, layoutOf(wb))]),
  );
  return order;
}

export function documentProperties(wb: TestWorkbook): Record<string, string> {
  return wb.rt.world.properties.document(wb.ssId).entries();
}

/** Forgets the review queue (as if it had never been built): the next load rebuilds it. */
export function dropIndex(wb: TestWorkbook): void {
  wb.rt.world.properties.document(wb.ssId).delete(INDEX_KEY);
}

export function indexMeta(wb: TestWorkbook): { gen?: string; chunks?: number; overflow?: boolean } | null {
  const meta = documentProperties(wb)[INDEX_KEY];
  return meta ? (JSON.parse(meta) as { gen?: string; chunks?: number; overflow?: boolean }) : null;
}

/** Settings and Staff are cached per document; tests that change them directly clear the cache. */
export function setStaffActive(wb: TestWorkbook, email: string, active: boolean): void {
  const sheet = wb.sheet(SHEET_NAMES.staff);
  const values = wb.values(SHEET_NAMES.staff);
  const header = (values[0] ?? []).map(String);
  const row = values.findIndex((r) => String(r[header.indexOf('Email')]).toLowerCase() === email);
  if (row < 1) throw new Error(`${email} is not on the Staff tab`);
  sheet.writeValues(row + 1, header.indexOf('Active') + 1, [[active]]);
  forgetRememberedState(wb.rt.world, wb.ssId);
}

/** A snapshot of everything a refused action must leave untouched. */
export function writesSnapshot(wb: TestWorkbook): string {
  return JSON.stringify({
    register: wb.values(SHEET_NAMES.register),
    log: wb.changeLog().length,
    mail: wb.rt.world.mail.sent.length,
    outbox: wb.values(SHEET_NAMES.outbox).length,
    counter: documentProperties(wb)['wo.counter.workOrder'] ?? null,
  });
}
