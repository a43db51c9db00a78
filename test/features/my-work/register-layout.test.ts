/**
 * The register as the people who edit it see it: the add-on's own columns hidden (found by header,
 * wherever an administrator moved them), every date in the one date-time format; setup run again on a
 * workbook in use changes no value.
 */
import { REGISTER_COLUMNS, SHEET_NAMES } from '../../../src/core/model';
import { REGISTER_FIELD_ORDER } from '../../../src/core/register-order';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrders } from './helpers';

const HIDDEN = [
  'Decided By',
  'Decided At',
  'Assigned At',
  'Started At',
  'Closed By',
  'Closed At',
  'On Hold Since',
  'Response Row',
  'Revision',
];

function hiddenHeaders(wb: TestWorkbook): string[] {
  const sheet = wb.sheet(SHEET_NAMES.register);
  const header = (wb.values(SHEET_NAMES.register)[0] ?? []).map(String);
  return header.filter((_, i) => sheet.hiddenColumns.has(i + 1));
}

describe('the register’s presentation', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    await assignedOrders(wb, [TECH, TECH]);
  });
  afterAll(() => wb.close());

  test('a new register puts the technician’s columns beside Status and every field once', () => {
    const header = (wb.values(SHEET_NAMES.register)[0] ?? []).map(String);
    expect(header.slice(0, 7)).toEqual([
      'Request ID',
      'WO Number',
      'Status',
      'Progress Notes',
      'Results',
      'Actions Taken',
      'Reason',
    ]);
    expect([...REGISTER_FIELD_ORDER].sort()).toEqual(Object.keys(REGISTER_COLUMNS).sort());
  });

  test('a new register hides the add-on’s own columns and shows dates as 2026-03-06 17:05:00', () => {
    expect(hiddenHeaders(wb).sort()).toEqual([...HIDDEN, 'Last Known State'].sort());
    for (const visible of ['Status', 'Progress Notes', 'Results', 'Actions Taken', 'Reason', 'Due'])
      expect(hiddenHeaders(wb)).not.toContain(visible);
    const sheet = wb.sheet(SHEET_NAMES.register);
    for (const header of ['Due', 'Requested At', 'Completed At'])
      expect(sheet.numberFormatAt(2, wb.registerColumn(header))).toBe('yyyy-mm-dd hh:mm:ss');
    expect(sheet.numberFormatAt(2, wb.registerColumn('Status'))).not.toBe('yyyy-mm-dd hh:mm:ss');
  });

  test('setup on a register in use finds the columns by header, hides them again and changes no value', async () => {
    const sheet = wb.sheet(SHEET_NAMES.register);
    // An administrator showed every column again.
    for (const column of [...sheet.hiddenColumns.keys()]) sheet.hiddenColumns.delete(column);
    const before = wb.values(SHEET_NAMES.register);
    const record = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    expect(String(record.value)).toMatch(/hid the add-on's own register columns \(Decided By, .*Revision\)/);
    expect(hiddenHeaders(wb).sort()).toEqual([...HIDDEN, 'Last Known State'].sort());
    expect(wb.values(SHEET_NAMES.register)).toEqual(before);
    // Already in place: a third run reports nothing about them.
    expect(String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value)).not.toMatch(/hid the add-on/);
  });
});
