/**
 * A technician is an editor of the register, so a script of their own can rewrite the cells the
 * reports count (Status, Completed At, Due) with no edit trigger to judge them, and improve their own
 * figures. Build reports counts each row as Work Orders recorded it (its sealed Last Known State, read
 * with the row): a field the cells contradict counts as recorded, and the tab's notes name the order
 * and say to run Verify audit log; a row with no record the add-on wrote is counted as it stands and
 * named. Through dist/Code.js.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';
import { REGISTER, assignedOrder, closedOrder, rowOf } from '../../support/edits';
import {
  MANAGER,
  MID_MORNING,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

let wb: TestWorkbook;
let forged: string;
let unrecorded: string;
beforeAll(async () => {
  wb = await setUpWorkbook({ startAt: MID_MORNING });
  await closedOrder(wb, TECH, { description: 'Replace the tap washer' });
  forged = await assignedOrder(wb, TECH, { description: 'Fix the lobby light' });
  unrecorded = await assignedOrder(wb, TECH, { description: 'Paint the fence' });
}, 60_000);
afterAll(() => wb.close());

/** Writes a register cell as a script or the Sheets API would: no edit trigger runs. */
function writeOutside(id: string, header: string, value: unknown): void {
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn(header), [[value as string]]);
}

const summaryCount = (label: string): unknown =>
  wb.values(SHEET_NAMES.reportSummary).find((r) => r[0] === label)?.[1];

const notes = (): string[] => {
  const values = wb.values(SHEET_NAMES.reportSummary);
  const at = values.findIndex((r) => r[0] === 'Notes');
  return values.slice(at + 1).map((r) => String(r[0]));
};

test('honest rows: one Closed, and no note about changed cells', async () => {
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(summaryCount('Closed')).toBe(1);
  expect(notes().join('\n')).not.toMatch(/outside Work Orders|no record Work Orders wrote/);
});

test('a Status written Closed by script counts as recorded, and the order is named', async () => {
  writeOutside(forged, 'Status', 'Closed');
  writeOutside(forged, 'Closed At', new Date(MID_MORNING.getTime() + 60_000));
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(summaryCount('Closed')).toBe(1);
  const ref = wb.order(forged).woNumber;
  const note = notes().find((n) => /changed outside Work Orders/.test(n));
  expect(note).toMatch(
    new RegExp(`^1 work order\\(s\\) have cells changed outside Work Orders.*${ref}.*Verify audit log`),
  );
});

test('a row whose record was blanked is counted as it stands and named', async () => {
  writeOutside(unrecorded, ROW_STATE_HEADER, '');
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  const ref = wb.order(unrecorded).woNumber;
  expect(notes().find((n) => /no record Work Orders wrote/.test(n))).toMatch(
    new RegExp(`^1 register row.*${ref}`),
  );
});
