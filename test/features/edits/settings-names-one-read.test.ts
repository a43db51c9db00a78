/**
 * One Settings edit that takes off both a Category open orders still carry and a Location they still
 * name, through dist/Code.js: both warnings come in the one toast and in notes on their cells, from one
 * read of the register (the two checks used to read it once each).
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { approvedOrder, onlyExecution, toastsOf } from '../../support/edits';
import { ADMIN, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const SETTINGS = SHEET_NAMES.settings;
let wb: TestWorkbook;
/** Approved: Plumbing, at Main Building. */
let open: string;

beforeAll(async () => {
  wb = await setUpWorkbook();
  open = await approvedOrder(wb);
}, 120_000);
afterAll(() => wb.close());

const noteAt = (row: number, column: number): string =>
  wb.sheet(SETTINGS).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';

/** The edit's toast, and how many times it read the register's cells. */
async function edit(row: number, column: number, values: string[][]) {
  const register = wb.sheet(SHEET_NAMES.register);
  const reads = jest.spyOn(register, 'readValues');
  const seen = toastsOf(wb, ADMIN).length;
  try {
    onlyExecution((await wb.edit(ADMIN, SETTINGS, row, column, values)).executions);
    return { toast: toastsOf(wb, ADMIN).slice(seen).join(' | '), registerReads: reads.mock.calls.length };
  } finally {
    reads.mockRestore();
  }
}

test('a category and a location dropped in one paste: the register read as for one, both told', async () => {
  expect(wb.order(open)).toMatchObject({ category: 'Plumbing', location: 'Main Building' });
  const header = wb.values(SETTINGS)[0] ?? [];
  const [category, location] = [header.indexOf('Category') + 1, header.indexOf('Location') + 1];
  expect(location).toBe(category + 1);
  const rows = wb.values(SETTINGS).map((r) => [String(r[category - 1]), String(r[location - 1])]);
  const plumbing = rows.findIndex((r) => r[0] === 'Plumbing') + 1;
  const main = rows.findIndex((r) => r[1] === 'Main Building') + 1;
  // A category alone: the register's header and its columns, read once.
  const alone = await edit(plumbing, category, [['Plumbing & Drains']]);
  expect(alone.toast).toContain('Category "Plumbing" is no longer on the Settings tab');
  expect(alone.registerReads).toBeGreaterThan(0);
  await edit(plumbing, category, [['Plumbing']]);

  const top = Math.min(plumbing, main);
  const block = [plumbing, main].sort((a, b) => a - b);
  const values = Array.from({ length: block[1]! - top + 1 }, (_, i) => rows[top - 1 + i]!.slice());
  values[plumbing - top]![0] = 'Plumbing & Drains';
  values[main - top]![1] = 'Main Hall';
  const both = await edit(top, category, values);
  expect(both.registerReads).toBe(alone.registerReads);
  expect(both.toast).toContain('Category "Plumbing" is no longer on the Settings tab, but 1 open work order');
  expect(both.toast).toContain(
    'Location "Main Building" is no longer on the Settings tab; still naming it: 1 open work order',
  );
  expect(noteAt(plumbing, category)).toContain('Category "Plumbing" is no longer on the Settings tab');
  expect(noteAt(main, location)).toContain('Location "Main Building" is no longer on the Settings tab');
});
