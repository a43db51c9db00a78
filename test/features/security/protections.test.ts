/**
 * Real protections from the permission table, through dist/Code.js: who can type where (Sheets itself
 * refuses the rest; where the table lets an account write columns it may not type into, the edit
 * trigger puts its typing back), re-applied when Staff changes, and applied by setup to a workbook set up before
 * protections existed without losing any data.
 */
import { REGISTER_COLUMNS, SHEET_NAMES, type WorkOrderField } from '../../../src/core/model';
import { areaEditors, unprotectedRegisterFields, type ProtectedArea } from '../../../src/core/permissions';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { userDeleteSheet } from '../../../runtime/host/spreadsheet/protection-model';
import {
  ADMIN,
  MANAGER,
  STAFF_MEMBERS,
  STRANGER,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import {
  REGISTER,
  assignedOrder,
  cell,
  logFor,
  noteAt,
  onlyExecution,
  rowOf,
  sidebarAct,
  submitOne,
} from '../../support/edits';
import { rowsOf, runHourly } from '../../support/ops';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  await assignedOrder(wb);
});
afterAll(() => wb.close());

/** Can `user` type into this cell? (Sheets refuses protected cells before any trigger runs.) */
async function canType(user: string, sheet: string, row: number, column: number): Promise<boolean> {
  try {
    await wb.edit(user, sheet, row, column, [[String(wb.sheet(sheet).valueAt(row, column) ?? '')]]);
    return true;
  } catch (error) {
    if (/protected cell/.test(String(error))) return false;
    throw error;
  }
}

const STAFF = STAFF_MEMBERS;
const STAFF_WITH_ADMIN = [
  ...STAFF,
  { email: ADMIN, name: 'admin', role: 'Administrator' as const, active: true },
];

describe('who can type where, as the permission table says', () => {
  const cells: ReadonlyArray<[ProtectedArea, string, number, number]> = [
    ['staff', SHEET_NAMES.staff, 2, 2],
    ['settings', SHEET_NAMES.settings, 2, 1],
    ['procedure', SHEET_NAMES.procedure, 3, 1],
    ['changeLog', SHEET_NAMES.changeLog, 2, 5],
    ['outbox', SHEET_NAMES.outbox, 1, 1],
    ['hourlyOutbox', SHEET_NAMES.hourlyOutbox, 1, 1],
    ['errors', SHEET_NAMES.errors, 1, 1],
    ['formResponses', 'Form Responses 1', 1, 1],
    ['registerSystemColumns', REGISTER, 2, 1],
    ['registerSystemColumns', REGISTER, 1, 3],
  ];
  test.each(cells)('%s (%s!R%iC%i)', async (area, sheet, row, column) => {
    const editors = areaEditors(area, STAFF_WITH_ADMIN, ADMIN);
    for (const user of [TECH, MANAGER, SUPERVISOR, ADMIN, STRANGER]) {
      expect([user, await canType(user, sheet, row, column)]).toEqual([user, editors.includes(user)]);
    }
  });

  test('register columns: Sheets admits whom the table lists; the trigger keeps a technician to their own columns', async () => {
    const id = wb.register()[0]!.order.id; // TECH's, Assigned
    const row = rowOf(wb, id);
    const systemEditors = areaEditors('registerSystemColumns', STAFF_WITH_ADMIN, ADMIN);
    const open = unprotectedRegisterFields();
    const fieldOf = (header: string) =>
      (Object.keys(REGISTER_COLUMNS) as WorkOrderField[]).find((f) => REGISTER_COLUMNS[f] === header);
    const own = ['Status', 'Progress Notes', 'Results', 'Actions Taken', 'Reason'];
    const others: Array<[string, string]> = [
      ['Request ID', 'REQ-999999'],
      ['WO Number', 'WO-2026-99999'],
      ['Priority', 'P1 Emergency'],
      ['Assignee', SUPERVISOR],
      ['Description', 'Something else'],
      ['Revision', '99'],
    ];
    // Sheets: a column left open by the table, or an account on the system columns' editor list.
    for (const header of [...own, ...others.map(([h]) => h)]) {
      const field = fieldOf(header);
      expect(field).toBeDefined();
      for (const user of [TECH, MANAGER, STRANGER]) {
        const expected = open.includes(field!) || systemEditors.includes(user);
        expect([header, user, await canType(user, REGISTER, row, wb.registerColumn(header))]).toEqual([
          header,
          user,
          expected,
        ]);
      }
    }
    // A technician's account writes the system columns (My work writes them as the technician), so
    // Sheets admits their typing there; the edit trigger puts it back with a note and a log row.
    expect(systemEditors).toContain(TECH);
    for (const [header, value] of others) {
      const kept = cell(wb, id, header);
      const mark = logFor(wb, id).length;
      onlyExecution((await wb.edit(TECH, REGISTER, row, wb.registerColumn(header), [[value]])).executions);
      expect([header, cell(wb, id, header)]).toEqual([header, kept]);
      expect([header, noteAt(wb, id, header)]).toEqual([header, expect.stringMatching(/\S/)]);
      expect(logFor(wb, id).slice(mark)).toMatchObject([{ user: TECH, field: `${header} (refused)` }]);
    }
    // …while what they type in their own columns stays.
    await wb.edit(TECH, REGISTER, row, wb.registerColumn('Progress Notes'), [['Checked the fitting']]);
    expect(wb.order(id).notes).toBe('Checked the fitting');
  });

  test('a technician can neither delete nor rename the Staff tab, nor run setup to recreate it', async () => {
    expect(() => userDeleteSheet(wb.model, SHEET_NAMES.staff, TECH)).toThrow(/protected sheet/);
    const setup = await wb.menu(TECH, 'setUpWorkOrders');
    expect(setup.ok).toBe(false);
    expect(setup.error?.message).toMatch(/Only an Administrator/);
  });
});

describe('protections follow the Staff tab', () => {
  test('a supervisor added by the administrator can act at once; removed, they can no longer write', async () => {
    const newcomer = 'nina.new@example.com';
    const staff = wb.sheet(SHEET_NAMES.staff);
    const row = staff.lastRow() + 1;
    expectOk(
      (await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [[newcomer, 'Nina', 'Supervisor', 'TRUE']]))
        .executions[0]!,
    );
    expect(await canType(newcomer, SHEET_NAMES.changeLog, 2, 5)).toBe(true);
    const id = await submitOne(wb);
    await sidebarAct(
      wb,
      { action: 'approve', id, revision: wb.order(id).revision, category: 'Plumbing', priority: 'P2 Urgent' },
      newcomer,
    );
    expect(wb.order(id).status).toBe('Approved');
    expectOk((await wb.edit(ADMIN, SHEET_NAMES.staff, row, 4, [['FALSE']])).executions[0]!);
    expect(await canType(newcomer, SHEET_NAMES.changeLog, 2, 5)).toBe(false);
    expect(await canType(newcomer, REGISTER, 2, 1)).toBe(false);
  });
});

describe('a Staff row deleted, which no edit trigger sees', () => {
  test('the removed supervisor can no longer write once the hourly job has run', async () => {
    const leaver = 'lea.leaving@example.com';
    const staff = wb.sheet(SHEET_NAMES.staff);
    const row = staff.lastRow() + 1;
    expectOk(
      (await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [[leaver, 'Lea', 'Supervisor', 'TRUE']]))
        .executions[0]!,
    );
    expect(await canType(leaver, SHEET_NAMES.changeLog, 2, 5)).toBe(true);
    // The administrator deletes the row: Sheets tells only change triggers, so nothing re-applies yet.
    staff.deleteRows(row, 1);
    expect(await canType(leaver, SHEET_NAMES.changeLog, 2, 5)).toBe(true);
    expectOk((await runHourly(wb))[0]!);
    expect(await canType(leaver, SHEET_NAMES.changeLog, 2, 5)).toBe(false);
    expect(await canType(leaver, SHEET_NAMES.outbox, 1, 1)).toBe(false);
    // Everyone still on the tab keeps their access, and the repair is reported once.
    expect(await canType(SUPERVISOR, SHEET_NAMES.changeLog, 2, 5)).toBe(true);
    const reported = (): number =>
      rowsOf(wb, SHEET_NAMES.errors).filter((r) =>
        /Staff tab changed without an edit/.test(String(r.Message)),
      ).length;
    expect(reported()).toBe(1);
    expectOk((await runHourly(wb))[0]!);
    expect(reported()).toBe(1);
  });
});

describe('the register grows', () => {
  test('rows Sheets adds at the bottom come under the protection at the next hourly run', async () => {
    const sheet = wb.sheet(REGISTER);
    const newRow = sheet.maxRows + 1;
    sheet.insertRows(newRow, 3, 'none');
    const id = wb.registerColumn('Request ID');
    const notes = wb.registerColumn('Progress Notes');
    // A manager's account is on no register editor list: it shows whether the new rows are covered.
    expect(await canType(MANAGER, REGISTER, newRow, id)).toBe(true);
    expectOk((await runHourly(wb))[0]!);
    expect(await canType(MANAGER, REGISTER, newRow, id)).toBe(false);
    expect(await canType(MANAGER, REGISTER, newRow, notes)).toBe(
      unprotectedRegisterFields().includes('notes'),
    );
    // The accounts the table lists still write them.
    expect(await canType(TECH, REGISTER, newRow, id)).toBe(true);
    expect(await canType(TECH, REGISTER, newRow, notes)).toBe(true);
  });
});

describe('setup on a workbook made before protections', () => {
  test('applies every protection and loses no data', async () => {
    const old = await setUpWorkbook();
    try {
      await assignedOrder(old);
      // As an older version left it: no protections but the change log's warning, no owner recorded.
      for (const sheet of old.model.sheetModels()) {
        for (const p of [...sheet.protections]) old.model.removeProtection(p);
      }
      const log = old.model.requireSheet(SHEET_NAMES.changeLog);
      old.model.createProtection('SHEET', log, null, ADMIN).warningOnly = true;
      const props = old.rt.world.properties.document(old.ssId);
      for (const key of [
        PROPERTY_KEYS.installationOwner,
        PROPERTY_KEYS.acceptedStaff,
        PROPERTY_KEYS.acceptedSettings,
      ])
        props.delete(key);
      const before = Object.fromEntries(old.model.sheetModels().map((s) => [s.name, old.values(s.name)]));
      expect(await canTypeIn(old, TECH, SHEET_NAMES.staff)).toBe(true);

      expectOk(await old.menu(ADMIN, 'setUpWorkOrders'));

      for (const [name, values] of Object.entries(before))
        expect([name, old.values(name)]).toEqual([name, values]);
      expect(await canTypeIn(old, TECH, SHEET_NAMES.staff)).toBe(false);
      // The change log: exactly the accounts the table lists (sidebar users and the owner), nobody else.
      const logEditors = areaEditors('changeLog', STAFF_WITH_ADMIN, ADMIN);
      expect(logEditors).toEqual(expect.arrayContaining([TECH, SUPERVISOR]));
      for (const user of [TECH, SUPERVISOR, MANAGER, STRANGER])
        expect([user, await canTypeIn(old, user, SHEET_NAMES.changeLog)]).toEqual([
          user,
          logEditors.includes(user),
        ]);
      const logProtection = old.model.requireSheet(SHEET_NAMES.changeLog).protections[0];
      expect(logProtection?.warningOnly).toBe(false);
      expect(props.get(PROPERTY_KEYS.installationOwner)).toBe(ADMIN);
    } finally {
      await old.close();
    }
  });
});

async function canTypeIn(book: TestWorkbook, user: string, sheet: string): Promise<boolean> {
  try {
    await book.edit(user, sheet, 2, 2, [[String(book.sheet(sheet).valueAt(2, 2) ?? '')]]);
    return true;
  } catch (error) {
    if (/protected cell/.test(String(error))) return false;
    throw error;
  }
}
