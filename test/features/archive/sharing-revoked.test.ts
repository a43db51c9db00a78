/**
 * The access the add-on gave to its archive spreadsheets goes with the role: an administrator who
 * leaves Staff, or is made inactive, is taken off the editors of every archive file, and a supervisor
 * who is given another role off the viewers, by the next archive run, even for a year it writes
 * nothing to; an administrator made a supervisor keeps reading. Someone the file was shared with by hand
 * keeps it. Closed archived orders hold requestors' names and what they asked for: a leaver must not
 * keep reading them.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { localParts } from '../../../src/core/time';
import { DAY, now, setSetting, submitMany } from '../../support/ops';
import { patchOrderAsAddOn } from '../../support/audit';
import { ADMIN, SUPERVISOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { archiveFile } from './support';

const SECOND_ADMIN = 'ada.second@example.com';
const THIRD_ADMIN = 'abe.third@example.com';
const BY_HAND = 'auditor@example.com';

let wb: TestWorkbook;
afterAll(() => wb?.close());

const staffRow = (email: string): number =>
  wb.values(SHEET_NAMES.staff).findIndex((r) => String(r[0]).toLowerCase() === email) + 1;

test('leavers are taken off every archive file by the next run; hand-shared access and the new roles stay', async () => {
  wb = await setUpWorkbook();
  setSetting(wb, 'retentionDays', 30);
  const staff = wb.sheet(SHEET_NAMES.staff);
  const added = staff.lastRow() + 1;
  const edit = await wb.edit(ADMIN, SHEET_NAMES.staff, added, 1, [
    [SECOND_ADMIN, 'Ada Second', 'Administrator', 'TRUE'],
    [THIRD_ADMIN, 'Abe Third', 'Administrator', 'TRUE'],
  ]);
  edit.executions.forEach(expectOk);
  const today = now(wb);
  wb.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
  const [first] = await submitMany(wb, 1);
  wb.rt.world.clock.set(today);
  const closing = new Date(today.getTime() - 60 * DAY);
  const year = localParts(closing, wb.model.timeZone).year;
  patchOrderAsAddOn(wb, first!, { status: 'Closed', closedAt: closing });
  expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
  const file = archiveFile(wb, year)!;
  expect([...file.editors].sort()).toEqual([THIRD_ADMIN, SECOND_ADMIN].sort());
  expect([...file.sharing.viewers]).toEqual([SUPERVISOR]);
  file.sharing.viewers.add(BY_HAND);

  // Ada leaves (her row deleted, no trigger fires), Abe becomes a supervisor, Sam a technician.
  (await wb.edit(ADMIN, SHEET_NAMES.staff, staffRow(THIRD_ADMIN), 3, [['Supervisor']])).executions.forEach(
    expectOk,
  );
  (await wb.edit(ADMIN, SHEET_NAMES.staff, staffRow(SUPERVISOR), 3, [['Technician']])).executions.forEach(
    expectOk,
  );
  staff.deleteRows(staffRow(SECOND_ADMIN), 1);

  // Nothing more is due: the run opens that year's file only to bring its sharing in step.
  const run = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as { message: string };
  expect([...file.editors]).toEqual([]);
  expect([...file.sharing.viewers].sort()).toEqual([THIRD_ADMIN, BY_HAND].sort());
  expect(run.message).toContain(
    `off "Work Orders Archive ${year}" (no longer an active administrator or supervisor on Staff)`,
  );
  expect(run.message).toContain(SECOND_ADMIN);
  expect(run.message).toContain(SUPERVISOR);

  // Settled: the next run opens nothing for sharing and says nothing of it.
  const again = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as { message: string };
  expect(again.message).not.toContain('Took ');
});
