/**
 * Conformance: spreadsheet files a script creates and opens, in a world of several files
 * (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app: create, openById,
 * openByUrl; /spreadsheet: addEditor(s), addViewer(s), getViewers, getEditors, removeEditor,
 * removeViewer). A new file has one tab,
 * "Sheet1", of 1000 rows × 26 columns, is owned by the user who ran the script and is private to them
 * until shared; a file shared with nobody else cannot be opened by another account.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { NO_ACCESS_MESSAGE } from '../../../runtime/host/spreadsheet/sharing';
import { OWNER, errorOf, project, value } from './helpers';

const OTHER = 'other@example.com';
const THIRD = 'third@example.com';

const SOURCE = String.raw`
function make(name) {
  var ss = SpreadsheetApp.create(name);
  var sheet = ss.getSheets()[0];
  sheet.getRange('A1').setValue('kept');
  return [ss.getId(), ss.getUrl(), ss.getName(), ss.getNumSheets(), sheet.getName(), sheet.getMaxRows(), sheet.getMaxColumns(), ss.getOwner().getEmail()];
}
function read(id) { var ss = SpreadsheetApp.openById(id); return [ss.getName(), ss.getSheets()[0].getRange('A1').getValue()]; }
function readByUrl(url) { return SpreadsheetApp.openByUrl(url).getName(); }
function share(id, editors, viewers) {
  var ss = SpreadsheetApp.openById(id);
  ss.addEditors(editors).addViewers(viewers);
  return [ss.getEditors().map(function (u) { return u.getEmail(); }), ss.getViewers().map(function (u) { return u.getEmail(); })];
}
function promote(id, who) {
  var ss = SpreadsheetApp.openById(id);
  ss.addViewer(who).addEditor(who).addViewer(who);
  return [ss.getEditors().map(function (u) { return u.getEmail(); }), ss.getViewers().length];
}
function sized(rows, columns) {
  var sheet = SpreadsheetApp.create('Sized', rows, columns).getSheets()[0];
  return [sheet.getMaxRows(), sheet.getMaxColumns()];
}
function unshare(id, editor, viewer) {
  var ss = SpreadsheetApp.openById(id);
  ss.removeViewer(editor).removeEditor(editor).removeViewer(viewer);
  return [ss.getEditors().map(function (u) { return u.getEmail(); }), ss.getViewers().map(function (u) { return u.getEmail(); })];
}
function unshareOwner(id, owner) { SpreadsheetApp.openById(id).removeEditor(owner); }
function badEmail(id) { SpreadsheetApp.openById(id).addEditor('not an email'); }
`;

describe('files a script creates', () => {
  const { rt, id: teamFile } = project(SOURCE);
  afterAll(() => rt.close());
  let made: [string, string, string, number, string, number, number, string];

  test('create: one tab "Sheet1", 1000 × 26, owned by the user who ran it; the world holds both files', async () => {
    made = (await value(rt, 'make', teamFile, { args: ['Archive 2026'] })) as typeof made;
    expect(made.slice(2)).toEqual(['Archive 2026', 1, 'Sheet1', 1000, 26, OWNER]);
    expect(made[1]).toBe(`https://docs.google.com/spreadsheets/d/${made[0]}/edit`);
    expect(
      rt.world.spreadsheets
        .all()
        .map((s) => s.name)
        .sort(),
    ).toEqual(['Archive 2026', 'Test']);
    expect(rt.world.spreadsheets.require(made[0]).totalCells()).toBe(26_000);
  });

  test('openById/openByUrl of the created file in a later execution, by its creator, with no container', async () => {
    expect(await value(rt, 'read', null, { args: [made[0]] })).toEqual(['Archive 2026', 'kept']);
    expect(await value(rt, 'readByUrl', null, { args: [made[1]] })).toBe('Archive 2026');
  });

  test('another account cannot open it until it is shared; the team workbook opens for anyone', async () => {
    expect(await errorOf(rt, 'read', null, { args: [made[0]], user: OTHER })).toBe(NO_ACCESS_MESSAGE);
    expect(await errorOf(rt, 'readByUrl', null, { args: [made[1]], user: OTHER })).toBe(NO_ACCESS_MESSAGE);
    expect(await value(rt, 'read', null, { args: [teamFile], user: OTHER })).toEqual(['Test', '']);
    expect(await value(rt, 'share', null, { args: [made[0], [OTHER], [THIRD]] })).toEqual([
      [OWNER, OTHER],
      [THIRD],
    ]);
    expect(await value(rt, 'read', null, { args: [made[0]], user: OTHER })).toEqual(['Archive 2026', 'kept']);
    expect(await value(rt, 'read', null, { args: [made[0]], user: THIRD })).toEqual(['Archive 2026', 'kept']);
  });

  test('addEditor promotes a viewer; addViewer leaves an editor editing; a bad address is refused', async () => {
    expect(await value(rt, 'promote', null, { args: [made[0], 'fourth@example.com'] })).toEqual([
      [OWNER, OTHER, 'fourth@example.com'],
      1,
    ]);
    expect(await errorOf(rt, 'badEmail', null, { args: [made[0]] })).toBe('Invalid email: not an email');
  });

  test('removeViewer leaves an editor editing; removeEditor takes them off; then they cannot open it', async () => {
    const file = (await value(rt, 'make', teamFile, { args: ['Archive 2027'] })) as typeof made;
    await value(rt, 'share', null, { args: [file[0], [OTHER], [THIRD]] });
    expect(await value(rt, 'unshare', null, { args: [file[0], OTHER, THIRD] })).toEqual([[OWNER], []]);
    expect(await errorOf(rt, 'read', null, { args: [file[0]], user: OTHER })).toBe(NO_ACCESS_MESSAGE);
    expect(await errorOf(rt, 'read', null, { args: [file[0]], user: THIRD })).toBe(NO_ACCESS_MESSAGE);
    expect(await errorOf(rt, 'unshareOwner', null, { args: [file[0], OWNER] })).toMatch(
      /owner is not modelled/,
    );
  });

  test('create(name, rows, columns): Java ints, a fraction cut toward zero; no grid smaller than 1 × 1', async () => {
    expect(await value(rt, 'sized', null, { args: [2.9, 3.5] })).toEqual([2, 3]);
    expect(await errorOf(rt, 'sized', null, { args: [0, 5] })).toMatch(/less than one.*not modelled/);
    expect(await errorOf(rt, 'sized', null, { args: [10, -1] })).toMatch(/less than one.*not modelled/);
  });

  test('sharing survives saving and restoring the world', async () => {
    importWorld(rt.world, decodeWorldState(encodeWorldState(exportWorld(rt.world))));
    expect(await errorOf(rt, 'read', null, { args: [made[0]], user: 'stranger@example.org' })).toBe(
      NO_ACCESS_MESSAGE,
    );
    expect(await value(rt, 'read', null, { args: [made[0]], user: THIRD })).toEqual(['Archive 2026', 'kept']);
  });
});
