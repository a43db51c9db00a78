/**
 * Fair SLAs through dist/Code.js: business days with working hours and a holidays list from the
 * Settings tab (validated when typed), due dates on that clock across New York's DST change, and the
 * SLA clock stopped while an order is On Hold — resuming moves Due by the working time held, shows it
 * in Held For (h) and logs the due change with its reason.
 */
import { LocalAppsScript } from '../../../runtime';
import { SHEET_NAMES } from '../../../src/core/model';
import { onlyExecution, sidebarAct, submitOne } from '../../support/edits';
import { HOUR, setUpWorkbookIn } from '../../support/ops';
import { ADMIN, TECH, expectOk, type TestWorkbook } from '../../support/workbook';

const SETTINGS = SHEET_NAMES.settings;
/** Friday 6 March 2026, 14:00 in New York (EST): DST starts on Sunday the 8th. */
const FRIDAY_2PM = new Date('2026-03-06T19:00:00Z');

let wb: TestWorkbook;

function settingRow(name: string): number {
  const values = wb.values(SETTINGS);
  const at = values[0]!.indexOf('Setting');
  const index = values.findIndex((r) => r[at] === name);
  if (index < 1) throw new Error(`no setting ${name}`);
  return index + 1;
}
const valueColumn = () => wb.values(SETTINGS)[0]!.indexOf('Value') + 1;
const noteAt = (row: number, column: number) =>
  wb.sheet(SETTINGS).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';

async function typeSetting(name: string, value: string) {
  return onlyExecution(
    (await wb.edit(ADMIN, SETTINGS, settingRow(name), valueColumn(), [[value]])).executions,
  );
}

async function technicianStep(id: string, request: Record<string, unknown>) {
  const order = wb.order(id);
  const record = expectOk(await wb.call(TECH, 'myWorkAct', { id, revision: order.revision, ...request }));
  const reply = record.value as { ok: boolean; message?: string };
  if (!reply.ok) throw new Error(`myWorkAct ${String(request.action)} refused: ${reply.message ?? ''}`);
}

beforeAll(async () => {
  const rt = LocalAppsScript.load();
  rt.world.clock.set(new Date('2026-03-02T14:00:00Z'));
  wb = await setUpWorkbookIn(rt);
  // Setup on the staffed workbook again, as an administrator does: Staff edits are then judged.
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
});
afterAll(() => wb.close());

describe('the business clock on the Settings tab', () => {
  test('the rows are there with their defaults and what they mean', () => {
    const col = valueColumn();
    expect(wb.sheet(SETTINGS).valueAt(settingRow('workingDays'), col)).toBe('Mon-Fri');
    expect(wb.sheet(SETTINGS).valueAt(settingRow('workingHours'), col)).toBe('08:00-17:00');
    expect(wb.sheet(SETTINGS).valueAt(settingRow('holidays'), col)).toBe('');
    const description = wb.values(SETTINGS)[settingRow('holidays') - 1]!.at(-1);
    expect(String(description)).toMatch(/YYYY-MM-DD/);
  });

  test('a bad value typed by hand is put back with a note saying what is accepted', async () => {
    const col = valueColumn();
    const row = settingRow('workingHours');
    await typeSetting('workingHours', '17:00-08:00');
    expect(wb.sheet(SETTINGS).valueAt(row, col)).toBe('08:00-17:00');
    expect(noteAt(row, col)).toMatch(/"17:00-08:00" is not a valid value for workingHours/);
    expect(noteAt(row, col)).toMatch(/the start before the end/);
    await typeSetting('workingDays', 'Mon-Funday');
    expect(wb.sheet(SETTINGS).valueAt(settingRow('workingDays'), col)).toBe('Mon-Fri');
    expect(noteAt(settingRow('workingDays'), col)).toMatch(/weekday names or ranges such as Mon-Fri/);
    await typeSetting('holidays', '2026-02-30');
    expect(wb.sheet(SETTINGS).valueAt(settingRow('holidays'), col)).toBe('');
    expect(noteAt(settingRow('holidays'), col)).toMatch(/dates written YYYY-MM-DD/);
  });

  test('a holiday typed as a date (Sheets makes it one) is accepted', async () => {
    await typeSetting('holidays', '2026-03-09');
    const kept = wb.sheet(SETTINGS).valueAt(settingRow('holidays'), valueColumn());
    expect(kept).toBeInstanceOf(Date); // not put back: Sheets' date for the typed text
    expect(wb.changeLogEntries().at(-1)).toMatchObject({ recordId: SETTINGS });
  });
});

describe('due dates and time On Hold on the business clock', () => {
  let id: string;
  let dueAtApproval: Date;

  beforeAll(async () => {
    wb.rt.world.clock.set(FRIDAY_2PM);
    id = await submitOne(wb);
    await sidebarAct(wb, {
      action: 'approveAssign',
      id,
      revision: wb.order(id).revision,
      category: 'Electrical',
      priority: 'P3 Routine',
      assignee: TECH,
    });
    dueAtApproval = wb.order(id).due!;
  });

  test('P3 Routine: five working days of 08:00–17:00, the Monday holiday and the weekend skipped, across DST', () => {
    // Friday 14:00–17:00 (3 h), Monday 9 March a holiday, Tuesday–Friday (36 h), Monday 16th 08:00–14:00
    // (6 h): Monday 16 March 14:00 EDT, the wall-clock time kept though clocks went forward.
    expect(dueAtApproval.toISOString()).toBe('2026-03-16T18:00:00.000Z');
  });

  test('held Friday 15:00 to Tuesday 10:00: Due moves by the 4 working hours held, shown and logged', async () => {
    wb.rt.world.clock.set(new Date(FRIDAY_2PM.getTime() + 0.5 * HOUR));
    await technicianStep(id, { action: 'start' });
    wb.rt.world.clock.set(new Date(FRIDAY_2PM.getTime() + HOUR)); // Friday 15:00 EST
    await technicianStep(id, { action: 'hold', reason: 'Waiting for a replacement breaker' });
    const held = wb.order(id);
    expect(held.status).toBe('On Hold');
    // Stamped when the step ran (the world's clock moves on in real time from where it was set).
    expect(Math.abs(held.heldSince!.getTime() - (FRIDAY_2PM.getTime() + HOUR))).toBeLessThan(1000);
    expect(held.due?.toISOString()).toBe(dueAtApproval.toISOString());

    // Tuesday 10 March 10:00 EDT: 94 hours later on the wall clock, 4 of them working hours.
    wb.rt.world.clock.set(new Date('2026-03-10T14:00:00Z'));
    await technicianStep(id, { action: 'resume' });
    const resumed = wb.order(id);
    expect(resumed.status).toBe('In Progress');
    expect(resumed.heldSince).toBeNull();
    expect(resumed.heldHours).toBe(4);
    // Monday 16 March 14:00 + 4 working hours = 17:00 (3 h), then Tuesday 08:00 + 1 h.
    expect(resumed.due?.toISOString()).toBe('2026-03-17T13:00:00.000Z');
    // Shown on the row: the Held For (h) column, visible beside Due.
    const row = wb.register().find((r) => r.order.id === id)!.row;
    expect(wb.sheet(SHEET_NAMES.register).valueAt(row, wb.registerColumn('Held For (h)'))).toBe(4);
    // And on the technician's card in My work.
    const loaded = expectOk(await wb.call(TECH, 'myWorkLoad')).value as {
      ok: boolean;
      view: { open: Array<{ id: string; heldHours: number }> };
    };
    expect(loaded.view.open.find((c) => c.id === id)?.heldHours).toBe(4);

    // One log row for the step: the status, the due date moved and why.
    const entries = wb.changeLogEntries().filter((e) => e.recordId === id);
    const last = entries.slice(-5);
    expect(last.map((e) => [e.field, e.oldValue, e.newValue])).toEqual([
      ['Status', 'On Hold', 'In Progress'],
      ['Due', dueAtApproval.toISOString(), '2026-03-17T13:00:00.000Z'],
      ['On Hold Since', held.heldSince!.toISOString(), ''],
      ['Held For (h)', '0', '4'],
      ['Reason for change', '', 'Due moved by 4 h held: clock stopped while On Hold'],
    ]);
    expect(last.every((e) => e.user === TECH)).toBe(true);
  });

  test('a second hold adds to Held For and moves Due again, from the sheet as well', async () => {
    wb.rt.world.clock.set(new Date('2026-03-10T15:00:00Z')); // Tuesday 11:00 EDT
    await technicianStep(id, { action: 'hold', reason: 'Access to the plant room' });
    wb.rt.world.clock.set(new Date('2026-03-10T17:30:00Z')); // Tuesday 13:30 EDT: 2.5 working hours
    const row = wb.register().find((r) => r.order.id === id)!.row;
    const outcome = await wb.edit(TECH, SHEET_NAMES.register, row, wb.registerColumn('Status'), [
      ['In Progress'],
    ]);
    onlyExecution(outcome.executions);
    const order = wb.order(id);
    expect(order.status).toBe('In Progress');
    expect(order.heldHours).toBe(6.5);
    // Tuesday 17 March 09:00 + 2.5 working hours = 11:30 EDT.
    expect(order.due?.toISOString()).toBe('2026-03-17T15:30:00.000Z');
    expect(wb.changeLogEntries().at(-1)).toMatchObject({
      recordId: id,
      field: 'Reason for change',
      newValue: 'Due moved by 2.5 h held: clock stopped while On Hold',
      source: 'sheet edit',
    });
  });
});

test('a register from before On Hold Since, Held For and Asset keeps working, and setup adds the columns', async () => {
  const rt = LocalAppsScript.load();
  rt.world.clock.set(FRIDAY_2PM);
  const old = await setUpWorkbookIn(rt);
  try {
    expectOk(await old.menu(ADMIN, 'setUpWorkOrders'));
    // The register as an earlier version made it: without the three columns.
    const sheet = old.sheet(SHEET_NAMES.register);
    for (const header of ['On Hold Since', 'Held For (h)', 'Asset'])
      sheet.deleteColumns(old.registerColumn(header), 1);
    const id = await submitOne(old);
    await sidebarAct(old, {
      action: 'approveAssign',
      id,
      revision: old.order(id).revision,
      category: 'Electrical',
      priority: 'P3 Routine',
      assignee: TECH,
    });
    const step = async (request: Record<string, unknown>) => {
      const record = expectOk(
        await old.call(TECH, 'myWorkAct', { id, revision: old.order(id).revision, ...request }),
      );
      expect((record.value as { ok: boolean }).ok).toBe(true);
    };
    await step({ action: 'start' });
    await step({ action: 'hold', reason: 'Parts' });
    const due = old.order(id).due;
    await step({ action: 'resume' });
    // Nothing recorded when the hold began, so nothing to move: the order goes on as before.
    expect(old.order(id)).toMatchObject({ status: 'In Progress', due });
    const report = String(expectOk(await old.menu(ADMIN, 'setUpWorkOrders')).value);
    expect(report).toMatch(/On Hold Since/);
    expect(old.registerColumn('Held For (h)')).toBeGreaterThan(0);
    expect(old.registerColumn('Asset')).toBeGreaterThan(0);
    expect(old.order(id)).toMatchObject({ status: 'In Progress', asset: '' });
  } finally {
    await old.close();
  }
});
