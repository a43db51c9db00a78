/**
 * Pastes and fills over many rows carry no old value. Every row is still judged against its
 * Last Known State: legal changes applied and logged one row each, illegal ones put back with a note,
 * in at most six Spreadsheet calls for a 50-row paste. Also: whole rows pasted back unchanged but for
 * one cell, a paste over the hidden state column, and typing into a row that is no work order.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { entriesOfRows } from '../../../src/core/change-log-row';
import { ADMIN, SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, calls, logFor, onlyExecution, rowOf, toastsOf } from '../../support/edits';

let wb: TestWorkbook;
let ids: string[] = [];
/** i % 5 === 4 belongs to TECH2, the rest to TECH. */
const ownerOf = (i: number): string => (i % 5 === 4 ? TECH2 : TECH);

beforeAll(async () => {
  wb = await setUpWorkbook();
  for (let i = 0; i < 50; i++) ids.push(await assignedOrder(wb, ownerOf(i), { description: `Job ${i}` }));
  ids = ids.sort((a, b) => rowOf(wb, a) - rowOf(wb, b));
}, 120_000);
afterAll(() => wb.close());

const column = (header: string): number => wb.registerColumn(header);
const notesOf = (header: string): string[] =>
  wb
    .sheet(REGISTER)
    .readNotes({ row: 2, column: column(header), numRows: 50, numColumns: 1 })
    .map((r) => r[0] ?? '');

function paste(user: string, header: string, values: string[][]) {
  return wb.edit(user, REGISTER, rowOf(wb, ids[0] as string), column(header), values);
}

test('the 50 orders sit on rows 2 to 51, in order', () => {
  expect(ids.map((id) => rowOf(wb, id))).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
});

test('a 50-row Status paste mixing legal and illegal changes: each row judged, one log row per order changed', async () => {
  const intent = (i: number): string =>
    ['In Progress', 'Completed', 'Assigned', 'On Hold', 'In Progress'][i % 5] as string;
  const logBefore = wb.changeLog().length;
  const toastsBefore = toastsOf(wb, TECH).length;
  const record = onlyExecution(
    (
      await paste(
        TECH,
        'Status',
        ids.map((_, i) => [intent(i)]),
      )
    ).executions,
  );

  expect(calls(record)).toBeLessThanOrEqual(6);
  const notes = notesOf('Status');
  ids.forEach((id, i) => {
    const order = wb.order(id);
    if (i % 5 === 0) {
      expect(order.status).toBe('In Progress'); // legal: the assignee starts it
      expect(order.startedAt).toBeInstanceOf(Date);
      expect(notes[i]).toBe('');
    } else if (i % 5 === 2) {
      expect(order.status).toBe('Assigned'); // unchanged
      expect(notes[i]).toBe('');
    } else {
      expect(order.status).toBe('Assigned'); // put back
      expect(order.startedAt).toBeNull();
      expect(notes[i]).toMatch(
        i % 5 === 4 ? /Only the assignee or a supervisor/ : /skips a step: start it first/,
      );
    }
  });
  const rows = wb.changeLog().slice(logBefore);
  // 10 starts (Status + Started At on one row each) and 30 refusals; nothing for the 10 unchanged rows.
  expect(rows).toHaveLength(10 + 30);
  const entries = entriesOfRows(rows);
  for (const [i, id] of ids.entries()) {
    const mine = entries.filter((e) => e.recordId === id).map((e) => e.field);
    if (i % 5 === 0) expect(mine).toEqual(['Status', 'Started At']);
    else if (i % 5 === 2) expect(mine).toEqual([]);
    else expect(mine).toEqual(['Status (refused)']);
  }
  expect(entries.every((e) => e.user === TECH && e.source === 'sheet edit')).toBe(true);
  const toasts = toastsOf(wb, TECH).slice(toastsBefore);
  expect(toasts).toHaveLength(1);
  expect(toasts[0]).toMatch(/30 change\(s\) were undone/);
});

test('a 50×3 paste of Results, Actions Taken and Reason: the assignee’s rows kept, TECH2’s put back', async () => {
  const logBefore = wb.changeLog().length;
  const values = ids.map((_, i) => [`Result ${i}`, `Action ${i}`, `Reason ${i}`]);
  const record = onlyExecution((await paste(TECH, 'Results', values)).executions);
  expect(calls(record)).toBeLessThanOrEqual(6);
  ids.forEach((id, i) => {
    const order = wb.order(id);
    if (ownerOf(i) === TECH)
      expect(order).toMatchObject({ results: `Result ${i}`, actions: `Action ${i}`, reason: `Reason ${i}` });
    else expect(order).toMatchObject({ results: '', actions: '', reason: '' });
  });
  const rows = wb.changeLog().slice(logBefore);
  // One row per order: three changes kept on each of TECH's 40, three refused on each of TECH2's 10.
  expect(rows).toHaveLength(50);
  const entries = entriesOfRows(rows);
  expect(entries).toHaveLength(40 * 3 + 10 * 3);
  expect(entries.filter((e) => e.field.endsWith('(refused)'))).toHaveLength(30);
});

test('a fill of Completed down the column completes exactly the started orders', async () => {
  const before = ids.map((id) => wb.order(id));
  const record = onlyExecution(
    (
      await paste(
        TECH,
        'Status',
        ids.map(() => ['Completed']),
      )
    ).executions,
  );
  expect(calls(record)).toBeLessThanOrEqual(6);
  ids.forEach((id, i) => {
    const order = wb.order(id);
    if (i % 5 === 0) {
      expect(order.status).toBe('Completed');
      expect(order.completedAt).toBeInstanceOf(Date);
    } else expect(order).toEqual(before[i]);
  });
});

test('whole visible rows pasted back with one cell changed: only that cell counts', async () => {
  // TECH's orders 2 and 3 are still Assigned. Both accounts may write every register column (their
  // sidebars write the system columns as them), so each paste reaches the trigger, which judges cells.
  for (const [user, i] of [
    [TECH, 2],
    [SUPERVISOR, 3],
  ] as const) {
    const id = ids[i] as string;
    const row = rowOf(wb, id);
    const width = column('Revision');
    const visible =
      wb.sheet(REGISTER).readDisplayValues({ row, column: 1, numRows: 1, numColumns: width })[0] ?? [];
    const edited = [...visible];
    edited[column('Status') - 1] = 'In Progress';
    edited[column('Progress Notes') - 1] = 'Copied the row, changed two cells';
    const logBefore = logFor(wb, id).length;
    onlyExecution((await wb.edit(user, REGISTER, row, 1, [edited])).executions);
    expect(wb.order(id)).toMatchObject({ status: 'In Progress', notes: 'Copied the row, changed two cells' });
    const logged = logFor(wb, id).slice(logBefore);
    expect(logged.map((r) => [r.user, r.field])).toEqual([
      [user, 'Status'],
      [user, 'Started At'],
      [user, 'Progress Notes'],
    ]);
  }
});

test('a technician’s row paste that also changes a supervisor’s column: that cell is put back, the rest counts', async () => {
  const id = ids[6] as string; // TECH's, still Assigned
  const row = rowOf(wb, id);
  const visible =
    wb.sheet(REGISTER).readDisplayValues({ row, column: 1, numRows: 1, numColumns: column('Revision') })[0] ??
    [];
  const priority = wb.order(id).priority;
  const edited = [...visible];
  edited[column('Progress Notes') - 1] = 'Pasted with a new priority';
  edited[column('Priority') - 1] = 'P1 Emergency';
  const logBefore = logFor(wb, id).length;
  onlyExecution((await wb.edit(TECH, REGISTER, row, 1, [edited])).executions);
  expect(wb.order(id)).toMatchObject({ priority, notes: 'Pasted with a new priority' });
  expect(
    wb.sheet(REGISTER).readNotes({ row, column: column('Priority'), numRows: 1, numColumns: 1 })[0]?.[0],
  ).toMatch(/Only a supervisor can change Priority/);
  expect(
    logFor(wb, id)
      .slice(logBefore)
      .map((r) => [r.user, r.field]),
  ).toEqual(
    expect.arrayContaining([
      [TECH, 'Progress Notes'],
      [TECH, 'Priority (refused)'],
    ]),
  );
});

test('a paste that also covers the hidden Last Known State column is put back whole from the change log', async () => {
  const a = ids[7] as string;
  const source = wb.sheet(REGISTER).readDisplayValues({
    row: rowOf(wb, a),
    column: 1,
    numRows: 1,
    numColumns: column('Last Known State'),
  });
  // Technicians' and supervisors' accounts may both write the hidden column (their sidebars keep it up to
  // date as them), so Sheets lets the paste in; the row's record is then the paste's, and the trigger
  // reads what the row held from the change log instead, naming who did it.
  for (const [user, b] of [
    [TECH, ids[8] as string],
    [SUPERVISOR, ids[9] as string],
  ] as const) {
    const before = wb.order(b).description;
    const toastsBefore = toastsOf(wb, user).length;
    const outcome = await wb.edit(user, REGISTER, rowOf(wb, b), 1, source);
    onlyExecution(outcome.executions);
    expect(toastsOf(wb, user).slice(toastsBefore).join(' ')).toMatch(/put back whole/);
    expect(wb.order(b).description).toBe(before);
    expect(wb.register().filter((r) => r.order.id === a)).toHaveLength(1);
    expect(logFor(wb, b).at(-1)).toMatchObject({ field: 'Last Known State (refused)', user });
  }
});

test('typing into a row that is not a work order empties the add-on’s cells', async () => {
  const row = wb.sheet(REGISTER).lastRow() + 1;
  const outcome = await wb.edit(TECH, REGISTER, row, column('Status'), [['In Progress', 'Looked at it']]);
  onlyExecution(outcome.executions);
  const cells = wb.sheet(REGISTER).readValues(row, column('Status'), 1, 2)[0];
  expect(cells).toEqual(['', '']);
  const log = wb.changeLogEntries().filter((e) => e.recordId === `Row ${row}`);
  expect(log.map((e) => e.field)).toEqual(['Status (refused)', 'Progress Notes (refused)']);
  // Typing into a column of the organization's own there is theirs.
  wb.sheet(REGISTER).writeValues(1, column('Last Known State') + 1, [['Our own column']]);
  const own = await wb.edit(ADMIN, REGISTER, row, column('Last Known State') + 1, [['anything']]);
  onlyExecution(own.executions);
  expect(wb.sheet(REGISTER).valueAt(row, column('Last Known State') + 1)).toBe('anything');
  expect(wb.sheet(SHEET_NAMES.register).lastRow()).toBe(row);
});
