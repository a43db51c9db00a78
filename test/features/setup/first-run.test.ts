/**
 * An administrator's first Set up work orders on an empty spreadsheet ends with what to do next: the
 * team to add on the Staff tab and the request form's link to share. Once the team is there, a re-run
 * changes nothing and asks for nothing.
 */
import { LocalAppsScript, AuthMode } from '../../../runtime';
import { SHEET_NAMES } from '../../../src/core/model';
import { forgetRememberedState } from '../../support/caches';
import { ADMIN, STAFF_ROWS, expectOk } from '../../support/workbook';

test('the first setup says what comes next; once the team is on Staff, a re-run says nothing more', async () => {
  const rt = LocalAppsScript.load();
  try {
    const ssId = rt.createSpreadsheet('Maintenance work orders', ADMIN);
    expectOk(await rt.openSpreadsheet(ssId, ADMIN, AuthMode.NONE));
    const first = String(expectOk(await rt.runMenuItem(ssId, ADMIN, 'setUpWorkOrders')).value);
    const form = rt.world.forms.linkedTo(ssId);
    if (!form) throw new Error('setup created no request form');
    expect(first).toMatch(/^Created: the Settings sheet/);
    expect(first).toMatch(/\nNext: add your team on the Staff tab, one row each: Email, Name, Role/);
    // A Staff row puts them in the protections' editor lists but gives no access to the file itself.
    expect(first).toContain('share this spreadsheet with each of them as an editor (Share)');
    expect(first).toContain(`Share the request form with requestors: ${form.publishedUrl}`);
    // The administrator sees it as the setup alert.
    const alert = rt.world.ui.events.filter((e) => e.kind === 'alert').at(-1);
    expect(alert).toMatchObject({ title: 'Work Orders setup', prompt: first });

    const staff = rt.world.spreadsheets.require(ssId).requireSheet(SHEET_NAMES.staff);
    staff.writeValues(
      staff.lastRow() + 1,
      1,
      STAFF_ROWS.map((r) => [...r]),
    );
    forgetRememberedState(rt.world, ssId);
    expectOk(await rt.runMenuItem(ssId, ADMIN, 'setUpWorkOrders'));
    const again = String(expectOk(await rt.runMenuItem(ssId, ADMIN, 'setUpWorkOrders')).value);
    expect(again).toBe('Everything was already in place; nothing was changed.');
  } finally {
    await rt.close();
  }
});
