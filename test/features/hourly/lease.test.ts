/**
 * One hourly job at a time per spreadsheet. While a run holds the lease (in the owner's
 * properties), a second run (the trigger, or "Run hourly checks now") does nothing and says so; a lease
 * left by a run that died expires after the 6-minute execution limit.
 */
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { HOUR, assign, mailTo, now, ownerState, runHourly, submitMany } from '../../support/ops';

describe('the job lease', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    const [id] = await submitMany(wb, 1);
    assign(wb, id!, 1, TECH, new Date(now(wb).getTime() - HOUR));
  });
  afterAll(() => wb.close());

  test('a run that finds the lease taken does nothing and says so', async () => {
    wb.rt.world.properties
      .user(ADMIN)
      .set(`wo.${wb.ssId}.hourlyLease`, String(now(wb).getTime() + 5 * 60_000));
    const run = expectOk(await wb.menu(ADMIN, 'runHourlyChecksNow'));
    expect(run.value).toMatchObject({ skipped: 'already running' });
    expect(wb.rt.world.ui.alerts(wb.ssId, ADMIN).at(-1)!.prompt).toMatch(/already running/);
    expect(mailTo(wb, TECH)).toHaveLength(0);
  });

  test('a lease left by a run that died expires, and the next run does the work and releases it', async () => {
    const [run] = await runHourly(wb, 10 * 60_000);
    expectOk(run!);
    expect(run!.value).not.toHaveProperty('skipped');
    expect(mailTo(wb, TECH)).toHaveLength(1);
    expect(ownerState(wb, 'hourlyLease')).toBeNull();
  });

  test('"Run hourly checks now" by the owner shows what it did', async () => {
    const run = expectOk(await wb.menu(ADMIN, 'runHourlyChecksNow'));
    expect(run.value).toMatchObject({ problems: [] });
    expect(wb.rt.world.ui.alerts(wb.ssId, ADMIN).at(-1)!.prompt).toMatch(
      /^Triggers: all in place\.\nOutbox: 0 sent/,
    );
  });
});

test('the trigger and "Run hourly checks now" at the same moment send each reminder once', async () => {
  const wb = await setUpWorkbook();
  try {
    const ids = await submitMany(wb, 3);
    ids.forEach((id, i) => assign(wb, id, i + 1, TECH, new Date(now(wb).getTime() - HOUR)));
    wb.rt.world.clock.advance(HOUR);
    const [scheduled, manual] = await wb.rt.interleaved(() =>
      Promise.all([wb.rt.runTimeDrivenTriggers({ all: true }), wb.menu(ADMIN, 'runHourlyChecksNow')]),
    );
    expectOk(scheduled![0]!);
    expectOk(manual!);
    expect(
      [scheduled![0]!.value, manual!.value].filter(
        (v) => (v as { skipped?: string }).skipped === 'already running',
      ),
    ).toHaveLength(1);
    expect(mailTo(wb, TECH)).toHaveLength(3);
  } finally {
    await wb.close();
  }
});
