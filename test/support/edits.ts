/**
 * Helpers for the edit-trigger tests, on top of the shared harness (./workbook): orders
 * taken to Assigned through the real sidebar call (reviewAct, approve & assign), people typing into a
 * work order's cell found by id and header, the notes and toasts they see, a host-side sort.
 */
import type { ExecutionRecord } from '../../runtime';
import { spreadsheetCalls } from '../../runtime/host/execution';
import { SHEET_NAMES, type WorkOrder } from '../../src/core/model';
import { REQUESTOR, SUPERVISOR, TECH, expectOk, type Answers, type TestWorkbook } from './workbook';

export const REGISTER = SHEET_NAMES.register;

/** Submits a request and returns its id. */
export async function submitOne(
  wb: TestWorkbook,
  answers: Answers = {},
  respondent = REQUESTOR,
): Promise<string> {
  const before = new Set(wb.register().map((r) => r.order.id));
  (await wb.submit(answers, respondent)).executions.forEach(expectOk);
  const added = wb.register().find((r) => !before.has(r.order.id));
  if (!added) throw new Error('the submission added no register row');
  return added.order.id;
}

/** A supervisor's sidebar call; fails the test unless the action succeeded. */
export async function sidebarAct(wb: TestWorkbook, request: Record<string, unknown>, user = SUPERVISOR) {
  const record = expectOk(await wb.call(user, 'reviewAct', request));
  const reply = record.value as { ok: boolean; message?: string };
  if (!reply.ok) throw new Error(`reviewAct ${String(request.action)} refused: ${reply.message ?? ''}`);
  return record;
}

/** A new request (by `respondent`) approved and assigned to `assignee` through the Review & assign sidebar. */
export async function assignedOrder(
  wb: TestWorkbook,
  assignee = TECH,
  answers: Answers = {},
  respondent = REQUESTOR,
): Promise<string> {
  const id = await submitOne(wb, answers, respondent);
  await sidebarAct(wb, {
    action: 'approveAssign',
    id,
    revision: wb.order(id).revision,
    category: 'Electrical',
    priority: 'P3 Routine',
    assignee,
  });
  return id;
}

/** A new request assigned to `assignee`, started and completed in My work, then closed in Review & assign. */
export async function closedOrder(wb: TestWorkbook, assignee = TECH, answers: Answers = {}): Promise<string> {
  const id = await assignedOrder(wb, assignee, answers);
  for (const request of [
    { action: 'start' },
    { action: 'complete', results: 'Fixed', actionsTaken: 'Replaced the part' },
  ]) {
    const reply = expectOk(
      await wb.call(assignee, 'myWorkAct', { id, revision: wb.order(id).revision, ...request }),
    ).value as { ok: boolean; message?: string };
    if (!reply.ok) throw new Error(`myWorkAct ${request.action} refused: ${reply.message ?? ''}`);
  }
  await sidebarAct(wb, { action: 'close', id, revision: wb.order(id).revision });
  return id;
}

/** A new request approved (not assigned) through the sidebar. */
export async function approvedOrder(wb: TestWorkbook): Promise<string> {
  const id = await submitOne(wb);
  await sidebarAct(wb, {
    action: 'approve',
    id,
    revision: wb.order(id).revision,
    category: 'Plumbing',
    priority: 'P2 Urgent',
  });
  return id;
}

export function rowOf(wb: TestWorkbook, id: string): number {
  const found = wb.register().find((r) => r.order.id === id);
  if (!found) throw new Error(`no register row for ${id}`);
  return found.row;
}

/** `user` types `value` into the `header` cell of work order `id` (found by id, like a person would). */
export async function type(wb: TestWorkbook, user: string, id: string, header: string, value: string) {
  const outcome = await wb.edit(user, REGISTER, rowOf(wb, id), wb.registerColumn(header), [[value]]);
  return onlyExecution(outcome.executions);
}

export function onlyExecution(executions: ExecutionRecord[]): ExecutionRecord {
  if (executions.length !== 1)
    throw new Error(`expected one edit-trigger execution, got ${executions.length}`);
  return expectOk(executions[0] as ExecutionRecord);
}

/** Types values into several cells of one row, one edit (and one trigger execution) each. */
export async function typeAll(wb: TestWorkbook, user: string, id: string, values: Record<string, string>) {
  for (const [header, value] of Object.entries(values)) await type(wb, user, id, header, value);
}

export function cell(wb: TestWorkbook, id: string, header: string): unknown {
  return wb.sheet(REGISTER).valueAt(rowOf(wb, id), wb.registerColumn(header));
}

export function noteAt(wb: TestWorkbook, id: string, header: string): string {
  const row = rowOf(wb, id);
  const column = wb.registerColumn(header);
  return wb.sheet(REGISTER).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
}

export function toastsOf(wb: TestWorkbook, user: string): string[] {
  return wb.rt.world.ui.toasts(wb.ssId, user).map((t) => t.message);
}

/** Change-log rows about one record, as { field, old, new, user, source }. */
export function logFor(wb: TestWorkbook, recordId: string) {
  return wb
    .changeLogEntries()
    .filter((e) => e.recordId === recordId)
    .map((e) => ({ user: e.user, source: e.source, field: e.field, old: e.oldValue, new: e.newValue }));
}

export function calls(record: ExecutionRecord): number {
  return spreadsheetCalls(record.stats);
}

export function mailTo(wb: TestWorkbook, address: string): string[] {
  return wb.rt.world.mail.receivedBy(address).map((m) => m.subject);
}

/**
 * Sorts the register's data rows host-side, as Data › Sort range does: whole rows move (values,
 * formulas, notes, formats), no edit event fires. `key` picks the sort key from an order.
 */
export function sortRegister(wb: TestWorkbook, key: (order: WorkOrder) => string, descending = false): void {
  const sheet = wb.sheet(REGISTER);
  const rows = wb.register();
  const sorted = [...rows].sort((a, b) => {
    const c = key(a.order).localeCompare(key(b.order));
    return descending ? -c : c;
  });
  for (const layer of [sheet.values, sheet.formulas, sheet.notes, sheet.styles] as { rows: unknown[] }[]) {
    const taken = rows.map((r) => layer.rows[r.row - 1]);
    sorted.forEach((r, i) => {
      layer.rows[(rows[i] as { row: number }).row - 1] = taken[rows.indexOf(r)];
    });
  }
}

/** Inserts `count` empty rows before sheet row `at` (Insert › Row above): no edit event fires. */
export function insertRowsAt(wb: TestWorkbook, at: number, count = 1): void {
  wb.sheet(REGISTER).insertRows(at, count, 'none');
}
