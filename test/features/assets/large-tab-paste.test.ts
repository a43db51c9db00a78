/**
 * A bad paste on an Assets tab too large for Work Orders to keep a copy of (about 1,600 assets),
 * through dist/Code.js: the refused rows cannot be put back, so they stand as typed with a note and a
 * toast saying so and what to do (Undo), where the cells were blanked (the assets pasted over lost)
 * under a note saying "Work Orders put this back".
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { toastsOf } from '../../support/edits';

const ASSETS = SHEET_NAMES.assets;
const COUNT = 1600;
let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  const rows = Array.from({ length: COUNT }, (_, i) => [
    `PUMP-${String(i).padStart(4, '0')}`,
    `Boiler feed pump number ${i} in the plant room, second floor`,
    'Main Building',
    'Plumbing',
    'High',
    'TRUE',
  ]);
  wb.sheet(ASSETS).insertRows(2, COUNT + 10, 'none');
  (await wb.edit(ADMIN, ASSETS, 2, 1, rows)).executions.forEach(expectOk);
}, 60_000);
afterAll(() => wb.close());

const noteAt = (row: number, column: number): string =>
  wb.sheet(ASSETS).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';

test('a refused paste with no copy to put back stands as typed, and the note and toast say so and what to do', async () => {
  const pasted = [
    ['BAD ID', 'Spare pump', 'Nowhere', '', '', 'maybe'],
    ['ALSO BAD', 'Spare fan', 'Nowhere', '', '', 'maybe'],
  ];
  (await wb.edit(ADMIN, ASSETS, 2, 1, pasted)).executions.forEach(expectOk);
  expect(wb.values(ASSETS).slice(1, 3)).toEqual(pasted);
  expect(wb.values(ASSETS)[3]?.[0]).toBe('PUMP-0002');
  const note = noteAt(2, 1);
  expect(note).toMatch(/^Work Orders could not put this back \(/);
  expect(note).toContain(
    'Work Orders has no copy of what these cells held, so they stand as typed and the add-on ignores these rows: ' +
      'use Undo (Ctrl+Z) to bring back what was there, or type the rows again with accepted values.',
  );
  const toast = toastsOf(wb, ADMIN).at(-1) ?? '';
  expect(toast).toMatch(/^Assets: 2 row\(s\) refused but not put back: Assets row 2: Asset ID "BAD ID"/);
  expect(toast).toMatch(/use Undo \(Ctrl\+Z\)/);
  expect(toast).not.toMatch(/row\(s\) put back/);
  const log = wb.changeLogEntries().filter((e) => e.recordId === ASSETS);
  expect(log.at(-1)?.field).toBe('Row 3 (refused, not put back)');
});
