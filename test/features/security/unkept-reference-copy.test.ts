/**
 * Staff and Settings edits when Work Orders keeps no accepted copy of the tabs (a workbook set up by an
 * older version, before copies and protections, or a copy dropped because the property store was
 * full), through dist/Code.js. The edit was judged against the edited sheet itself: a paste changed
 * nothing by that measure, so a technician pasting themselves in as Administrator, or a new setting,
 * was accepted unjudged and unlogged. Now the edited cells count as changed from a value not known,
 * and only the installation owner or an administrator on rows the edit left alone may make them.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { logFor, toastsOf } from '../../support/edits';

const STAFF = SHEET_NAMES.staff;
const SETTINGS = SHEET_NAMES.settings;
let wb: TestWorkbook;

beforeAll(async () => {
  wb = await setUpWorkbook();
  // As an older version left it: no protection on the two tabs (any editor can type there).
  for (const name of [STAFF, SETTINGS]) {
    const sheet = wb.sheet(name);
    for (const p of [...sheet.protections]) wb.model.removeProtection(p);
  }
}, 60_000);
beforeEach(() => {
  const props = wb.rt.world.properties.document(wb.ssId);
  props.delete(PROPERTY_KEYS.acceptedStaff);
  props.delete(PROPERTY_KEYS.acceptedSettings);
});
afterAll(() => wb.close());

const rowOfEmail = (email: string): number =>
  wb.values(STAFF).findIndex((r) => String(r[0]).toLowerCase() === email) + 1;

test('a technician pasting themselves in as Administrator is refused, emptied and logged', async () => {
  const row = rowOfEmail(TECH);
  expectOk(
    (await wb.edit(TECH, STAFF, row, 1, [[TECH, 'Tina Tech', 'Administrator', 'TRUE']])).executions[0]!,
  );
  expect(wb.values(STAFF)[row - 1]?.slice(0, 3)).toEqual(['', '', '']);
  const refused = logFor(wb, STAFF).filter((e) => e.user === TECH);
  expect(refused.map((e) => e.field)).toEqual([
    'A4 (refused)',
    'B4 (refused)',
    'C4 (refused)',
    'D4 (refused)',
  ]);
  expect(refused[2]?.old).toBe('(not known)');
  expect(refused[2]?.new).toMatch(/^Administrator \[Only an administrator changes the Staff tab/);
  expect(toastsOf(wb, TECH).at(-1)).toMatch(
    /accepted copy of this tab cannot say what the edited cells held/,
  );
  // Not an administrator now either.
  const verify = await wb.menu(TECH, 'verifyAuditLog');
  expect(verify.error?.message).toMatch(/Only an active Administrator/);
  // Put back as it was for the rest of the tests (the row was the technician's).
  wb.sheet(STAFF).writeValues(row, 1, [[TECH, 'Tina Tech', 'Technician', true]]);
});

test('a technician pasting a setting is refused and logged', async () => {
  const row = wb.values(SETTINGS).findIndex((r) => r[6] === 'retentionDays') + 1;
  expectOk((await wb.edit(TECH, SETTINGS, row, 7, [['retentionDays', '1']])).executions[0]!);
  expect(wb.values(SETTINGS)[row - 1]?.slice(6, 8)).toEqual(['', '']);
  const refused = logFor(wb, SETTINGS).filter((e) => e.user === TECH);
  expect(refused.map((e) => e.field)).toEqual([`G${row} (refused)`, `H${row} (refused)`]);
  expect(refused[1]?.old).toBe('(not known)');
  wb.sheet(SETTINGS).writeValues(row, 7, [['retentionDays', 730]]);
});

test('a technician emptying the administrator row is refused and logged, though nothing can be put back', async () => {
  const row = rowOfEmail(ADMIN);
  expectOk((await wb.edit(TECH, STAFF, row, 1, [['', '', '', '']])).executions[0]!);
  const last = logFor(wb, STAFF).at(-1);
  expect(last?.field).toBe(`A${row}:D${row} (refused, not put back)`);
  expect(last?.old).toBe('(not known)');
  expect(toastsOf(wb, TECH).at(-1)).toMatch(/refused but not put back/);
  wb.sheet(STAFF).writeValues(row, 1, [[ADMIN, 'admin', 'Administrator', true]]);
});

test('the installation owner’s paste is accepted, logged, and kept as the copy later edits are judged by', async () => {
  const row = wb.values(STAFF).length + 1;
  const person = 'nora.new@example.com';
  expectOk(
    (await wb.edit(ADMIN, STAFF, row, 1, [[person, 'Nora New', 'Technician', 'TRUE']])).executions[0]!,
  );
  expect(wb.values(STAFF)[row - 1]?.slice(0, 3)).toEqual([person, 'Nora New', 'Technician']);
  const logged = logFor(wb, STAFF).filter((e) => e.user === ADMIN);
  expect(logged.map((e) => [e.field, e.old, e.new])).toEqual([
    [`A${row}`, '(not known)', person],
    [`B${row}`, '(not known)', 'Nora New'],
    [`C${row}`, '(not known)', 'Technician'],
    [`D${row}`, '(not known)', 'true'],
  ]);
  expect(wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.acceptedStaff)).not.toBeNull();
  // An accepted Staff edit applies the protections too: the technician can no longer type there.
  await expect(wb.edit(TECH, STAFF, rowOfEmail(TECH), 3, [['Administrator']])).rejects.toThrow(/protected/);
});
