/**
 * A register paste that spans system columns, by a technician or a supervisor (both may write them:
 * their sidebars run as them), that changes an id, a number or a stamp — another order's row pasted
 * over one's own — is put back whole, so no order vanishes and no Request ID is duplicated.
 */
import { REGISTER_COLUMNS } from '../../../src/core/model';
import { SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, logFor, rowOf, toastsOf } from '../../support/edits';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

test.each([TECH, SUPERVISOR])(
  "another order's whole row pasted over one's own by %s is put back whole",
  async (user) => {
    const mine = await assignedOrder(wb, TECH, { description: 'Mine' });
    const other = await assignedOrder(wb, TECH, { description: 'Other' });
    const width = Object.keys(REGISTER_COLUMNS).length;
    const source = wb
      .sheet(REGISTER)
      .readDisplayValues({ row: rowOf(wb, other), column: 1, numRows: 1, numColumns: width });
    source[0]![wb.registerColumn('Status') - 1] = 'Closed';
    const before = wb.register().map((r) => r.order);

    const toasts = toastsOf(wb, user).length;
    const outcome = await wb.edit(user, REGISTER, rowOf(wb, mine), 1, source);
    outcome.executions.forEach(expectOk);
    expect(wb.register().map((r) => r.order)).toEqual(before);
    const ids = wb.register().map((r) => r.order.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(toastsOf(wb, user).slice(toasts).join(' ')).toMatch(/put back whole/);
    const refused = logFor(wb, mine)
      .filter((r) => r.user === user)
      .map((r) => r.field);
    expect(refused).toEqual(expect.arrayContaining(['Request ID (refused)', 'Status (refused)']));
  },
);
