/**
 * The daily anchor: the hourly job (no document; it reads the owner's copy of the key) emails the
 * administrators the change log's chain position and MAC once a day, and says at once when the log
 * is shorter than the day before.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { DAY, HOUR, runHourly, startAtLocalHour, submitMany } from '../../support/ops';
import { formatLocalDate } from '../../../src/core/time';
import { checkpointOf } from '../../support/audit';

const anchors = (wb: TestWorkbook) =>
  wb.rt.world.mail.receivedBy(ADMIN).filter((m) => /change log anchor/.test(m.subject));

describe('daily anchor', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    startAtLocalHour(wb, 21);
    await submitMany(wb, 4);
  });
  afterAll(() => wb.close());

  test('the first hourly run from 23:00 emails the chain position and MAC the add-on recorded', async () => {
    const [early] = await runHourly(wb); // 22:00: not yet
    expect(early?.value).toMatchObject({ anchor: 'not yet' });
    expect(anchors(wb)).toHaveLength(0);
    const [run] = await runHourly(wb); // 23:00
    expect(run?.ok).toBe(true);
    const [email] = anchors(wb);
    const checkpoint = checkpointOf(wb);
    expect(email?.body).toContain(`chain position ${checkpoint.seq}, MAC ${checkpoint.head}`);
    await runHourly(wb, 30 * 60_000);
    expect(anchors(wb)).toHaveLength(1);
  });

  test('the next day, a log cut short is reported in the anchor and as a problem', async () => {
    wb.sheet(SHEET_NAMES.changeLog).deleteRows(4, 2);
    const [run] = await runHourly(wb, DAY);
    expect(run?.ok).toBe(false);
    expect(run?.error?.message).toMatch(/chain position went back from 4 .* to 2/);
    const latest = anchors(wb).at(-1);
    expect(latest?.subject).toMatch(/log shorter than before/);
    expect(latest?.body).toMatch(/WARNING/);
  });
});

describe('a day whose 23:00 run never came (Apps Script skips runs)', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    startAtLocalHour(wb, 22);
    await submitMany(wb, 2);
  });
  afterAll(() => wb.close());

  test("the next day's first run sends the missed day's anchor, late and saying so; that evening's follows", async () => {
    await runHourly(wb); // 23:00: the first anchor
    expect(anchors(wb)).toHaveLength(1);
    const skippedDay = localDay(wb, DAY); // tomorrow: no run from 22:30 tomorrow to 01:00 the day after
    await runHourly(wb, DAY - 30 * 60_000); // 22:30 tomorrow: not yet
    expect(anchors(wb)).toHaveLength(1);
    const [late] = await runHourly(wb, 150 * 60_000); // 01:00 the day after
    expect(late?.value).toMatchObject({ anchor: 'delivered' });
    const email = anchors(wb).at(-1);
    expect(email?.subject).toContain(`change log anchor for ${skippedDay}`);
    expect(email?.body).toMatch(
      /Sent late, at .* 01:00: Apps Script did not run the hourly job from 23:00 that day/,
    );
    const [noon] = await runHourly(wb, 11 * HOUR); // 12:00: that day's anchor waits for 23:00
    expect(noon?.value).toMatchObject({ anchor: 'not yet' });
    await runHourly(wb, 11 * HOUR); // 23:00
    expect(anchors(wb)).toHaveLength(3);
    expect(anchors(wb).at(-1)?.body).not.toMatch(/Sent late/);
  });
});

/** The local date `aheadMs` from the clock, as the anchor names it. */
function localDay(wb: TestWorkbook, aheadMs: number): string {
  return formatLocalDate(new Date(wb.rt.world.clock.now().getTime() + aheadMs), wb.model.timeZone);
}
