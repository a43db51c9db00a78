/**
 * A refused paste of several Assets rows, through dist/Code.js: its cells are put back in one write of
 * values and one of notes per run of consecutive refused rows, where each refused row had two calls of
 * its own (a 6-row paste: 12 writes, now 2); the cells written, and what they get back, are the same.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { onlyExecution } from '../../support/edits';

const ASSETS = SHEET_NAMES.assets;
const good = (i: number): string[] => [
  `PUMP-0${i}`,
  `Pump ${i}`,
  'Main Building',
  'Plumbing',
  'High',
  'TRUE',
];
const bad = (i: number): string[] => [
  `PUMP-0${i}`,
  `Pump ${i}`,
  'Main Building',
  'Plumbing',
  'Catastrophic',
  'TRUE',
];
let wb: TestWorkbook;

beforeAll(async () => {
  wb = await setUpWorkbook();
  const rows = [1, 2, 3, 4, 5, 6].map(good);
  onlyExecution((await wb.edit(ADMIN, ASSETS, 2, 1, rows)).executions);
}, 60_000);
afterAll(() => wb.close());

/** The paste's writes of values (one of them the Change Log's lines) and of notes. */
async function paste(rows: string[][]): Promise<{ values: number; notes: number }> {
  const record = expectOk(onlyExecution((await wb.edit(ADMIN, ASSETS, 2, 1, rows)).executions));
  return {
    values: record.stats.calls['Range.setValues'] ?? 0,
    notes: record.stats.calls['Range.setNotes'] ?? 0,
  };
}

const noteAt = (row: number): string =>
  wb.sheet(ASSETS).readNotes({ row, column: 5, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';

test('six consecutive refused rows are put back in one write of values and one of notes', async () => {
  expect(await paste([1, 2, 3, 4, 5, 6].map(bad))).toEqual({ values: 1 + 1, notes: 1 });
  expect(wb.values(ASSETS).slice(1, 7)).toEqual(
    [1, 2, 3, 4, 5, 6].map(good).map((r) => [...r.slice(0, 5), true]),
  );
  for (const row of [2, 3, 4, 5, 6, 7]) expect(noteAt(row)).toMatch(/^Work Orders put this back \(/);
});

test('refused rows around an accepted one are put back in one write per run of rows', async () => {
  const rows = [
    bad(1),
    bad(2),
    ['PUMP-03', 'Pump three', 'Main Building', 'Plumbing', 'High', 'TRUE'],
    bad(4),
  ];
  expect(await paste(rows)).toEqual({ values: 2 + 1, notes: 2 });
  const values = wb.values(ASSETS);
  expect(values.slice(1, 5).map((r) => [r[1], r[4]])).toEqual([
    ['Pump 1', 'High'],
    ['Pump 2', 'High'],
    ['Pump three', 'High'],
    ['Pump 4', 'High'],
  ]);
  expect(noteAt(4)).toBe('');
  expect(noteAt(5)).toMatch(/^Work Orders put this back \(/);
});
