/**
 * The Assets tab through dist/Code.js: created by setup and protected for administrators; hand edits
 * judged row by row (a bad row put back with a note, the good rows of the same paste kept, each logged);
 * the intake form's asset question follows the tab; a request naming an asset records it on its order.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ASSET_HEADER_ROW } from '../../../src/core/assets';
import { areaEditors } from '../../../src/core/permissions';
import {
  ADMIN,
  REQUESTOR,
  STAFF_ROWS,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { rowsOf } from '../../support/ops';
import { sidebarAct } from '../../support/edits';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

const ASSETS = SHEET_NAMES.assets;

function assetQuestion() {
  const form = wb.rt.world.forms.require(wb.formId);
  return form.items.find((item) => item.title === 'Asset') ?? null;
}

function noteOf(row: number, column: number): string {
  return wb.sheet(ASSETS).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
}

function logLines(): string[] {
  return wb
    .changeLogEntries()
    .filter((e) => e.recordId === ASSETS)
    .map((e) => `${e.field}: ${e.newValue}`);
}

test('setup makes the Assets tab with its header, protected for administrators only', async () => {
  expect(wb.values(ASSETS)[0]).toEqual([...ASSET_HEADER_ROW]);
  const staff = STAFF_ROWS.map(([email, name, role, active]) => ({
    email,
    name,
    role: role as 'Technician',
    active,
  }));
  const editors = areaEditors(
    'assets',
    [...staff, { email: ADMIN, name: 'a', role: 'Administrator', active: true }],
    ADMIN,
  );
  expect(editors).toEqual([ADMIN]);
  await expect(wb.edit(TECH, ASSETS, 2, 1, [['HACK-1']])).rejects.toThrow(/protected cell/);
  await expect(wb.edit(SUPERVISOR, ASSETS, 2, 1, [['HACK-1']])).rejects.toThrow(/protected cell/);
  // No assets yet: the form does not ask for one.
  expect(assetQuestion()).toBeNull();
});

test('a pasted block of good rows is accepted, logged, and offered on the form', async () => {
  const outcome = await wb.edit(ADMIN, ASSETS, 2, 1, [
    ['PUMP-01', 'Boiler feed pump', 'main building', 'Plumbing', 'high', 'TRUE'],
    ['AHU-2', 'Air handling unit 2', 'Annex', 'HVAC', 'Medium', ''],
    ['OLD-9', 'Retired compressor', 'Warehouse', '', '', 'FALSE'],
  ]);
  outcome.executions.forEach(expectOk);
  expect(rowsOf(wb, ASSETS).map((r) => r['Asset ID'])).toEqual(['PUMP-01', 'AHU-2', 'OLD-9']);
  expect(logLines()).toEqual([
    expect.stringMatching(/^Row 2: PUMP-01 \| Boiler feed pump/),
    expect.stringMatching(/^Row 3: AHU-2/),
    expect.stringMatching(/^Row 4: OLD-9/),
  ]);
  // Active ones only, with the Settings spelling of their location.
  expect(assetQuestion()?.choices).toEqual([
    'PUMP-01 — Boiler feed pump (main building)'.replace('main building', 'Main Building'),
    'AHU-2 — Air handling unit 2 (Annex)',
  ]);
});

test('a bad value typed in one cell is put back at once, with a note saying what is wrong', async () => {
  const outcome = await wb.edit(ADMIN, ASSETS, 2, 5, [['Catastrophic']]);
  outcome.executions.forEach(expectOk);
  expect(wb.sheet(ASSETS).valueAt(2, 5)).toBe('high');
  expect(noteOf(2, 5)).toMatch(/Criticality "Catastrophic" is not one of High, Medium, Low/);
  expect(noteOf(2, 5)).toMatch(/Accepted: Asset ID/);
  expect(logLines().at(-1)).toMatch(/^Row 2 \(refused\): .*Catastrophic.*\[Assets row 2: Criticality/);
  expect(wb.rt.world.ui.toasts(wb.ssId, ADMIN).at(-1)?.message).toMatch(/Assets: 1 row\(s\) put back/);
});

test('in a paste, the bad rows are refused and the good ones stand', async () => {
  const outcome = await wb.edit(ADMIN, ASSETS, 5, 1, [
    ['GEN-1', 'Standby generator', 'Car Park', 'Electrical', 'High', 'TRUE'],
    ['BAD ID', 'Has a space', 'Nowhere', '', '', 'maybe'],
  ]);
  outcome.executions.forEach(expectOk);
  expect(wb.sheet(ASSETS).valueAt(5, 1)).toBe('GEN-1');
  // Row 6 was empty in the accepted copy: it is empty again, with the note.
  expect([1, 2, 3, 6].map((c) => wb.sheet(ASSETS).valueAt(6, c))).toEqual(['', '', '', '']);
  expect(noteOf(6, 1)).toMatch(
    /Asset ID "BAD ID" is not 1 to 40 letters.*Location "Nowhere" is not on the Settings list.*Active is not TRUE or FALSE/,
  );
  expect(assetQuestion()?.choices).toContain('GEN-1 — Standby generator (Car Park)');
});

test('a row still being typed (no name or location yet) is neither refused nor offered', async () => {
  (await wb.edit(ADMIN, ASSETS, 7, 1, [['LIFT-1']])).executions.forEach(expectOk);
  expect(wb.sheet(ASSETS).valueAt(7, 1)).toBe('LIFT-1');
  expect(noteOf(7, 1)).toBe('');
  expect(assetQuestion()?.choices?.some((c) => c.startsWith('LIFT-1'))).toBe(false);
  (await wb.edit(ADMIN, ASSETS, 7, 2, [['Passenger lift']])).executions.forEach(expectOk);
  expect(wb.sheet(ASSETS).valueAt(7, 2)).toBe('Passenger lift');
  expect(assetQuestion()?.choices?.some((c) => c.startsWith('LIFT-1'))).toBe(false);
  (await wb.edit(ADMIN, ASSETS, 7, 3, [['Main Building']])).executions.forEach(expectOk);
  expect(assetQuestion()?.choices).toContain('LIFT-1 — Passenger lift (Main Building)');
});

test('a request naming an asset records it on the work order (Asset column)', async () => {
  const answers = {
    ...wb.answers({ location: 'Main Building' }),
    Asset: 'PUMP-01 — Boiler feed pump (Main Building)',
  };
  const outcome = await wb.rt.submitForm(wb.formId, { respondentEmail: REQUESTOR, answers });
  outcome.executions.forEach(expectOk);
  const order = wb.register().at(-1)!.order;
  expect(order.asset).toBe('PUMP-01');
  expect(order.location).toBe('Main Building');
  expect(order.reviewFlag).toBe('');
  // Assigned, the technician's My work card names the asset.
  await sidebarAct(wb, {
    action: 'approveAssign',
    id: order.id,
    revision: order.revision,
    category: 'Plumbing',
    priority: 'P3 Routine',
    assignee: TECH,
  });
  const loaded = expectOk(await wb.call(TECH, 'myWorkLoad')).value as {
    view: { open: Array<{ id: string; asset: string }> };
  };
  expect(loaded.view.open.find((c) => c.id === order.id)?.asset).toBe('PUMP-01');
  // Without an answer (optional question) the order simply has no asset.
  (await wb.submit()).executions.forEach(expectOk);
  expect(wb.register().at(-1)!.order.asset).toBe('');
});

test('retiring every asset removes the question from the form', async () => {
  const rows = wb.values(ASSETS).length - 1;
  const outcome = await wb.edit(
    ADMIN,
    ASSETS,
    2,
    6,
    Array.from({ length: rows }, () => ['FALSE']),
  );
  outcome.executions.forEach(expectOk);
  expect(assetQuestion()).toBeNull();
  // Setup run again keeps it so, and reports nothing to repair about it.
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  expect(assetQuestion()).toBeNull();
});
