/**
 * Conformance: Protection (developers.google.com/apps-script/reference/spreadsheet/protection) and how
 * protections stop script writes by the effective user.
 */
import type { LocalAppsScript } from '../../../runtime';
import { OWNER, errorOf, project, value } from './helpers';
import {
  SheetChangeRefused,
  userDeleteSheet,
  userRenameSheet,
} from '../../../runtime/host/spreadsheet/protection-model';

const TECH = 'tech@example.com';
const SUP = 'sup@example.com';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function emails(users) { return users.map(function (u) { return u.getEmail(); }); }

function protectLog() {
  var p = sheet().getRange('A1:C10').protect().setDescription('Change log');
  return [p.getDescription(), p.getProtectionType(), p.getRange().getA1Notation(), p.isWarningOnly(), p.canEdit(),
    sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE).length, sheet().getProtections(SpreadsheetApp.ProtectionType.SHEET).length];
}
function restrict() {
  var p = sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0];
  p.addEditor('owner@example.com');
  p.removeEditors(p.getEditors());
  p.addEditors(['sup@example.com']);
  if (p.canDomainEdit()) p.setDomainEdit(false);
  return emails(p.getEditors());
}
function write(a1) { sheet().getRange(a1).setValue('w'); return sheet().getRange(a1).getValue(); }
function canEdit() { return sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].canEdit(); }
function warnOnly() { sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].setWarningOnly(true); }
function removeAll() {
  var ps = sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE);
  ps.forEach(function (p) { p.remove(); });
  return sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE).length;
}

function protectSheet() {
  var s = sheet();
  var p = s.protect().setDescription('Settings');
  p.removeEditors(p.getEditors());
  p.setUnprotectedRanges([s.getRange('B2:B5')]);
  var again = s.protect();
  return [p.getProtectionType(), p.getRange().getA1Notation(), p.getRange().getNumRows(), p.getRange().getNumColumns(),
    again.getDescription(),
    p.getUnprotectedRanges().map(function (r) { return r.getA1Notation(); }),
    SpreadsheetApp.getActive().getProtections(SpreadsheetApp.ProtectionType.SHEET).length, emails(p.getEditors())];
}
function insertRow() { sheet().insertRowAfter(1); }
function deleteRow() { sheet().deleteRow(3); }
function format() { sheet().getRange('A1').setFontWeight('bold'); }

function editorsAsUsers() {
  var p = sheet().getRange('A1').protect();
  var before = emails(p.getEditors());
  p.addEditor('Ann@Example.com');
  p.removeEditor('owner@example.com');
  return [before, emails(p.getEditors()), p.getEditors()[0].getEmail()];
}

function restrictTo(emails) {
  var p = sheet().getRange('A1:C10').protect().setDescription('Restricted');
  p.removeEditors(p.getEditors());
  p.addEditors(emails);
  return emails_(p);
}
function emails_(p) { return emails(p.getEditors()); }
function editorsOfFirst() { return emails(sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].getEditors()); }
function describeFirst() { sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].setDescription('mine now'); }
function removeFirst() { sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].remove(); }
function addMe(email) { sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].addEditor(email); }
function removeAllEditorsOfFirst() {
  var p = sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0];
  p.removeEditors(p.getEditors());
  return emails(p.getEditors());
}
function warningOnlyEditors() {
  var p = sheet().protect().setDescription('sample1').setWarningOnly(true).setUnprotectedRanges([sheet().getRange('A1:B1')]);
  var during = emails(p.getEditors());
  p.setWarningOnly(false);
  return [during, p.canEdit(), emails(p.getEditors())];
}
function domainEdit() { sheet().getRange('A1').protect().setDomainEdit(true); return 'set'; }
function overlapping() {
  var open = sheet().getRange('A1:B2').protect();
  open.addEditor('tech@example.com');
  var closed = sheet().getRange('B2:C3').protect();
  closed.removeEditors(closed.getEditors());
}
function protectWholeSheet() {
  var p = sheet().protect();
  p.removeEditors(p.getEditors());
  p.addEditor('sup@example.com');
}
function deleteTheSheet() { SpreadsheetApp.getActive().insertSheet('Other'); SpreadsheetApp.getActive().deleteSheet(sheet()); return 'deleted'; }
function renameTheSheet() { sheet().setName('Renamed'); return 'renamed'; }

function moveWithRows() {
  var s = sheet();
  var p = s.getRange('A5:B6').protect();
  s.insertRowsBefore(1, 2);
  return s.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].getRange().getA1Notation();
}
`;

describe('Protection', () => {
  let rt: LocalAppsScript;
  beforeAll(() => {
    rt = project(SOURCE).rt;
  });
  afterAll(() => rt.close());
  const fresh = () => rt.world.spreadsheets.create('T', OWNER).id;

  test('Range.protect: description, type RANGE, range, not warning-only; Sheet.getProtections(type)', async () => {
    expect(await value(rt, 'protectLog', fresh())).toEqual([
      'Change log',
      'RANGE',
      'A1:C10',
      false,
      true,
      1,
      0,
    ]);
  });

  test('until editors are changed a protection mirrors the file permissions: other users can still write', async () => {
    const id = fresh();
    await value(rt, 'protectLog', id);
    expect(await value(rt, 'write', id, { user: TECH, args: ['A1'] })).toBe('w');
  });

  test("after removeEditors/addEditors only editors and the owner may write; others get Google's message", async () => {
    const id = fresh();
    await value(rt, 'protectLog', id);
    expect(await value(rt, 'restrict', id)).toEqual([OWNER, SUP]);
    expect(await errorOf(rt, 'write', id, { user: TECH, args: ['B2'] })).toBe(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    expect(await value(rt, 'canEdit', id, { user: TECH })).toBe(false);
    expect(await value(rt, 'canEdit', id, { user: SUP })).toBe(true);
    expect(await value(rt, 'write', id, { user: SUP, args: ['B2'] })).toBe('w');
    expect(await value(rt, 'write', id, { args: ['B3'] })).toBe('w');
    // Outside the protected range anyone may write.
    expect(await value(rt, 'write', id, { user: TECH, args: ['D1'] })).toBe('w');
    // A trigger running as the owner writes even when the person who caused it cannot.
    expect(await value(rt, 'write', id, { user: TECH, effectiveUser: OWNER, args: ['C3'] })).toBe('w');
  });

  test('warning-only protection does not stop script writes; remove() deletes the protection', async () => {
    const id = fresh();
    await value(rt, 'protectLog', id);
    await value(rt, 'restrict', id);
    await value(rt, 'warnOnly', id);
    expect(await value(rt, 'write', id, { user: TECH, args: ['A1'] })).toBe('w');
    expect(await value(rt, 'removeAll', id)).toBe(0);
  });

  // A sheet protection's range spans getMaxRows × getMaxColumns but has no A1 notation: live Apps Script
  // answers '' (gas-fakes test/testsheetspermissions.js, "sheet level range has no a1 notation").
  test('Sheet.protect: whole-sheet range, one per sheet, unprotected ranges stay editable, structure is locked', async () => {
    const id = fresh();
    expect(await value(rt, 'protectSheet', id)).toEqual([
      'SHEET',
      '',
      1000,
      26,
      'Settings',
      ['B2:B5'],
      1,
      [OWNER],
    ]);
    expect(await value(rt, 'write', id, { user: TECH, args: ['B3'] })).toBe('w');
    const refused =
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
    expect(await errorOf(rt, 'write', id, { user: TECH, args: ['C3'] })).toBe(refused);
    expect(await errorOf(rt, 'insertRow', id, { user: TECH })).toBe(refused);
    expect(await errorOf(rt, 'deleteRow', id, { user: TECH })).toBe(refused);
    expect(await errorOf(rt, 'format', id, { user: TECH })).toBe(refused);
    await value(rt, 'insertRow', id);
  });

  test('getEditors returns Users (getEmail); emails are case-insensitive; the owner cannot be removed', async () => {
    expect(await value(rt, 'editorsAsUsers', fresh())).toEqual([[OWNER], [OWNER, 'ann@example.com'], OWNER]);
  });

  // Sheets API ProtectedRange.editors: "Editors are not supported with warning_only protection"; live
  // Apps Script answers getEditors().length === 0 for this very protection (gas-fakes test/testsheets.js).
  test('a warning-only protection lists no editors; turned hard again, its list is back', async () => {
    expect(await value(rt, 'warningOnlyEditors', fresh())).toEqual([[], true, [OWNER]]);
  });

  test('protected ranges move with inserted rows', async () => {
    expect(await value(rt, 'moveWithRows', fresh())).toBe('A7:B8');
  });

  const REFUSED =
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

  test('a user who cannot edit a protection can neither read its editors nor change or remove it', async () => {
    const id = fresh();
    expect(await value(rt, 'restrictTo', id, { args: [[SUP]] })).toEqual([OWNER, SUP]);
    expect(await value(rt, 'canEdit', id, { user: TECH })).toBe(false);
    for (const entry of ['editorsOfFirst', 'describeFirst', 'removeFirst', 'warnOnly'])
      expect(await errorOf(rt, entry, id, { user: TECH })).toBe(REFUSED);
    expect(await errorOf(rt, 'addMe', id, { user: TECH, args: [TECH] })).toBe(REFUSED);
    expect(await value(rt, 'editorsOfFirst', id, { user: SUP })).toEqual([OWNER, SUP]);
  });

  test('removeEditors never removes the spreadsheet owner nor the current user', async () => {
    const id = fresh();
    await value(rt, 'restrictTo', id, { args: [[SUP, TECH]] });
    // Run by SUP: SUP stays (current user), the owner stays, TECH goes.
    expect(await value(rt, 'removeAllEditorsOfFirst', id, { user: SUP })).toEqual([OWNER, SUP]);
    // Run by the owner, SUP can be removed.
    expect(await value(rt, 'removeAllEditorsOfFirst', id)).toEqual([OWNER]);
    expect(await errorOf(rt, 'write', id, { user: SUP, args: ['A1'] })).toBe(REFUSED);
  });

  test('setDomainEdit throws on a spreadsheet owned by a consumer (gmail.com) account', async () => {
    const consumer = rt.world.spreadsheets.create('T', 'someone@gmail.com').id;
    expect(await errorOf(rt, 'domainEdit', consumer, { user: 'someone@gmail.com' })).toMatch(/Workspace/);
    expect(await value(rt, 'domainEdit', fresh())).toBe('set');
  });

  test('a cell under two protections is editable only if neither stops the user', async () => {
    const id = fresh();
    await value(rt, 'overlapping', id);
    expect(await value(rt, 'write', id, { user: TECH, args: ['A1'] })).toBe('w');
    expect(await errorOf(rt, 'write', id, { user: TECH, args: ['B2'] })).toBe(REFUSED);
  });

  test('a protected sheet cannot be deleted or renamed by a script running as someone it stops', async () => {
    const id = fresh();
    await value(rt, 'protectWholeSheet', id);
    expect(await errorOf(rt, 'deleteTheSheet', id, { user: TECH })).toBe(REFUSED);
    expect(await errorOf(rt, 'renameTheSheet', id, { user: TECH })).toBe(REFUSED);
    expect(await value(rt, 'renameTheSheet', id, { user: SUP })).toBe('renamed');
  });

  test('a person deleting a protected tab by hand is refused; an editor of it may', async () => {
    const id = fresh();
    await value(rt, 'protectWholeSheet', id);
    const model = rt.world.spreadsheets.require(id);
    model.insertSheetModel('Other');
    expect(() => userDeleteSheet(model, 'Sheet1', TECH)).toThrow(SheetChangeRefused);
    expect(model.sheetModel('Sheet1')).toBeTruthy();
    userDeleteSheet(model, 'Sheet1', SUP);
    expect(model.sheetModel('Sheet1')).toBeFalsy();
  });

  test('a person renaming a tab to a name another tab has (any case) is refused, and nothing is renamed', async () => {
    const id = fresh();
    const model = rt.world.spreadsheets.require(id);
    model.insertSheetModel('Other');
    expect(() => userRenameSheet(model, 'Other', 'sheet1', OWNER)).toThrow(
      'A sheet with the name "sheet1" already exists. Please enter another name.',
    );
    expect(model.sheetModel('Other')).toBeTruthy();
    userRenameSheet(model, 'Other', 'Renamed', OWNER);
    expect(model.sheetModel('Renamed')).toBeTruthy();
  });
});
