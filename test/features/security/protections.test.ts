/**
 * Real protections from the permission table, through dist/Code.js: who can type where (Sheets itself
 * refuses the rest), re-applied when Staff changes, and applied by setup to a workbook set up before
 * protections existed without losing any data.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { areaEditors, type ProtectedArea } from '../../../src/core/permissions';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { userDeleteSheet } from '../../../runtime/host/spreadsheet/protection-model';
import {
  ADMIN,
  MANAGER,
  STAFF_ROWS,
  STRANGER,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { REGISTER, assignedOrder, rowOf, sidebarAct, submitOne } from '../../support/edits';
import { runHourly } from '../../support/ops';

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

const STAFF = STAFF_ROWS.map(([email, name, role, active]) => ({
  email,
  name,
  role: role as 'Supervisor' | 'Technician' | 'Manager' | 'Administrator',
  active,
}));
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

  test('technicians type in their own columns only: Status, Progress Notes, Results, Actions Taken, Reason', async () => {
    const row = rowOf(wb, wb.register()[0]!.order.id);
    for (const header of ['Status', 'Progress Notes', 'Results', 'Actions Taken', 'Reason'])
      expect([header, await canType(TECH, REGISTER, row, wb.registerColumn(header))]).toEqual([header, true]);
    for (const header of [
      'Request ID',
      'WO Number',
      'Priority',
      'Assignee',
      'Due',
      'Description',
      'Revision',
    ])
      expect([header, await canType(TECH, REGISTER, row, wb.registerColumn(header))]).toEqual([
        header,
        false,
      ]);
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

describe('the register grows', () => {
  test('rows Sheets adds at the bottom come under the protection at the next hourly run', async () => {
    const sheet = wb.sheet(REGISTER);
    const newRow = sheet.maxRows + 1;
    sheet.insertRows(newRow, 3, 'none');
    const id = wb.registerColumn('Request ID');
    expect(await canType(TECH, REGISTER, newRow, id)).toBe(true);
    expectOk((await runHourly(wb))[0]!);
    expect(await canType(TECH, REGISTER, newRow, id)).toBe(false);
    expect(await canType(TECH, REGISTER, newRow, wb.registerColumn('Progress Notes'))).toBe(true);
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
      expect(await canTypeIn(old, TECH, SHEET_NAMES.changeLog)).toBe(false);
      expect(await canTypeIn(old, SUPERVISOR, SHEET_NAMES.changeLog)).toBe(true);
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
