/**
 * A Request ID (or WO Number) far past any handed out, written into the register by a script (no edit trigger sees
 * it), must not steer the hourly search for deleted orders: it once made every number up to it a
 * candidate, and the numbers the log showed never created were remembered one bit each in the owner's
 * properties (about 1.6 MB for REQ-9999999, past the 500 KB the owner's properties share with the
 * request counter and the intake ledger). The counters say what was handed out; a deleted order is
 * still found and put back, and intake goes on numbering from its counter, also after Repair work
 * orders rebuilt the counters (it once raised them to the forged numbers).
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, rowOf } from '../../support/edits';
import { runHourly } from '../../support/ops';

let wb: TestWorkbook;
let kept: string;
let deleted: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  kept = await assignedOrder(wb, TECH, { description: 'Keep me' });
  deleted = await assignedOrder(wb, TECH, { description: 'Deleted by hand' });
  (await runHourly(wb, 0)).forEach(expectOk);
  // A script's row: an id no intake issued, on a Closed order nobody made.
  const width = wb.values(SHEET_NAMES.register)[0]!.length;
  const forged = new Array<string>(width).fill('');
  forged[wb.registerColumn('Request ID') - 1] = 'REQ-9999999';
  forged[wb.registerColumn('Status') - 1] = 'Closed';
  forged[wb.registerColumn('Description') - 1] = 'Nothing to see';
  wb.sheet(REGISTER).writeValues(wb.values(SHEET_NAMES.register).length + 1, 1, [forged]);
  wb.sheet(REGISTER).deleteRows(rowOf(wb, deleted), 1);
});
afterAll(() => wb.close());

/** Characters in every one of the installation owner's properties. */
function ownerPropertyChars(): number {
  const store = wb.rt.world.properties.user(ADMIN);
  return store.keys().reduce((n, key) => n + key.length + (store.get(key) ?? '').length, 0);
}

test('the hourly run puts the deleted order back and stores next to nothing about the forged id', async () => {
  const before = ownerPropertyChars();
  const [run] = await runHourly(wb);
  expectOk(run!);
  expect((run!.value as { problems: string[] }).problems).toEqual([]);
  expect(wb.register().map((r) => r.order.id)).toEqual(expect.arrayContaining([kept, deleted]));
  expect(ownerPropertyChars() - before).toBeLessThan(2_000);
});

test('the next request is numbered from the counter, not from the forged id', async () => {
  const submitted = await wb.submit({ description: 'After the forged row' });
  expectOk(submitted.executions[0]!);
  const ids = wb.register().map((r) => r.order.id);
  expect(ids).toContain('REQ-000003');
  expect(ids).not.toContain('REQ-10000000');
});

test('Repair work orders does not number on from forged cells, and the hourly run after it has no problem', async () => {
  const year = new Date(wb.rt.world.clock.now()).getUTCFullYear();
  const last = wb.values(SHEET_NAMES.register).length;
  wb.sheet(REGISTER).writeValues(last, wb.registerColumn('WO Number'), [[`WO-${year}-99999`]]);
  const repaired = expectOk(await wb.menu(ADMIN, 'repairWorkOrders'));
  const said = String(repaired.value);
  expect(said).toMatch(/counters continue after REQ-000003 and WO-\d{4}-00002/);
  // Named only as a row setup would not record (no request to check its cells against).
  expect(said.split('\n').filter((l) => l.includes('9999999'))).toEqual([
    expect.stringMatching(/\(REQ-9999999\) have no "Last Known State" of their own and were not given one/),
  ]);
  const id = await assignedOrder(wb, TECH, { description: 'After the repair' });
  expect(id).toBe('REQ-000004');
  expect(wb.order(id).woNumber).toMatch(new RegExp(`^WO-${year}-0000\\d$`));
  const [run] = await runHourly(wb);
  expectOk(run!);
  expect((run!.value as { problems: string[] }).problems).toEqual([]);
});
