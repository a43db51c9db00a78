/**
 * A formula typed into a work-order cell. Sheets computes it, and the trigger judges what it computes;
 * but a formula can compute, today, the value the cell already had (a change of nothing, which writes
 * nothing) and something else later, where no edit event fires: a Status that turns to "Completed" on
 * a date, a note that becomes a link. The cells such an edit covers are written back as text, so what
 * the register shows is what was judged and logged. (The formulas below compute "" today, in Sheets
 * and in the local runtime, which computes formulas as they are read.)
 */
import { TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, logFor, onlyExecution, rowOf, type } from '../../support/edits';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

function formulaAt(id: string, header: string): string {
  const sheet = wb.sheet(REGISTER);
  return sheet.formulas.get(rowOf(wb, id) - 1, wb.registerColumn(header) - 1) ?? '';
}

const LATER = '=IF(TODAY()>DATE(2030,1,1),"Completed — details at http://evil.example","")';

test('a formula computing the cell’s own value today, typed on another technician’s order, does not stay', async () => {
  const theirs = await assignedOrder(wb, TECH2);
  const mark = logFor(wb, theirs).length;
  onlyExecution(
    (await wb.edit(TECH, REGISTER, rowOf(wb, theirs), wb.registerColumn('Progress Notes'), [[LATER]]))
      .executions,
  );
  expect(formulaAt(theirs, 'Progress Notes')).toBe('');
  expect(wb.order(theirs).notes).toBe('');
  expect(logFor(wb, theirs).slice(mark)).toEqual([]);
});

test('so does one typed by the assignee into their own Reason, and one pasted over several cells', async () => {
  const mine = await assignedOrder(wb, TECH);
  await type(wb, TECH, mine, 'Reason', LATER);
  expect(formulaAt(mine, 'Reason')).toBe('');
  const row = rowOf(wb, mine);
  const notes = wb.registerColumn('Progress Notes');
  const results = wb.registerColumn('Results');
  const [from, to] = notes < results ? [notes, results] : [results, notes];
  const line = Array.from({ length: to - from + 1 }, (_, i) =>
    from + i === notes || from + i === results
      ? LATER
      : String(wb.sheet(REGISTER).valueAt(row, from + i) ?? ''),
  );
  onlyExecution((await wb.edit(TECH, REGISTER, row, from, [line])).executions);
  expect([formulaAt(mine, 'Progress Notes'), formulaAt(mine, 'Results')]).toEqual(['', '']);
  expect(wb.order(mine).status).toBe('Assigned');
});

test('negative control: a formula in a column of the organization’s own is left alone', async () => {
  const mine = await assignedOrder(wb, TECH);
  const sheet = wb.sheet(REGISTER);
  const own = sheet.lastColumn() + 1;
  sheet.writeValues(1, own, [['Our notes']]);
  onlyExecution((await wb.edit(TECH, REGISTER, rowOf(wb, mine), own, [['=1+1']])).executions);
  expect(sheet.formulas.get(rowOf(wb, mine) - 1, own - 1)).toBe('=1+1');
});
