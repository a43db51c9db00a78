/**
 * Trigger health. A deleted trigger is created again by the hourly job (or by "Run hourly
 * checks now" for the hourly trigger itself), the repair is reported, and what the missing trigger
 * missed is reconciled.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, SUPERVISOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { HOUR, hourlyTriggers, mailTo, ownerState, rowsOf, runHourly } from '../../support/ops';
import { forgetRememberedState } from '../../support/caches';

function triggersOf(wb: TestWorkbook, handler: string) {
  return wb.rt.world.triggers.list().filter((t) => t.handlerFunction === handler);
}

describe('a deleted form-submit trigger', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    const [trigger] = triggersOf(wb, 'onFormSubmitTrigger');
    wb.rt.world.triggers.remove(trigger!.uid);
    // A request arrives while no trigger listens.
    const submitted = await wb.submit({ description: 'Arrived while the trigger was gone' });
    expect(submitted.executions).toHaveLength(0);
  });
  afterAll(() => wb.close());

  test('is created again by the hourly job, and the request it missed is recorded', async () => {
    const [run] = await runHourly(wb);
    expectOk(run!);
    expect(run!.value).toMatchObject({
      triggers: { missing: ['form-submit'], duplicates: [] },
      reconciliation: { ingested: ['REQ-000001'] },
    });
    const again = triggersOf(wb, 'onFormSubmitTrigger');
    expect(again).toHaveLength(1);
    expect(again[0]!.sourceId).toBe(wb.ssId);
    expect(again[0]!.owner).toBe(ADMIN);
    expect(wb.register().map((r) => r.order.description)).toEqual(['Arrived while the trigger was gone']);
  });

  test('the repair is on the Errors sheet and emailed to the administrators', () => {
    const errors = rowsOf(wb, SHEET_NAMES.errors);
    expect(errors.map((e) => String(e.Message))).toEqual([
      expect.stringMatching(/Trigger health: the missing form-submit trigger was created again/),
      expect.stringMatching(/Reconciliation recorded 1 form response/),
    ]);
    expect(errors.every((e) => e.Trigger === 'onHourlyTrigger' && e.Emailed === 'emailed')).toBe(true);
    expect(
      mailTo(wb, ADMIN).filter((m) => /^\[Facilities Maintenance\] Work Orders repaired/.test(m.subject)),
    ).toHaveLength(2);
  });

  test('the new trigger works: the next submission is ingested by it', async () => {
    const submitted = await wb.submit({ description: 'After the repair' });
    expect(submitted.executions).toHaveLength(1);
    expectOk(submitted.executions[0]!);
    expect(wb.register()).toHaveLength(2);
  });

  test('once repaired, later runs report nothing', async () => {
    expectOk((await runHourly(wb))[0]!);
    expect(rowsOf(wb, SHEET_NAMES.errors)).toHaveLength(2);
  });

  test('a run with every trigger in place asks each of them for its handler once', async () => {
    const [run] = await runHourly(wb);
    expectOk(run!);
    expect(run!.value).toMatchObject({ triggers: { missing: [], duplicates: [] } });
    const calls = run!.stats.calls;
    expect(calls['Trigger.getHandlerFunction']).toBe(
      wb.rt.world.triggers.list().filter((t) => t.owner === ADMIN).length,
    );
  });
});

test('a deleted edit trigger is created again too', async () => {
  const wb = await setUpWorkbook();
  try {
    wb.rt.world.triggers.remove(triggersOf(wb, 'onEditTrigger')[0]!.uid);
    const [run] = await runHourly(wb);
    expectOk(run!);
    expect(triggersOf(wb, 'onEditTrigger')).toHaveLength(1);
    expect(run!.value).toMatchObject({ triggers: { missing: ['edit'] } });
  } finally {
    await wb.close();
  }
});

describe('a deleted hourly trigger', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    wb.rt.world.triggers.remove(hourlyTriggers(wb)[0]!.uid);
  });
  afterAll(() => wb.close());

  test('cannot be run by a supervisor, nor by an administrator who does not own the triggers', async () => {
    const bySupervisor = await wb.menu(SUPERVISOR, 'runHourlyChecksNow');
    expect(bySupervisor.ok).toBe(false);
    expect(bySupervisor.error?.message).toMatch(/Only an active Administrator/);
    // A second administrator: their properties hold none of this spreadsheet's job state.
    const other = 'second.admin@example.com';
    wb.sheet(SHEET_NAMES.staff).writeValues(wb.sheet(SHEET_NAMES.staff).lastRow() + 1, 1, [
      [other, 'Second Admin', 'Administrator', true],
    ]);
    forgetRememberedState(wb.rt.world, wb.ssId);
    const byOther = await wb.menu(other, 'runHourlyChecksNow');
    expect(byOther.ok).toBe(false);
    expect(byOther.error?.message).toMatch(/administrator who set up its triggers/);
    expect(wb.rt.world.triggers.list().filter((t) => t.owner === other)).toHaveLength(0);
    // Refusals are the person's own answer, shown to them: not errors to report.
    expect(rowsOf(wb, SHEET_NAMES.errors)).toHaveLength(0);
  });

  test('is created again by "Run hourly checks now", which reports what it did', async () => {
    const run = await wb.menu(ADMIN, 'runHourlyChecksNow');
    expectOk(run);
    expect(run.value).toMatchObject({ triggers: { missing: ['hourly'] } });
    const [trigger] = hourlyTriggers(wb);
    expect(trigger).toBeDefined();
    expect(JSON.parse(wb.rt.world.properties.user(ADMIN).get('wo.hourly.triggers')!)).toMatchObject({
      [trigger!.uid]: wb.ssId,
    });
    const alert = wb.rt.world.ui.alerts(wb.ssId, ADMIN).at(-1)!;
    expect(alert.prompt).toMatch(/Triggers repaired: hourly created/);
  });

  test('the new hourly trigger finds its spreadsheet', async () => {
    const runs = await runHourly(wb, HOUR);
    expect(runs).toHaveLength(1);
    expectOk(runs[0]!);
    expect(runs[0]!.value).toMatchObject({ spreadsheetId: wb.ssId, triggers: { missing: [] } });
    expect(ownerState(wb, 'hourlyLease')).toBeNull();
  });
});

test('an hourly trigger its owner cannot map to a spreadsheet fails visibly (Apps Script records the failure)', async () => {
  const wb = await setUpWorkbook();
  try {
    wb.rt.world.properties.user(ADMIN).delete('wo.hourly.triggers');
    const [run] = await runHourly(wb);
    expect(run!.ok).toBe(false);
    expect(run!.error?.message).toMatch(/not linked to any spreadsheet/);
  } finally {
    await wb.close();
  }
});
