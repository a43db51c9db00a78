/**
 * An administrator renames or removes a Location (Settings), an Asset ID (Assets) or a category's
 * checklist (Checklists) that open orders or schedules still name, through dist/Code.js: the edit
 * stands and nothing already recorded is rewritten, but the administrator is told at once, in the
 * toast and in a note on the edited cell, how many and which orders, schedules and assets still name
 * it, what each now does and what to do. A rename of a name nothing uses says nothing of the kind.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { typeChecklists } from '../checklists/helpers';
import { onlyExecution, sidebarAct, submitOne, toastsOf, type } from '../../support/edits';
import { scheduleRow } from '../../support/schedules';
import { ADMIN, SUPERVISOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const { settings: SETTINGS, assets: ASSETS, schedules: SCHEDULES } = SHEET_NAMES;
let wb: TestWorkbook;
/** Approved, at the Annex. */
let annex: string;
/** Approved, at Main Building, on asset PUMP-01. */
let pumped: string;

async function approved(location: string): Promise<string> {
  const id = await submitOne(wb, { location });
  await sidebarAct(wb, {
    action: 'approve',
    id,
    revision: wb.order(id).revision,
    category: 'Plumbing',
    priority: 'P2 Urgent',
  });
  return id;
}

beforeAll(async () => {
  wb = await setUpWorkbook();
  (
    await wb.edit(ADMIN, ASSETS, 2, 1, [
      ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
      ['FAN-02', 'Roof extract fan', 'Annex', 'HVAC', 'Low', 'TRUE'],
    ])
  ).executions.forEach(expectOk);
  (
    await wb.edit(ADMIN, SCHEDULES, 2, 1, [
      scheduleRow({
        id: 'PM-PUMP',
        task: 'Inspect the pump',
        asset: 'PUMP-01',
        category: 'Plumbing',
        nextDue: '2026-01-05',
      }),
      scheduleRow({
        id: 'PM-ANNEX',
        task: 'Walk the annex',
        location: 'Annex',
        category: 'HVAC',
        nextDue: '2026-01-05',
      }),
    ])
  ).executions.forEach(expectOk);
  annex = await approved('Annex');
  pumped = await approved('Main Building');
  expectOk(await type(wb, SUPERVISOR, pumped, 'Asset', 'PUMP-01'));
}, 120_000);
afterAll(() => wb.close());

function cellOf(tab: string, header: string, value: string): { row: number; column: number } {
  const values = wb.values(tab);
  const column = (values[0] ?? []).indexOf(header) + 1;
  const row = values.findIndex((r) => r[column - 1] === value) + 1;
  if (column < 1 || row < 1) throw new Error(`no ${header} "${value}" on ${tab}`);
  return { row, column };
}

function noteAt(tab: string, { row, column }: { row: number; column: number }): string {
  return wb.sheet(tab).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
}

/** The administrator types `to` over the `header` cell of `tab` holding `from`; the toasts they saw. */
async function retype(tab: string, header: string, from: string, to: string) {
  const cell = cellOf(tab, header, from);
  const seen = toastsOf(wb, ADMIN).length;
  onlyExecution((await wb.edit(ADMIN, tab, cell.row, cell.column, [[to]])).executions);
  return { cell, toast: toastsOf(wb, ADMIN).slice(seen).join(' | ') };
}

test('renaming a location open orders, schedules and assets name tells the administrator which', async () => {
  const { cell, toast } = await retype(SETTINGS, 'Location', 'Annex', 'Annex B');
  expect(wb.sheet(SETTINGS).valueAt(cell.row, cell.column)).toBe('Annex B');
  const said =
    `Location "Annex" is no longer on the Settings tab; still naming it: 1 open work order ` +
    `(${wb.order(annex).woNumber}), kept as recorded (where the request said the work is); ` +
    '1 schedule (PM-ANNEX), skipped by the hourly job until an administrator gives each a location ' +
    'from the Settings list in its Location cell on the Schedules tab; 1 asset (FAN-02), off the ' +
    'request form, and their schedules skipped, until an administrator gives each a location from ' +
    'the Settings list on the Assets tab.';
  expect(toast).toContain(said);
  expect(toast).not.toContain(wb.order(pumped).woNumber);
  expect(noteAt(SETTINGS, cell)).toMatch(new RegExp(`^Work Orders: still in use \\(${ADMIN}, `));
  expect(noteAt(SETTINGS, cell)).toContain(said);
  // History stays as recorded.
  expect(wb.order(annex).location).toBe('Annex');
});

test('renaming an Asset ID an open order and a schedule name tells the administrator which', async () => {
  const { cell, toast } = await retype(ASSETS, 'Asset ID', 'PUMP-01', 'PUMP-1');
  expect(wb.sheet(ASSETS).valueAt(cell.row, cell.column)).toBe('PUMP-1');
  const said =
    `Asset ID "PUMP-01" is no longer on the Assets tab; still naming it: 1 open work order ` +
    `(${wb.order(pumped).woNumber}), kept as recorded; a supervisor gives each an Asset ID from ` +
    'the Assets tab by typing it in its Asset cell; 1 schedule (PM-PUMP), skipped by the hourly job ' +
    "until an administrator types an Asset ID from the Assets tab in each one's Asset cell on the Schedules tab.";
  expect(toast).toBe(said);
  expect(noteAt(ASSETS, cell)).toContain(said);
  expect(wb.order(pumped).asset).toBe('PUMP-01');
  // Renamed back: nothing is left behind, and the warning's note goes.
  const back = await retype(ASSETS, 'Asset ID', 'PUMP-1', 'PUMP-01');
  expect(back.toast).toBe('');
  expect(noteAt(ASSETS, back.cell)).toBe('');
});

test("removing a category's checklist that schedules use says their orders come with none", async () => {
  expectOk(await typeChecklists(wb, [['Plumbing', 'Isolate the supply', 'Yes', '1']]));
  const { cell, toast } = await retype('Checklists', 'Category', 'Plumbing', 'HVAC');
  expect(toast).toBe(
    'Category "Plumbing" no longer has checklist items on the Checklists tab; still of that category: ' +
      '1 schedule (PM-PUMP), whose orders from now on come with no checklist. Put the items back under ' +
      '"Plumbing" if they still apply.',
  );
  expect(noteAt('Checklists', cell)).toMatch(/^Work Orders: still in use .*PM-PUMP/);
});

test('renaming a location nothing names warns of nothing', async () => {
  const { toast } = await retype(SETTINGS, 'Location', 'Grounds', 'Gardens');
  expect(toast).not.toMatch(/no longer on the Settings tab/);
});
