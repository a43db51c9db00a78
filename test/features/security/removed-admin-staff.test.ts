/**
 * An administrator removed the usual way, by deleting their Staff row, through dist/Code.js. The row
 * deletion fires no edit trigger, so the add-on's accepted copy of the tab still lists them, and the
 * Staff protection still lets them type there until the hourly job re-applies it. Judged against that
 * copy, their paste of their own row back was accepted (they were an administrator in it), and any
 * refused edit of theirs put the whole copy back, their deleted row included: a removed administrator
 * made themselves one again for good. A copy that is no longer the tab outside the edited cells is
 * now not taken for the tab before the edit: the edited cells count as changed from a value not
 * known, and only the installation owner or an administrator on a row the edit left alone may make
 * them.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { logFor } from '../../support/edits';

const STAFF = SHEET_NAMES.staff;
const FORMER = 'fred.former@example.com';
const FORMER_ROW = [FORMER, 'Fred Former', 'Administrator', 'TRUE'];
let wb: TestWorkbook;

beforeEach(async () => {
  wb = await setUpWorkbook();
  // The owner adds a second administrator (accepted: the protections now let them edit Staff)…
  expectOk((await wb.edit(ADMIN, STAFF, wb.values(STAFF).length + 1, 1, [FORMER_ROW])).executions[0]!);
  // …and later removes them by deleting their row.
  const at = wb.values(STAFF).findIndex((r) => r[0] === FORMER);
  wb.sheet(STAFF).deleteRows(at + 1, 1);
  (await wb.rt.changeSpreadsheet(wb.ssId, ADMIN, 'REMOVE_ROW')).forEach(expectOk);
}, 60_000);
afterEach(() => wb.close());

const listed = (): boolean => wb.values(STAFF).some((r) => r[0] === FORMER);

test('the removed administrator pasting their row back is refused, and the row is emptied', async () => {
  const row = wb.values(STAFF).length + 1;
  expectOk((await wb.edit(FORMER, STAFF, row, 1, [FORMER_ROW])).executions[0]!);
  expect(listed()).toBe(false);
  const refused = logFor(wb, STAFF).filter((e) => e.user === FORMER);
  expect(refused.map((e) => e.field)).toEqual([
    `A${row} (refused)`,
    `B${row} (refused)`,
    `C${row} (refused)`,
    `D${row} (refused)`,
  ]);
  expect(refused[0]?.new).toMatch(
    /by a row of theirs this edit did not write \(fred.former@example.com is not one\)/,
  );
});

test('a refused edit of theirs does not put their deleted row back', async () => {
  expectOk((await wb.edit(FORMER, STAFF, 2, 3, [['Boss']])).executions[0]!);
  expect(listed()).toBe(false);
  expect(wb.values(STAFF)[1]?.[2]).toBe('Administrator');
});

test('the owner’s edit after the deletion is accepted, and the copy holds the tab again', async () => {
  const row = wb.values(STAFF).length + 1;
  expectOk(
    (await wb.edit(ADMIN, STAFF, row, 1, [['nora.new@example.com', 'Nora New', 'Technician', 'TRUE']]))
      .executions[0]!,
  );
  expect(wb.values(STAFF)[row - 1]?.[0]).toBe('nora.new@example.com');
  expect(listed()).toBe(false);
  // Judged against the copy again: the owner's next single-cell change is logged with its old value.
  expectOk((await wb.edit(ADMIN, STAFF, row, 2, [['Nora Newer']])).executions[0]!);
  expect(logFor(wb, STAFF).at(-1)).toMatchObject({ field: `B${row}`, old: 'Nora New', new: 'Nora Newer' });
});

test('nor can they change a setting, which the copy alone would have let them', async () => {
  const row = wb.values(SHEET_NAMES.settings).findIndex((r) => r[6] === 'retentionDays') + 1;
  expectOk((await wb.edit(FORMER, SHEET_NAMES.settings, row, 8, [['1']])).executions[0]!);
  expect(wb.values(SHEET_NAMES.settings)[row - 1]?.[7]).toBe(730);
  expect(logFor(wb, SHEET_NAMES.settings).at(-1)).toMatchObject({ field: `H${row} (refused)`, old: '730' });
});

test('negative control: an administrator still on the tab (not the owner) adds someone; their own role stays theirs to ask for', async () => {
  const second = 'sara.second@example.com';
  const at = wb.values(STAFF).length + 1;
  expectOk(
    (await wb.edit(ADMIN, STAFF, at, 1, [[second, 'Sara Second', 'Administrator', 'TRUE']])).executions[0]!,
  );
  const row = wb.values(STAFF).length + 1;
  expectOk(
    (await wb.edit(second, STAFF, row, 1, [['nora.new@example.com', 'Nora New', 'Technician', 'TRUE']]))
      .executions[0]!,
  );
  expect(logFor(wb, STAFF).at(-1)).toMatchObject({ user: second, field: `D${row}`, old: '', new: 'true' });
  // Demoting herself is for another administrator or the owner: put back, saying so.
  expectOk((await wb.edit(second, STAFF, at, 3, [['Technician']])).executions[0]!);
  expect(wb.values(STAFF)[at - 1]?.[2]).toBe('Administrator');
  expect(logFor(wb, STAFF).at(-1)?.new).toMatch(
    /own Email, Role or Active is changed by another administrator or the installation owner/,
  );
});

test('an administrator (not the owner) pasting over the whole tab, her own row included: refused, the others put back from the copy', async () => {
  const second = 'sara.second@example.com';
  const at = wb.values(STAFF).length + 1;
  expectOk(
    (await wb.edit(ADMIN, STAFF, at, 1, [[second, 'Sara Second', 'Administrator', 'TRUE']])).executions[0]!,
  );
  const was = wb.values(STAFF).map((r) => r.slice(0, 4).map(String));
  const pasted = was.slice(1).map((r) => (r[0] === ADMIN ? [ADMIN, 'The Admin', r[2]!, r[3]!] : r));
  expectOk((await wb.edit(second, STAFF, 2, 1, pasted)).executions[0]!);
  const now = wb.values(STAFF).map((r) => r.slice(0, 4).map(String));
  // Every other row as the copy has it; her own row, which the copy cannot speak for here, emptied.
  expect(now.slice(0, at - 1)).toEqual(was.slice(0, at - 1));
  expect(now[at - 1] ?? ['', '', '', '']).toEqual(['', '', '', '']);
  expect(now.some((r) => r[0] === second)).toBe(false);
  expect(
    logFor(wb, STAFF)
      .filter((e) => e.user === second && e.old === '(not known)')
      .map((e) => e.field),
  ).toEqual([`A${at} (refused)`, `B${at} (refused)`, `C${at} (refused)`, `D${at} (refused)`]);
});
