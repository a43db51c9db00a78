/**
 * An administrator corrects a refused Checklists row, as people do, through dist/Code.js: types a bad
 * row, reads the note, types it right. The corrected row stands without the old "put this back" note
 * beside it (a value accepted under a note saying it was put back reads as refused), as on the Staff,
 * Settings and Assets tabs; a note of their own on the row stays.
 */
import { ADMIN, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { onlyExecution } from '../../support/edits';

const CHECKLISTS = 'Checklists';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

const notesOfRow = (row: number): string[] =>
  wb.sheet(CHECKLISTS).readNotes({ row, column: 1, numRows: 1, numColumns: 4 })[0] ?? [];

async function type(row: number, cells: string[]) {
  const execution = onlyExecution((await wb.edit(ADMIN, CHECKLISTS, row, 1, [cells])).executions);
  expect(execution.ok).toBe(true);
}

test('a refused row typed right stands without the refusal’s note; an own note stays', async () => {
  await type(2, ['Electrical', 'Isolate the circuit', 'Maybe', '1']);
  expect((wb.values(CHECKLISTS)[1] ?? []).every((v) => v === '')).toBe(true);
  expect(notesOfRow(2)[2]).toMatch(/^Work Orders put this back .*Required is not Yes or No/);

  await type(2, ['Electrical', 'Isolate the circuit', 'Yes', '1']);
  expect(wb.values(CHECKLISTS)[1]).toEqual(['Electrical', 'Isolate the circuit', 'Yes', 1]);
  expect(notesOfRow(2)).toEqual(['', '', '', '']);

  // The administrator's own note on an item is theirs: an accepted edit of it keeps it.
  wb.sheet(CHECKLISTS).setNote(3, 2, 'Ask Sam which tester');
  await type(3, ['Electrical', 'Test with a voltage tester', 'Yes', '2']);
  expect(notesOfRow(3)[1]).toBe('Ask Sam which tester');
});
