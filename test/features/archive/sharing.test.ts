/**
 * The archive spreadsheets are private to the administrator whose run created them, as any new Drive
 * file is; the add-on shares them with the other administrators (edit) and supervisors (view). An
 * administrator added later gets access from the next run by someone who has it; until then their own
 * run stops before moving anything, and says which file and what to do.
 * Orders are closed as the add-on closes them (cells, change log and sealed record): archiving moves
 * only rows that agree with their record.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { localParts } from '../../../src/core/time';
import { forgetRememberedState } from '../../support/caches';
import { DAY, now, setSetting, submitMany } from '../../support/ops';
import { patchOrderAsAddOn } from '../../support/audit';
import { ADMIN, SUPERVISOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { archiveFile, archivedRows } from './support';

const SECOND_ADMIN = 'ada.second@example.com';

let wb: TestWorkbook;
afterAll(() => wb?.close());

test('a later administrator is refused until a run by someone with access shares the file with them', async () => {
  wb = await setUpWorkbook();
  setSetting(wb, 'retentionDays', 30);
  const today = now(wb);
  wb.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
  const [first, second] = await submitMany(wb, 2);
  wb.rt.world.clock.set(today);
  const closing = new Date(today.getTime() - 60 * DAY);
  const year = localParts(closing, wb.model.timeZone).year;
  patchOrderAsAddOn(wb, first!, { status: 'Closed', closedAt: closing });
  expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
  expect(archivedRows(wb, year).map((r) => r['Request ID'])).toEqual([first]);

  // A second administrator joins (as setUpWorkbook adds staff), and more work becomes due.
  const staff = wb.sheet(SHEET_NAMES.staff);
  staff.writeValues(staff.lastRow() + 1, 1, [[SECOND_ADMIN, 'Ada Second', 'Administrator', true]]);
  forgetRememberedState(wb.rt.world, wb.ssId);
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  patchOrderAsAddOn(wb, second!, { status: 'Closed', closedAt: closing });

  const refused = await wb.menu(SECOND_ADMIN, 'archiveClosedWorkOrders');
  expect(refused.ok).toBe(false);
  expect(refused.error?.message).toContain(
    `"Work Orders Archive ${year}" (${archiveFile(wb, year)!.url}) cannot be opened`,
  );
  expect(refused.error?.message).toContain('Nothing was moved to it.');
  // Both ways in: Google's request for access, or a run by someone who has it (as below).
  expect(refused.error?.message).toContain(
    'or have an administrator who can open it run Archive closed work orders, which shares it with every active administrator',
  );
  expect(wb.register().map((r) => r.order.id)).toContain(second);

  const shared = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
  expect(shared.value).toMatchObject({ archived: [second] });
  expect([...archiveFile(wb, year)!.editors]).toEqual([SECOND_ADMIN]);
  // Now the second administrator reaches it: Verify opens the archive file as them.
  const verified = expectOk(await wb.menu(SECOND_ADMIN, 'verifyAuditLog')).value as { ok: boolean };
  expect(verified).toMatchObject({ ok: true });
});

test('a refused share does not stop the archive: it is reported and tried again by the next run', async () => {
  const other = await setUpWorkbook();
  try {
    setSetting(other, 'retentionDays', 30);
    const today = now(other);
    other.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
    const [first, second] = await submitMany(other, 2);
    other.rt.world.clock.set(today);
    const closing = new Date(today.getTime() - 60 * DAY);
    const year = localParts(closing, other.model.timeZone).year;
    patchOrderAsAddOn(other, first!, { status: 'Closed', closedAt: closing });
    // Make the first run's addViewers fail, as Google does for an address the domain may not share with.
    let run;
    for (let n = 1; n < 200; n++) {
      const saved = encodeWorldState(exportWorld(other.rt.world));
      other.rt.world.faults.failNthCall(n);
      run = await other.menu(ADMIN, 'archiveClosedWorkOrders');
      if (other.rt.world.faults.lastFault === 'Spreadsheet.addViewers') break;
      importWorld(other.rt.world, decodeWorldState(saved));
    }
    other.rt.world.faults.disarm();
    const value = expectOk(run!).value as { archived: string[]; message: string };
    expect(value.archived).toEqual([first]);
    expect(value.message).toContain(`"Work Orders Archive ${year}" could not be shared with ${SUPERVISOR}`);
    expect([...archiveFile(other, year)!.sharing.viewers]).toEqual([]);
    patchOrderAsAddOn(other, second!, { status: 'Closed', closedAt: closing });
    expectOk(await other.menu(ADMIN, 'archiveClosedWorkOrders'));
    expect([...archiveFile(other, year)!.sharing.viewers]).toEqual([SUPERVISOR]);
  } finally {
    await other.close();
  }
});
