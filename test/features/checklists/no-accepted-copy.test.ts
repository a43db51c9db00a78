/**
 * A refused paste on the Checklists tab when Work Orders keeps no accepted copy of it (its document
 * property gone), through dist/Code.js: with nothing to put back from, the rows stand as typed, with a
 * note, toast and log line saying they were refused and not put back and what to do (Undo), where the
 * tab was "put back" from an empty grid, blanking every row (and the header) under a note saying
 * "Work Orders put this back".
 */
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { toastsOf } from '../../support/edits';
import { ELECTRICAL_CHECKLIST, typeChecklists } from './helpers';

const TAB = 'Checklists';
let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  expectOk(await typeChecklists(wb, ELECTRICAL_CHECKLIST));
  wb.rt.world.properties.document(wb.ssId).delete(PROPERTY_KEYS.acceptedChecklists);
}, 60_000);
afterAll(() => wb.close());

/** The tab's rows as text (Sheets reads a typed "1" as a number). */
const rowsAt = (from: number, to: number): string[][] =>
  wb
    .values(TAB)
    .slice(from, to)
    .map((row) => row.map(String));

const noteAt = (row: number, column: number): string =>
  wb.sheet(TAB).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';

test('a refused paste with no copy stands as typed, and its note, toast and log line say so and what to do', async () => {
  const pasted = [
    ['Nowhere', 'Check the thing', 'maybe', '1'],
    ['Nowhere', 'Check it again', 'maybe', '2'],
  ];
  expectOk((await wb.edit(ADMIN, TAB, 2, 1, pasted)).executions[0]!);
  expect(rowsAt(0, 4)).toEqual([
    ['Category', 'Item', 'Required', 'Order'],
    ...pasted,
    ELECTRICAL_CHECKLIST[2],
  ]);
  const note = noteAt(2, 1);
  expect(note).toMatch(/^Work Orders could not put this back \(/);
  expect(note).toContain('use Undo (Ctrl+Z) to bring back what was there, or type the rows again');
  const toast = toastsOf(wb, ADMIN).at(-1) ?? '';
  expect(toast).toMatch(
    /^The Checklists tab: this edit was refused but not put back: Checklists row 2: Category "Nowhere"/,
  );
  expect(toast).toMatch(/use Undo \(Ctrl\+Z\)/);
  const log = wb.changeLogEntries().filter((e) => e.recordId === TAB);
  expect(log.at(-1)?.field).toBe('D3 (refused, not put back)');
  expect(log.at(-1)?.oldValue).toBe('(not known)');
});

test('with no copy, a valid paste is accepted on its own rows and the copy is kept again', async () => {
  const rows = [
    ['Electrical', 'Isolate the circuit', 'Yes', '1'],
    ['Electrical', 'Test with a voltage tester', 'Yes', '2'],
  ];
  expectOk((await wb.edit(ADMIN, TAB, 2, 1, rows)).executions[0]!);
  expect(rowsAt(1, 4)).toEqual(ELECTRICAL_CHECKLIST);
  expect(wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.acceptedChecklists)).not.toBeNull();
  // With the copy back, a refused edit is put back as before.
  expectOk((await wb.edit(ADMIN, TAB, 2, 1, [['Nowhere']])).executions[0]!);
  expect(wb.values(TAB)[1]?.[0]).toBe('Electrical');
  expect(noteAt(2, 1)).toMatch(/^Work Orders put this back \(/);
});

test('a tab too large to keep a copy of drops the copy, and a refused paste on it stands as typed', async () => {
  const many = Array.from({ length: 1600 }, (_, i) => [
    'Electrical',
    `Inspect panel ${i} and record the reading on the inspection sheet`,
    'No',
    String(i + 10),
  ]);
  wb.sheet(TAB).insertRows(5, many.length + 10, 'none');
  expectOk((await wb.edit(ADMIN, TAB, 5, 1, many)).executions[0]!);
  expect(wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.acceptedChecklists)).toBeNull();
  const pasted = [['Nowhere', 'Check the thing', 'maybe', '1']];
  expectOk((await wb.edit(ADMIN, TAB, 6, 1, pasted)).executions[0]!);
  expect(rowsAt(5, 7)).toEqual([...pasted, many[2]!.map(String)]);
  expect(noteAt(6, 1)).toMatch(/^Work Orders could not put this back \(/);
}, 60_000);

test('a copy that cannot be written (the store full) is dropped, never left standing for the tab as it was', async () => {
  const fresh = await setUpWorkbook();
  try {
    expectOk(await typeChecklists(fresh, ELECTRICAL_CHECKLIST));
    const store = fresh.rt.world.properties.document(fresh.ssId);
    expect(store.get(PROPERTY_KEYS.acceptedChecklists)).not.toBeNull();
    // Fill the document's store to within 1 KB of its 500 KB, in values under the 9 KB each one may hold.
    for (let i = 0; store.usedBytes < 500 * 1024 - 1024; i++) {
      const room = 500 * 1024 - 1024 - store.usedBytes;
      store.setAll({ [`filler.${i}`]: 'x'.repeat(Math.max(1, Math.min(8 * 1024, room - 20))) });
    }
    // Accepted rows whose longer copy no longer fits (items of up to 200 characters each).
    const rows = Array.from({ length: 10 }, (_, n) => [
      'Electrical',
      `Label breaker ${n + 1} ${'and note its circuit '.repeat(8)}`.slice(0, 190),
      'No',
      String(n + 4),
    ]);
    await fresh.edit(ADMIN, TAB, ELECTRICAL_CHECKLIST.length + 2, 1, rows);
    expect(fresh.values(TAB).length).toBe(ELECTRICAL_CHECKLIST.length + 1 + rows.length);
    expect(store.get(PROPERTY_KEYS.acceptedChecklists)).toBeNull();
  } finally {
    fresh.close();
  }
}, 60_000);
