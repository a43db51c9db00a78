/**
 * The demo's checklists, rates, time and parts, made as people make them: the administrator types the
 * category checklists into the Checklists tab and the technicians' Hourly Rate into Staff (both judged
 * by the edit trigger); a technician, before completing, ticks the required items and records the
 * time and parts from My work (`myWorkRecord`, as the sidebar calls it).
 */
import type { LocalAppsScript } from '../../runtime';
import { CHECKLISTS_SHEET } from '../../src/core/checklists';
import { normalizeHeader } from '../../src/core/headers';
import { HOURLY_RATE_HEADER } from '../../src/core/labour';
import { SHEET_NAMES } from '../../src/core/model';
import { formatLocalDate } from '../../src/core/time';
import type { MyWorkRecordResponse, WorkRecordInput } from '../../src/shared/work-records';
import { CHECKLISTS, PARTS_BY_CATEGORY, TECHNICIAN_RATES } from './demo-data';

/** The administrator's checklists and rates, typed after the staff. */
export async function typeDemoChecklists(
  rt: LocalAppsScript,
  spreadsheetId: string,
  admin: string,
): Promise<void> {
  const spreadsheet = rt.world.spreadsheets.require(spreadsheetId);
  const edit = (sheetName: string, row: number, column: number, values: string[][]) =>
    rt.editCells({ spreadsheetId, sheetName, row, column, values, user: admin });
  const checklists = spreadsheet.requireSheet(CHECKLISTS_SHEET);
  await edit(
    CHECKLISTS_SHEET,
    checklists.lastRow() + 1,
    1,
    CHECKLISTS.map((r) => [...r]),
  );
  const staff = spreadsheet.requireSheet(SHEET_NAMES.staff);
  const values = staff.readValues(1, 1, Math.max(staff.lastRow(), 1), Math.max(staff.lastColumn(), 1));
  const column = (values[0] ?? []).findIndex(
    (h) => normalizeHeader(h) === normalizeHeader(HOURLY_RATE_HEADER),
  );
  if (column < 0) return;
  for (const [email, rate] of Object.entries(TECHNICIAN_RATES)) {
    const row = values.findIndex((r) => String(r[0]).toLowerCase() === email);
    if (row > 0) await edit(SHEET_NAMES.staff, row + 1, column + 1, [[String(rate)]]);
  }
}

/**
 * What a technician records before completing: every required item ticked, the hours worked today,
 * and, every other time, a part of the category. Returns the refusals, if any.
 */
export async function recordDemoWork(
  rt: LocalAppsScript,
  spreadsheetId: string,
  technician: string,
  id: string,
  category: string,
  hours: number,
  random: () => number,
): Promise<string[]> {
  const problems: string[] = [];
  const call = async (request: WorkRecordInput): Promise<MyWorkRecordResponse | null> => {
    const reply = await rt.callFromHtml('myWorkRecord', [request], technician, spreadsheetId);
    const value = reply.ok ? (reply.value as MyWorkRecordResponse | null) : null;
    if (!value?.ok)
      problems.push(
        `myWorkRecord ${request.kind} ${id}: ${reply.ok ? (value?.message ?? 'no reply') : reply.error}`,
      );
    return value;
  };
  // The category's items, numbered as the copy numbers them (the Checklists tab's order): the required
  // ones ticked, as a technician must before completing.
  const items = CHECKLISTS.filter((r) => r[0] === category).sort((a, b) => Number(a[3]) - Number(b[3]));
  for (const [n, [, item, required]] of items.entries()) {
    if (required === 'Yes') await call({ kind: 'tick', id, number: n + 1, item, done: true });
  }
  const timeZone = rt.world.spreadsheets.require(spreadsheetId).timeZone;
  const date = formatLocalDate(new Date(rt.world.clock.nowMs()), timeZone);
  await call({ kind: 'time', id, date, hours: Math.round(hours * 4) / 4 || 0.25 });
  const parts = PARTS_BY_CATEGORY[category] ?? [];
  const part = parts[Math.floor(random() * parts.length)];
  if (part && random() < 0.5)
    await call({
      kind: 'part',
      id,
      part: part[0],
      quantity: 1 + Math.floor(random() * 3),
      unitCost: part[1],
    });
  return problems;
}
