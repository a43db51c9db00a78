/**
 * The workbench's first start: the demo workbook created and set up through the add-on's own menu and
 * staff typed into the Staff tab; for `npm start` also the demo's checklists, assets and schedules,
 * then several weeks of history (seed-history.ts).
 */
import type { LocalAppsScript } from '../../runtime';
import { AuthMode } from '../../runtime';
import { mapHeaders } from '../../src/core/headers';
import { SHEET_NAMES } from '../../src/core/model';
import { STAFF_COLUMNS } from '../../src/core/staff';
import { addCalendarDays, isoDate, localParts, startOfLocalDay } from '../../src/core/time';
import { DEMO_ASSETS, DEMO_SCHEDULES } from './demo-data';
import { DEMO } from './people';
import { seedDemoHistory, type SeedOptions } from './seed-history';
import { typeDemoChecklists } from './seed-records';
import { HOUR } from './seed-timeline';

export const WORKBOOK_NAME = 'Maintenance work orders';

export interface WorkbookIds {
  spreadsheetId: string;
  formId: string;
}

/** The administrator creates the spreadsheet, runs setup from the add-on menu and types in the staff. */
export async function createWorkbook(rt: LocalAppsScript): Promise<WorkbookIds> {
  const admin = DEMO.admin.email;
  const spreadsheetId = rt.createSpreadsheet(WORKBOOK_NAME, admin);
  // Before first use an add-on's onOpen runs in AuthMode.NONE: only the menu.
  await rt.openSpreadsheet(spreadsheetId, admin, AuthMode.NONE);
  const setup = await rt.runMenuItem(spreadsheetId, admin, 'setUpWorkOrders');
  if (!setup.ok) throw new Error(`setUpWorkOrders failed: ${setup.error?.message ?? ''}`);
  const form = rt.world.forms.linkedTo(spreadsheetId);
  if (!form) throw new Error('setup created no form linked to the spreadsheet');

  const spreadsheet = rt.world.spreadsheets.require(spreadsheetId);
  const staffSheet = spreadsheet.requireSheet(SHEET_NAMES.staff);
  const header = staffSheet.readValues(1, 1, 1, Math.max(staffSheet.lastColumn(), 1))[0] ?? [];
  const layout = mapHeaders(header, STAFF_COLUMNS);
  const members = [DEMO.supervisor, ...DEMO.technicians, DEMO.manager];
  const rowOf = (m: { email: string; name: string; role: string }): string[] => {
    const cells = new Array<string>(layout.width).fill('');
    cells[layout.indexOf.email] = m.email;
    cells[layout.indexOf.name] = m.name;
    cells[layout.indexOf.role] = m.role;
    if (layout.indexOf.active >= 0) cells[layout.indexOf.active] = 'TRUE';
    return cells;
  };
  const edit = (row: number, column: number, values: string[][]) =>
    rt.editCells({ spreadsheetId, sheetName: SHEET_NAMES.staff, row, column, values, user: admin });
  // The administrator gives themselves a proper name, then pastes the team below.
  const adminRow = staffSheet
    .readValues(2, 1, Math.max(staffSheet.lastRow() - 1, 1), layout.width)
    .findIndex((r) => String(r[layout.indexOf.email]).toLowerCase() === admin);
  if (adminRow >= 0) await edit(adminRow + 2, layout.indexOf.name + 1, [[DEMO.admin.name]]);
  await edit(staffSheet.lastRow() + 1, 1, members.map(rowOf));
  // The edit trigger drops the add-on's Staff/Settings snapshot itself, so the team is known at once.
  return { spreadsheetId, formId: form.id };
}

/**
 * The administrator pastes the equipment register and the preventive-maintenance schedules (both
 * judged by the edit trigger, the form's asset question following the Assets tab).
 */
async function pasteAssetsAndSchedules(rt: LocalAppsScript, spreadsheetId: string): Promise<void> {
  const admin = DEMO.admin.email;
  const paste = async (sheetName: string, values: string[][]) => {
    const outcome = await rt.editCells({ spreadsheetId, sheetName, row: 2, column: 1, values, user: admin });
    const failed = outcome.executions.find((e) => !e.ok);
    if (failed) throw new Error(`pasting ${sheetName}: ${failed.error?.message ?? ''}`);
  };
  await paste(
    SHEET_NAMES.assets,
    DEMO_ASSETS.map((a) => [...a]),
  );
  const today = localParts(rt.world.clock.now(), rt.world.timeZone);
  await paste(
    SHEET_NAMES.schedules,
    DEMO_SCHEDULES.map((p) => [
      p.id,
      p.task,
      p.asset,
      p.location,
      p.category,
      p.priority,
      DEMO.technicians[p.technician]?.email ?? '',
      String(p.every),
      p.unit,
      p.weekdays,
      String(p.leadDays),
      isoDate(addCalendarDays(today, p.dueInDays)),
      'TRUE',
      '',
    ]),
  );
}

/**
 * The demo workbook with its history: the clock is set back to the morning before the history starts,
 * the administrator sets the workbook up then (so its triggers and first change-log rows come first),
 * the history is played up to now, and the clock returns to real time.
 */
export async function createDemoWorkbook(
  rt: LocalAppsScript,
  options: SeedOptions = {},
): Promise<{ ids: WorkbookIds; summary: string }> {
  const days = options.days ?? 42;
  const now = rt.world.clock.nowMs();
  rt.world.clock.set(
    new Date(startOfLocalDay(new Date(now), rt.world.timeZone, -days - 1).getTime() + 9 * HOUR),
  );
  const ids = await createWorkbook(rt);
  // The demo's checklists and rates (the plain workbook the story tests start from has none).
  await typeDemoChecklists(rt, ids.spreadsheetId, DEMO.admin.email);
  await pasteAssetsAndSchedules(rt, ids.spreadsheetId);
  const summary = await seedDemoHistory(rt, ids, { ...options, days, until: now });
  return { ids, summary };
}
