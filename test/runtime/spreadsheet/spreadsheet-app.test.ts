/**
 * Conformance: SpreadsheetApp and Spreadsheet through the sandbox. Titles name the reference behaviour
 * (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app and /spreadsheet).
 */
import { LocalAppsScript, Scope } from '../../../runtime';
import type { ToastEvent } from '../../../runtime/host/spreadsheet';
import { OWNER, errorOf, project, value } from './helpers';

const SOURCE = String.raw`
function activeOrNull() { return [SpreadsheetApp.getActive() === null, SpreadsheetApp.getActiveSpreadsheet() === null, SpreadsheetApp.getActiveSheet() === null]; }
function activeId() { return SpreadsheetApp.getActiveSpreadsheet().getId(); }
function open(id) { var ss = SpreadsheetApp.openById(id); return [ss.getId(), ss.getName(), SpreadsheetApp.openByUrl(ss.getUrl()).getId()]; }
function openUnknown() { SpreadsheetApp.openById('does-not-exist'); }
function openUnknownUrl() { SpreadsheetApp.openByUrl('https://docs.google.com/spreadsheets/d/nope/edit'); }
function create() {
  var ss = SpreadsheetApp.create('Fresh');
  var small = SpreadsheetApp.create('Small', 10, 3);
  return [ss.getName(), ss.getSheets().length, ss.getSheets()[0].getName(), ss.getOwner().getEmail(), small.getSheets()[0].getMaxRows(),
    small.getSheets()[0].getMaxColumns(), ss.getId() !== SpreadsheetApp.getActive().getId()];
}
function enums() {
  return [SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST, SpreadsheetApp.DataValidationCriteria.CHECKBOX,
    SpreadsheetApp.ProtectionType.RANGE, SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.WrapStrategy.CLIP,
    String(SpreadsheetApp.getUi()), SpreadsheetApp.flush() === undefined];
}
function basics() {
  var ss = SpreadsheetApp.getActive();
  ss.rename('Renamed');
  return [ss.getName(), ss.getUrl() === 'https://docs.google.com/spreadsheets/d/' + ss.getId() + '/edit', ss.getSheetByName('Nope'),
    ss.getSheetByName('Sheet1').getName(), ss.getSheetById(0).getName(), ss.getSheetById(123), ss.getNumSheets(),
    ss.getSpreadsheetTimeZone(), ss.getFormUrl(), ss.getOwner().getEmail(), ss.getEditors().map(function (u) { return u.getEmail(); }),
    ss.getSpreadsheetLocale()];
}
function insertSheets() {
  var ss = SpreadsheetApp.getActive();
  ss.insertSheet('Last');
  ss.insertSheet('First', 0);
  ss.insertSheet();
  ss.insertSheet(1);
  return ss.getSheets().map(function (s) { return s.getName(); });
}
function insertDuplicate() { SpreadsheetApp.getActive().insertSheet('Sheet1'); }
function insertWithTemplate() { var ss = SpreadsheetApp.getActive(); ss.insertSheet('Copy', { template: ss.getSheets()[0] }); }
function deleteSheets() {
  var ss = SpreadsheetApp.getActive();
  var extra = ss.insertSheet('Extra');
  ss.deleteSheet(extra);
  return [ss.getSheets().map(function (s) { return s.getName(); }), ss.getActiveSheet().getName()];
}
function deleteOnly() { var ss = SpreadsheetApp.getActive(); ss.deleteSheet(ss.getSheets()[0]); }
function useDeleted() { var ss = SpreadsheetApp.getActive(); var x = ss.insertSheet('X'); ss.deleteSheet(x); x.getRange('A1').getValue(); }
function rangeOnSpreadsheet() {
  var ss = SpreadsheetApp.getActive();
  ss.insertSheet('Data').getRange('B2').setValue('here');
  ss.setActiveSheet(ss.getSheetByName('Sheet1'));
  return [ss.getRange('Data!B2').getValue(), ss.getRange('A1').getSheet().getName()];
}
function timeZones() {
  var ss = SpreadsheetApp.getActive();
  var r = ss.getSheets()[0].getRange('A1');
  r.setValue(new Date(Date.UTC(2026, 0, 15, 12, 0, 0)));
  var before = r.getDisplayValue();
  ss.setSpreadsheetTimeZone('Asia/Tokyo');
  return [before, ss.getSpreadsheetTimeZone(), r.getDisplayValue(), r.getValue().toISOString()];
}
function badTimeZone() { SpreadsheetApp.getActive().setSpreadsheetTimeZone('Mars/Base'); }
function toast() { SpreadsheetApp.getActive().toast('Saved', 'Work orders', 3); SpreadsheetApp.getActive().toast('Hi'); }
function shortcuts() {
  var ss = SpreadsheetApp.getActive();
  ss.appendRow(['a', 'b']);
  return [ss.getLastRow(), ss.getLastColumn(), ss.getDataRange().getA1Notation(), ss.setActiveSelection('B2').getA1Notation(),
    ss.getActiveRange().getA1Notation()];
}
function moveSheet() {
  var ss = SpreadsheetApp.getActive();
  ss.insertSheet('B');
  ss.moveActiveSheet(1);
  return ss.getSheets().map(function (s) { return s.getName(); });
}
`;

describe('SpreadsheetApp and Spreadsheet', () => {
  let rt: LocalAppsScript;
  let fresh: () => string;
  beforeAll(() => {
    rt = project(SOURCE, 'Europe/Paris').rt;
    fresh = () => rt.world.spreadsheets.create('T', OWNER).id;
  });
  afterAll(() => rt.close());

  test('getActive/getActiveSpreadsheet/getActiveSheet are null without a container (time-driven trigger)', async () => {
    expect(await value(rt, 'activeOrNull', null, { kind: 'installable-trigger' })).toEqual([
      true,
      true,
      true,
    ]);
    const id = fresh();
    expect(await value(rt, 'activeId', id)).toBe(id);
  });

  test("openById/openByUrl open files; unknown ids fail with Google's message", async () => {
    const id = fresh();
    expect(await value(rt, 'open', null, { args: [id] })).toEqual([id, 'T', id]);
    expect(await errorOf(rt, 'openUnknown', null)).toBe(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
    expect(await errorOf(rt, 'openUnknownUrl', null)).toBe(
      'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
    );
  });

  test('SpreadsheetApp.create makes a file with Sheet1 (1000 × 26 or the given size) owned by the effective user', async () => {
    expect(await value(rt, 'create', fresh(), { user: 'admin@example.com' })).toEqual([
      'Fresh',
      1,
      'Sheet1',
      'admin@example.com',
      10,
      3,
      true,
    ]);
  });

  test('enums are static properties; getUi returns the Ui; flush returns nothing', async () => {
    expect(await value(rt, 'enums', fresh())).toEqual([
      'VALUE_IN_LIST',
      'CHECKBOX',
      'RANGE',
      'SHEET',
      'CLIP',
      'Ui',
      true,
    ]);
  });

  test('getName/rename/getUrl/getSheetByName (null if none)/getSheetById/getNumSheets/time zone/getFormUrl (null)/owner', async () => {
    expect(await value(rt, 'basics', fresh())).toEqual([
      'Renamed',
      true,
      null,
      'Sheet1',
      'Sheet1',
      null,
      1,
      'Europe/Paris',
      null,
      OWNER,
      [OWNER],
      'en_US',
    ]);
  });

  test('insertSheet(name), insertSheet(name, index) (0-based), insertSheet(), insertSheet(index); duplicates fail', async () => {
    expect(await value(rt, 'insertSheets', fresh())).toEqual(['First', 'Sheet5', 'Sheet4', 'Sheet1', 'Last']);
    expect(await errorOf(rt, 'insertDuplicate', fresh())).toBe(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
    // insertSheet(name, options) is Google's, not modelled here: it says so rather than "don't match".
    expect(await errorOf(rt, 'insertWithTemplate', fresh())).toBe(
      'not implemented in the local runtime: Spreadsheet.insertSheet with options',
    );
  });

  test("deleteSheet removes a tab; deleting the only one fails with Google's message; a deleted tab cannot be used", async () => {
    expect(await value(rt, 'deleteSheets', fresh())).toEqual([['Sheet1'], 'Sheet1']);
    expect(await errorOf(rt, 'deleteOnly', fresh())).toBe("You can't remove all the sheets in a document.");
    expect(await errorOf(rt, 'useDeleted', fresh())).toMatch(/has been deleted/);
  });

  test('Spreadsheet.getRange("Sheet!A1") reads another tab; without a sheet name it uses the active sheet', async () => {
    expect(await value(rt, 'rangeOnSpreadsheet', fresh())).toEqual(['here', 'Sheet1']);
  });

  // A date cell is a serial number, a wall clock in the spreadsheet's zone (Sheets help, "Date and
  // number formats"): after the change it shows the same, and reads as the instant of that wall clock
  // in the new zone.
  test('setSpreadsheetTimeZone keeps what date cells show, so they read as other instants; invalid zones are refused', async () => {
    expect(await value(rt, 'timeZones', fresh())).toEqual([
      '1/15/2026 13:00:00',
      'Asia/Tokyo',
      '1/15/2026 13:00:00',
      '2026-01-15T04:00:00.000Z',
    ]);
    expect(await errorOf(rt, 'badTimeZone', fresh())).toBe('Invalid argument: timezone');
  });

  test('Spreadsheet.toast records message, title and timeout (default 5 s) for the user', async () => {
    const events: ToastEvent[] = [];
    const ui = rt.world.ui as unknown as { record?: (e: ToastEvent) => void };
    const original = ui.record;
    ui.record = (e: ToastEvent) => events.push(e);
    try {
      const id = fresh();
      await value(rt, 'toast', id, { user: 'sup@example.com' });
      expect(events).toEqual([
        {
          kind: 'toast',
          spreadsheetId: id,
          user: 'sup@example.com',
          message: 'Saved',
          title: 'Work orders',
          timeoutSeconds: 3,
        },
        {
          kind: 'toast',
          spreadsheetId: id,
          user: 'sup@example.com',
          message: 'Hi',
          title: '',
          timeoutSeconds: 5,
        },
      ]);
    } finally {
      ui.record = original;
    }
  });

  test('Spreadsheet shortcuts act on the active sheet (appendRow, getLastRow, getDataRange, setActiveSelection)', async () => {
    expect(await value(rt, 'shortcuts', fresh())).toEqual([1, 2, 'A1:B1', 'B2', 'B2']);
  });

  test('moveActiveSheet moves the active tab (1-based position)', async () => {
    expect(await value(rt, 'moveSheet', fresh())).toEqual(['B', 'Sheet1']);
  });
});

describe('authorization', () => {
  test('SpreadsheetApp needs a spreadsheets scope; openById needs the full one, not currentonly', async () => {
    const rt = LocalAppsScript.fromSource(
      'function a(){ return SpreadsheetApp.getActive().getName(); } function b(id){ return SpreadsheetApp.openById(id).getName(); }',
      { oauthScopes: [Scope.spreadsheetsCurrentOnly] },
    );
    try {
      const id = rt.world.spreadsheets.create('Mine', OWNER).id;
      expect((await rt.run('a', { user: OWNER, spreadsheetId: id })).value).toBe('Mine');
      const r = await rt.run('b', { user: OWNER, spreadsheetId: id, args: [id] });
      expect(r.error?.message).toMatch(/You do not have permission to call SpreadsheetApp.openById/);
    } finally {
      await rt.close();
    }
  });
});
