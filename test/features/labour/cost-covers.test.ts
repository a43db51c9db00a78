/**
 * Report: Cost says truly what it covers, through dist/Code.js: its entries are counted with the
 * orders they were recorded on, not with every order in the register (one entry on one of three
 * orders read "on 3 work orders").
 */
import { COST_TAB } from '../../../src/core/reports/cost';
import { MANAGER, TECH, TECH2, expectOk, setUpWorkbook } from '../../support/workbook';
import { assignedOrders } from '../my-work/helpers';
import { record } from '../checklists/helpers';

test('Report: Cost names how many orders its entries were recorded on, of those in the register', async () => {
  const wb = await setUpWorkbook();
  try {
    const [id] = await assignedOrders(wb, [TECH, TECH2, TECH2]);
    const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    expect(await record(wb, TECH, { kind: 'time', id, date: day, hours: 1.5 })).toMatchObject({ ok: true });
    expect(
      await record(wb, TECH, { kind: 'part', id, part: 'Fuse', quantity: 2, unitCost: 3 }),
    ).toMatchObject({ ok: true });
    expectOk(await wb.menu(MANAGER, 'buildReports'));
    const covers = wb.values(COST_TAB).find((r) => r[0] === 'Covers');
    expect(covers?.[1]).toBe(
      '1 time entry and 1 part line, recorded on 1 of the 3 work orders in the register',
    );
  } finally {
    wb.close();
  }
});
