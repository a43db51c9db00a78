/**
 * A supervisor types an Asset ID into an order's Asset cell (the register's Asset column). Only an asset
 * the Assets tab lists and keeps in service is taken, spelled as the tab spells it: a made-up id or a
 * retired asset's would put the order's history (asset history, repeat failures) on an asset the
 * maintenance program does not have. A refused one is put back with a note saying why and what to do.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { approvedOrder, cell, noteAt, type } from '../../support/edits';
import { ADMIN, SUPERVISOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
let id: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  (
    await wb.edit(ADMIN, SHEET_NAMES.assets, 2, 1, [
      ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
      ['OLD-09', 'Old chiller', 'Main Building', 'HVAC', 'Low', 'FALSE'],
    ])
  ).executions.forEach(expectOk);
  id = await approvedOrder(wb);
}, 60_000);
afterAll(() => wb.close());

test('an id not on the Assets tab is put back, with a note naming the tab', async () => {
  await type(wb, SUPERVISOR, id, 'Asset', 'MADE-UP-1');
  expect(cell(wb, id, 'Asset')).toBe('');
  expect(wb.order(id).asset).toBe('');
  expect(noteAt(wb, id, 'Asset')).toMatch(
    /Asset "MADE-UP-1" is not on the Assets tab: type an Asset ID listed there/,
  );
});

test('a retired asset is put back, saying it is retired', async () => {
  await type(wb, SUPERVISOR, id, 'Asset', 'OLD-09');
  expect(wb.order(id).asset).toBe('');
  expect(noteAt(wb, id, 'Asset')).toMatch(/Asset OLD-09 is retired \(Active is FALSE on the Assets tab\)/);
});

test('a listed asset in service is taken, spelled as the Assets tab spells it', async () => {
  await type(wb, SUPERVISOR, id, 'Asset', 'pump-01');
  expect(wb.order(id).asset).toBe('PUMP-01');
  expect(cell(wb, id, 'Asset')).toBe('PUMP-01');
});
