/**
 * An administrator corrects a refused Staff or Settings edit, as people do: types a bad value, reads
 * the note, types a good one. The good one stands without the old "put this back" note beside it; a
 * note of their own stays; and only the change that stands is a revision of the procedure.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { findRevisionTable } from '../../../src/core/procedure';
import { ADMIN, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { onlyExecution, toastsOf } from '../../support/edits';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

const STAFF = SHEET_NAMES.staff;
const SETTINGS = SHEET_NAMES.settings;

function noteAt(sheet: string, row: number, column: number): string {
  return wb.sheet(sheet).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
}

async function edit(sheet: string, row: number, column: number, values: string[][]) {
  return onlyExecution((await wb.edit(ADMIN, sheet, row, column, values)).executions);
}

const revisions = () => findRevisionTable(wb.values(SHEET_NAMES.procedure))?.rows.map((r) => r[0]) ?? [];

test('Staff: a new technician typed with a role typo, then right, stands without the refusal note', async () => {
  const row = wb.sheet(STAFF).lastRow() + 1;
  await edit(STAFF, row, 1, [['nina.new@example.com', 'Nina New', 'Tech', 'TRUE']]);
  expect(wb.sheet(STAFF).valueAt(row, 1)).toBe('');
  expect(noteAt(STAFF, row, 3)).toMatch(/^Work Orders put this back .*Role "Tech" is not one of/);

  await edit(STAFF, row, 1, [['nina.new@example.com', 'Nina New', 'Technician', 'TRUE']]);
  expect(wb.values(STAFF)[row - 1]?.slice(0, 3)).toEqual(['nina.new@example.com', 'Nina New', 'Technician']);
  for (let column = 1; column <= 4; column++) expect(noteAt(STAFF, row, column)).toBe('');
});

test('Settings: a refused value is no revision; the corrected one is, and its cell loses the note', async () => {
  const values = wb.values(SETTINGS);
  const header = values[0] ?? [];
  const row = values.findIndex((r) => r[header.indexOf('Setting')] === 'digestHour') + 1;
  const column = header.indexOf('Value') + 1;
  const before = revisions();
  const toasts = toastsOf(wb, ADMIN).length;

  await edit(SETTINGS, row, column, [['25']]);
  expect(wb.sheet(SETTINGS).valueAt(row, column)).toBe(7);
  expect(noteAt(SETTINGS, row, column)).toMatch(/^Work Orders put this back .*"25" is not a valid value/);
  expect(revisions()).toEqual(before);
  expect(toastsOf(wb, ADMIN).slice(toasts).join(' ')).not.toMatch(/Recorded as revision/);

  // A note of the administrator's own, elsewhere in the edited block, is theirs: it stays.
  wb.sheet(SETTINGS).setNote(row, column + 1, 'Ask Sam first');
  await edit(SETTINGS, row, column, [['6', 'Hour of the day for the digest.']]);
  expect(wb.sheet(SETTINGS).valueAt(row, column)).toBe(6);
  expect(noteAt(SETTINGS, row, column)).toBe('');
  expect(noteAt(SETTINGS, row, column + 1)).toBe('Ask Sam first');
  expect(revisions()).toEqual([...before, `1.${before.length}`]);
  expect(toastsOf(wb, ADMIN).at(-1)).toMatch(/Recorded as revision 1\.\d+ on the Procedure tab/);
});
