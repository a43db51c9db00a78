/**
 * A register column deleted by hand. Status, Progress Notes and the other columns people type in are
 * not protected, so any editor may delete one: every order's value goes with it. The add-on stops with
 * "an administrator can run Set up work orders to add it back; no data is lost", and setup restores
 * the header at the end: the values come back from each row's record, so that is true. Edits in the
 * restored columns are judged at once: the header the edit trigger remembered (read while the column
 * was gone) ends before them, and no row's cells could tell it was stale.
 */
import { ADMIN, TECH, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, logFor, type } from '../../support/edits';
import { verifyLog } from '../../support/audit';

let wb: TestWorkbook;
let orders: string[];
beforeAll(async () => {
  wb = await setUpWorkbook();
  orders = [await assignedOrder(wb, TECH), await assignedOrder(wb, TECH2), await assignedOrder(wb, TECH)];
  await type(wb, TECH, orders[0]!, 'Status', 'In Progress');
  // Longer than a row's whole record (150 bytes): kept only as a print, whatever the row's dates take.
  await type(
    wb,
    TECH,
    orders[0]!,
    'Progress Notes',
    `'=HYPERLINK("x") stays text, ${'and the rest of a long note '.repeat(6)}`,
  );
  await type(wb, TECH2, orders[1]!, 'Progress Notes', '7');
}, 60_000);
afterAll(() => wb.close());

test('Status and Progress Notes deleted: setup fills them back from each row’s record, text kept as text', async () => {
  const before = orders.map((id) => wb.order(id));
  const sheet = wb.sheet(REGISTER);
  sheet.deleteColumns(wb.registerColumn('Status'), 1);
  sheet.deleteColumns(wb.registerColumn('Progress Notes'), 1);
  const verify = await wb.menu(ADMIN, 'verifyAuditLog');
  expect(verify.error?.message).toMatch(/no "Status".*column.*Set up work orders/);

  const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
  // Every status comes back (a record keeps it whole); a note the record keeps only as a print
  // (the first order's note is longer than the record can hold) is named instead.
  expect(summary).toMatch(/filled 4 cell\(s\) of the restored column\(s\)/);
  expect(summary).toMatch(/1 text\(s\) of the restored column\(s\) could not be filled in.*Change Log/);
  for (const [i, id] of orders.entries()) expect(wb.order(id).status).toBe(before[i]!.status);
  expect(orders.map((id) => wb.order(id).notes)).toEqual(['', '7', '']);
  expect(logFor(wb, orders[0]!).find((e) => e.field === 'Progress Notes')?.new).toBe(before[0]!.notes);
  expect(verifyLog(wb).ok).toBe(true);
  const again = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
  expect(again).not.toMatch(/filled/);
});

test('the orders take edits as before, judged against what they held', async () => {
  const [mine, theirs] = orders as [string, string];
  await type(wb, TECH, mine, 'Status', 'On Hold');
  await type(wb, TECH, mine, 'Reason', 'Waiting for parts');
  await type(wb, TECH, mine, 'Status', 'On Hold');
  expect(wb.order(mine).status).toBe('On Hold');
  expect(
    logFor(wb, mine)
      .filter((e) => e.field === 'Status')
      .at(-1),
  ).toMatchObject({
    user: TECH,
    old: 'In Progress',
    new: 'On Hold',
  });
  await type(wb, TECH, theirs, 'Status', 'Completed');
  expect(wb.order(theirs).status).toBe('Assigned');
  expect(logFor(wb, theirs).at(-1)).toMatchObject({ user: TECH, field: 'Status (refused)' });
});
