/**
 * The add-on's list of its archive spreadsheets (document properties) unreadable: Verify audit log and
 * Archive closed work orders stopped on "The list of archive spreadsheets in document properties is
 * unreadable: [raw text]", and a supervisor's Find on "Something went wrong", with nothing to do. Now
 * each says that an administrator's Archive closed work orders lists them again, which it does from the
 * links in the note on the Settings tab, listing a linked file only when it holds a row the add-on
 * sealed (a forged link is named and nothing is listed), keeping the unreadable text aside.
 * Through dist/Code.js.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { SETTINGS_COLUMNS } from '../../../src/core/settings';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { closedOrder } from '../../support/edits';
import { DAY, advance, setSetting } from '../../support/ops';
import {
  ADMIN,
  MID_MORNING,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { find } from '../review/helpers';
import { archiveFile } from './support';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook({ startAt: MID_MORNING });
  setSetting(wb, 'retentionDays', 1);
}, 60_000);
afterAll(() => wb.close());

const UNREADABLE = '[{"year":2026,"id":';
const RECOVERY = 'an administrator can run Archive closed work orders, which lists them again';

/** The Settings tab's note on the Value of retentionDays, as an editor types it. */
function typeNote(note: string): void {
  const values = wb.values(SHEET_NAMES.settings);
  const header = values[0] ?? [];
  const row = values.findIndex((r) => r[header.indexOf(SETTINGS_COLUMNS.setting)] === 'retentionDays');
  wb.sheet(SHEET_NAMES.settings).setNote(row + 1, header.indexOf(SETTINGS_COLUMNS.value) + 1, note);
}

test('an unreadable list: each entry point says what to do, and the archive run lists the genuine files again', async () => {
  const first = await closedOrder(wb, TECH, { description: 'Replace the tap washer' });
  advance(wb, 3 * DAY);
  expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
  const genuine = archiveFile(wb, 2026)!;
  const doc = wb.rt.world.properties.document(wb.ssId);
  doc.set(PROPERTY_KEYS.archiveFiles, UNREADABLE);

  const verify = await wb.menu(ADMIN, 'verifyAuditLog');
  expect(verify.error?.message).toContain(RECOVERY);
  expect((await find(wb, SUPERVISOR, first)).reply).toMatchObject({
    ok: false,
    message: expect.stringContaining(
      `No work order ${first} is in the register, and the archive spreadsheets cannot be searched`,
    ),
  });

  // An editor's own spreadsheet of that name, linked in the note: named, and nothing listed or moved.
  const second = await closedOrder(wb, TECH, { description: 'Fix the lobby light' });
  advance(wb, 3 * DAY);
  const forged = wb.rt.world.spreadsheets.create('Work Orders Archive 2026', TECH);
  forged.sheetModels()[0]!.name = 'Archive';
  forged.sheetModels()[0]!.writeValues(1, 1, [
    ['Request ID', 'Archive MAC'],
    [first, 'f00d'],
  ]);
  typeNote(
    `Archive spreadsheets (made by Archive closed work orders):\nWork Orders Archive 2026: ${forged.url}`,
  );
  const refused = await wb.menu(ADMIN, 'archiveClosedWorkOrders');
  expect(refused.error?.message).toContain(
    `(${forged.url}) has no archived work order sealed by this add-on in the first rows of its Archive tab`,
  );
  expect(refused.error?.message).toContain('put the link of each in that note');
  expect(doc.get(PROPERTY_KEYS.archiveFiles)).toBe(UNREADABLE);
  expect(wb.register().map((r) => r.order.id)).toContain(second);

  // The genuine link back in the note: the list is made again, and the run goes on.
  typeNote(`Work Orders Archive 2026: ${genuine.url}`);
  const run = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as {
    message: string;
    archived: string[];
  };
  expect(run.archived).toEqual([second]);
  expect(run.message).toMatch(
    /^Work Orders' list of its archive spreadsheets could not be read, so it was made again .*"Work Orders Archive 2026"/,
  );
  expect(doc.get(PROPERTY_KEYS.archiveFilesUnreadable)).toBe(UNREADABLE);
  expect(archiveFile(wb, 2026)).toBe(genuine);
  expect((expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { message: string }).message).toMatch(
    /^Audit log OK/,
  );
  expect((await find(wb, SUPERVISOR, first)).reply).toMatchObject({
    message: expect.stringContaining('it was archived in "Work Orders Archive 2026"'),
  });
}, 120_000);
