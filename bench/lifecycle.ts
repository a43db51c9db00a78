/**
 * How many change-log rows one work order really costs: a request taken from submission to closure
 * through the add-on itself (form, sidebar, the technician's edits), its log rows counted, and the
 * field changes they record. The capacity figure uses the generated history's rows per order (~10,
 * the figure); this checks it against the add-on.
 */
import { entriesOfRow, LOG_COLUMN } from '../src/core/change-log-row';
import { CHANGE_LOG_HEADERS, SHEET_NAMES } from '../src/core/model';
import { measureIngest, registerRows } from './operations';
import type { BenchWorld } from './types';

export interface LifecycleRows {
  ok: boolean;
  /** Field changes the order's rows record, by field. */
  byField: Record<string, number>;
  /** Change-log rows written for the order (one per action). */
  total: number;
  error?: string;
}

export async function measureLifecycleRows(world: BenchWorld): Promise<LifecycleRows> {
  const { rt, ssId, users } = world;
  const supervisor = users.supervisors[0] ?? users.admin;
  const tech = users.technicians[1] ?? '';
  const fail = (error: string): LifecycleRows => ({ ok: false, byField: {}, total: 0, error });
  const ingest = await measureIngest(world);
  if (!ingest[0]?.records.every((r) => r.ok)) return fail('the form submission failed');
  const current = () => {
    const { rows, column } = registerRows(world);
    const found = rows[rows.length - 1];
    return { found, column };
  };
  const act = async (request: Record<string, unknown>) => {
    const { found } = current();
    if (!found) throw new Error('no order');
    const record = await rt.run('reviewAct', {
      user: supervisor,
      spreadsheetId: ssId,
      args: [{ ...request, id: found.order.id, revision: found.order.revision, rowHint: found.row }],
    });
    const value = record.value as { ok?: boolean; message?: string } | undefined;
    if (!record.ok || value?.ok === false)
      throw new Error(
        `reviewAct ${String(request.action)}: ${record.error?.message ?? value?.message ?? ''}`,
      );
  };
  const edit = async (field: 'status' | 'results' | 'actions', text: string) => {
    const { found, column } = current();
    if (!found) throw new Error('no order');
    const outcome = await rt.editCells({
      spreadsheetId: ssId,
      sheetName: SHEET_NAMES.register,
      row: found.row,
      column: column(field),
      values: [[text]],
      user: tech,
    });
    const failed = outcome.executions.find((r) => !r.ok);
    if (failed) throw new Error(`edit ${field}: ${failed.error?.message ?? ''}`);
  };
  try {
    const id = current().found?.order.id ?? '';
    await act({ action: 'approveAssign', category: 'Plumbing', priority: 'P3 Routine', assignee: tech });
    await edit('status', 'In Progress');
    await edit('results', 'Replaced the washer; no more leak');
    await edit('actions', 'Replaced washer, tested for 10 minutes');
    await edit('status', 'Completed');
    if (current().found?.order.status !== 'Completed')
      return fail(`the technician's edits did not complete ${id}`);
    await act({ action: 'close' });
    const sheet = rt.world.spreadsheets.require(ssId).requireSheet(SHEET_NAMES.changeLog);
    const values = sheet.readValues(2, 1, Math.max(0, sheet.lastRow() - 1), CHANGE_LOG_HEADERS.length);
    const byField: Record<string, number> = {};
    let total = 0;
    for (const row of values) {
      if (row[LOG_COLUMN.recordId] !== id) continue;
      total++;
      for (const entry of entriesOfRow(row)) byField[entry.field] = (byField[entry.field] ?? 0) + 1;
    }
    return { ok: current().found?.order.status === 'Closed', byField, total };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}
