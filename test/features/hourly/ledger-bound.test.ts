/**
 * The intake ledger (read and written under the locks by every form submission) stays a watermark,
 * whatever is typed into a form-responses tab: rows no Forms response stands behind, dated or not,
 * are never ingested, and reconciliation settles them, so the responses after them do not pile up in
 * the ledger one by one for ever.
 */
import { INTAKE_LEDGER } from '../../../src/server/features/intake/form-submit';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { HOUR, ownerState, runHourly } from '../../support/ops';

const TAB = 'Form Responses 1';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

function ledger(): { upTo: number; rows: number[] } | undefined {
  return (
    JSON.parse(ownerState(wb, INTAKE_LEDGER) ?? '{}') as Record<string, { upTo: number; rows: number[] }>
  )[TAB];
}

async function typeRow(timestamp: string, description: string): Promise<void> {
  const responses = wb.sheet(TAB);
  const header = responses.readValues(1, 1, 1, responses.lastColumn())[0] ?? [];
  const cells = header.map((h) => {
    const title = String(h);
    if (title === 'Timestamp') return timestamp;
    if (title === 'Email Address') return 'mallory@example.net';
    return /description/i.test(title) ? description : 'Main Building';
  });
  expectOk((await wb.edit(ADMIN, TAB, responses.lastRow() + 1, 1, [cells])).executions[0]!);
}

test('rows typed into the responses tab are settled, and later responses keep the ledger a watermark', async () => {
  const twoDaysAgo = new Date(wb.rt.world.clock.nowMs() - 48 * HOUR);
  await typeRow(twoDaysAgo.toISOString().slice(0, 19).replace('T', ' '), 'Typed with a date');
  await typeRow('', 'Typed without a date');
  for (const description of ['Real one', 'Real two', 'Real three'])
    (await wb.submit({ description })).executions.forEach(expectOk);
  // The trigger took the real ones in; the typed rows hold the watermark below them for now.
  const last = wb.sheet(TAB).lastRow();
  expect(ledger()?.rows).toHaveLength(3);

  const [run] = await runHourly(wb);
  expectOk(run!);
  expect(run!.value).toMatchObject({ reconciliation: { ingested: [], notFromForm: 2 } });
  expect(ledger()).toEqual({ upTo: last, rows: [] });
  const descriptions = wb.register().map((r) => r.order.description);
  expect(descriptions).toEqual(expect.arrayContaining(['Real one', 'Real two', 'Real three']));
  expect(descriptions.filter((d) => /^Typed/.test(d))).toEqual([]);

  // The next response moves the watermark on; nothing is listed.
  (await wb.submit({ description: 'Real four' })).executions.forEach(expectOk);
  expect(ledger()).toEqual({ upTo: last + 1, rows: [] });
  // And the next run finds nothing to read again.
  const [quiet] = await runHourly(wb);
  expect(quiet!.value).toMatchObject({ reconciliation: { ingested: [], marked: 0, notFromForm: 0 } });
});
