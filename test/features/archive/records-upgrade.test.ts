/**
 * Orders archived by an earlier version left their work records behind in the live tabs: the next
 * archive run moves them to the file that holds the order, and leaves the rows of orders still in the
 * register.
 */
import { timeRow } from '../../../src/core/labour';
import { localParts } from '../../../src/core/time';
import { auditKey, patchOrderAsAddOn } from '../../support/audit';
import { DAY, now, setSetting, submitMany } from '../../support/ops';
import { ADMIN, TECH, expectOk, setUpWorkbook } from '../../support/workbook';
import { archivedTabRows, liveRowsOf, rowKeys } from './records-support';

test('work records an earlier version left behind follow their archived order on the next run', async () => {
  const wb = await setUpWorkbook();
  try {
    setSetting(wb, 'retentionDays', 30);
    const today = now(wb);
    wb.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
    const ids = await submitMany(wb, 3);
    wb.rt.world.clock.set(today);
    const closing = new Date(today.getTime() - 60 * DAY);
    const year = localParts(closing, wb.model.timeZone).year;
    patchOrderAsAddOn(wb, ids[0]!, { status: 'Closed', closedAt: closing });
    const first = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as { archived: string[] };
    expect(first.archived).toEqual([ids[0]]);
    // As an earlier version left them: the archived order's entry, and one of an order still open.
    const entered = new Date(today.getTime() - 90 * DAY);
    const rows = [ids[0]!, ids[1]!].map(
      (id) =>
        timeRow(auditKey(wb), {
          id,
          technician: TECH,
          date: '2026-01-05',
          hours: 2,
          note: 'door',
          enteredBy: TECH,
          enteredAt: entered,
        }).map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)) as (string | number | Date)[],
    );
    wb.sheet('Time').writeValues(wb.sheet('Time').lastRow() + 1, 1, rows);
    const next = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as {
      archived: string[];
      workRecords: { moved: number; leftAsTyped: number };
    };
    expect(next.archived).toEqual([]);
    expect(next.workRecords).toMatchObject({ moved: 1, leftAsTyped: 0 });
    expect(rowKeys(archivedTabRows(wb, year, 'Time'))).toEqual(rowKeys([rows[0]!]));
    expect(liveRowsOf(wb, 'Time', [ids[0]!])).toEqual([]);
    expect(liveRowsOf(wb, 'Time', [ids[1]!])).toHaveLength(1);
  } finally {
    wb.close();
  }
}, 60_000);
