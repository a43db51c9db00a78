/**
 * The daily anchor: the hourly job (no document; it reads the owner's copy of the key) emails the
 * administrators the change log's chain position and MAC once a day, and says at once when the log
 * is shorter than the day before.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { DAY, runHourly, startAtLocalHour, submitMany } from '../../support/ops';
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
