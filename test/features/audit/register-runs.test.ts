/**
 * A register larger than one run of Verify audit log compares is compared over several runs
 * (src/server/features/audit/progress.ts). Here a run compares two rows (the add-on's property that
 * tests lower), so six orders take three runs. Each run verifies the whole change log again and says
 * how far the comparison got; only the last gives the verdict, listing what every run found, and only
 * it asks to put values back. A log edited between two runs is caught by the next run, and a run
 * killed at any service call neither loses what was compared before it nor reports a verdict.
 */
import { LOG_COLUMN } from '../../../src/core/change-log-row';
import { SHEET_NAMES } from '../../../src/core/model';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { REGISTER, rowOf, submitOne } from '../../support/edits';
import { killAtCall, recordCalls } from '../../support/kill';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

interface Verified {
  ok?: boolean;
  partial?: boolean;
  kind?: string;
  firstBrokenRow?: number;
  message: string;
  compared?: { first: number; last: number; registerLastRow: number };
  register?: { row: number; id: string; field: string; found: string; trusted: string }[];
  putBack?: { orders: string[] };
}

const ORDERS = 6;
const ROWS_PER_RUN = 2;

/** Verify as an administrator who answers `putBack` when asked; counts the questions. */
async function verify(wb: TestWorkbook, putBack: 'YES' | 'NO' = 'NO'): Promise<Verified> {
  wb.rt.world.ui.responder = (question) => {
    if (question.buttons !== 'YES_NO') return { button: 'OK', text: '' };
    asked++;
    return { button: putBack };
  };
  return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as Verified;
}
let asked = 0;

const prompts = (wb: TestWorkbook) => wb.rt.world.ui.prompts(wb.ssId, ADMIN).length;
const progressKeys = (wb: TestWorkbook) =>
  wb.rt.world.properties
    .document(wb.ssId)
    .keys()
    .filter((k) => k.startsWith(PROPERTY_KEYS.verifyProgress));

/** The comparison's progress recorded in these document properties (a chunked value), as data. */
function progressIn(entries: Record<string, string>): unknown {
  const head = entries[PROPERTY_KEYS.verifyProgress];
  if (head === undefined) return null;
  const { text } = JSON.parse(head) as { text: string };
  return JSON.parse(text) as unknown;
}

function writeOutside(wb: TestWorkbook, id: string, header: string, value: string): void {
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn(header), [[value]]);
}

describe('Verify audit log over a register larger than one run compares', () => {
  let wb: TestWorkbook;
  let ids: string[];
  beforeEach(async () => {
    wb = await setUpWorkbook();
    ids = [];
    for (let i = 0; i < ORDERS; i++) ids.push(await submitOne(wb, { description: `Order ${i}` }));
    wb.rt.world.properties.document(wb.ssId).set(PROPERTY_KEYS.verifyRowsPerRun, String(ROWS_PER_RUN));
    asked = 0;
  }, 60_000);
  afterEach(() => wb.close());

  test('three runs: each says how far it got, the last lists what all found and asks to put it back', async () => {
    const [first, , , , fifth] = ids as [string, string, string, string, string];
    writeOutside(wb, first, 'Status', 'Completed');
    writeOutside(wb, fifth, 'Status', 'Completed');
    const registerLast = ORDERS + 1;

    const run1 = await verify(wb, 'YES');
    expect(run1).toMatchObject({
      ok: false,
      partial: true,
      compared: { first: 2, last: 3, registerLastRow: registerLast },
    });
    expect(run1.message).toContain(`rows 2 to 3 of ${registerLast} are compared`);
    expect(run1.message).toContain('1 value(s) in 1 work order(s) differ');
    expect(run1.message).toMatch(/Run Verify audit log again to compare the next 2 rows/);
    expect(run1.message).not.toMatch(/Audit log OK|verified\b/);
    expect(run1.register).toBeUndefined();
    expect(asked).toBe(0);
    expect(wb.rt.world.ui.alerts(wb.ssId, ADMIN).at(-1)?.title).toBe('Audit log: verification continues');
    expect(progressKeys(wb).length).toBeGreaterThan(0);
    expect(prompts(wb)).toBe(1);

    // The next run continues where the first stopped, with no anchor asked.
    const run2 = await verify(wb, 'YES');
    expect(run2).toMatchObject({ partial: true, compared: { first: 4, last: 5 } });
    expect(prompts(wb)).toBe(1);
    expect(asked).toBe(0);

    const run3 = await verify(wb, 'YES');
    expect(run3.partial).toBeUndefined();
    expect(run3).toMatchObject({ ok: false, kind: 'edited', sheet: SHEET_NAMES.register });
    expect(run3.register?.map((f) => [f.row, f.id, f.field, f.found])).toEqual([
      [rowOf(wb, first), first, 'Status', '"Completed"'],
      [rowOf(wb, fifth), fifth, 'Status', '"Completed"'],
    ]);
    expect(run3.message).toContain('holds 2 value(s) in 2 work order(s)');
    expect(asked).toBe(1);
    expect(run3.putBack?.orders).toEqual([first, fifth]);
    expect(wb.order(first).status).toBe('Submitted');
    expect(wb.order(fifth).status).toBe('Submitted');
    expect(progressKeys(wb)).toEqual([]);

    // A new Verify starts afresh: it asks for an anchor, and after three runs finds nothing.
    await verify(wb);
    expect(prompts(wb)).toBe(2);
    await verify(wb);
    const clean = await verify(wb);
    expect(clean).toMatchObject({ ok: true, compared: { last: registerLast } });
    expect(clean.message).toMatch(/^Audit log OK/);
  }, 120_000);

  test('a log row edited between two runs is caught by the next run, and the comparison ends', async () => {
    const run1 = await verify(wb);
    expect(run1).toMatchObject({ partial: true, compared: { last: 3 } });
    // Row 3 was verified by the first run; it is edited before the second.
    wb.sheet(SHEET_NAMES.changeLog).writeValues(3, LOG_COLUMN.changes + 1, [['Status: "" → Closed']]);
    const run2 = await verify(wb);
    expect(run2).toMatchObject({ ok: false, kind: 'edited', firstBrokenRow: 3 });
    expect(run2.partial).toBeUndefined();
    expect(run2.message).toMatch(/The audit log is broken at sheet row 3/);
    expect(progressKeys(wb)).toEqual([]);
  }, 60_000);

  test('a run killed at any service call loses nothing compared before it and reports no verdict', async () => {
    const [, , , fourth] = ids as [string, string, string, string];
    writeOutside(wb, fourth, 'Status', 'Completed');
    expect(await verify(wb)).toMatchObject({ partial: true, compared: { last: 3 } });
    const store = wb.rt.world.properties.document(wb.ssId);
    const afterFirst = store.entries();
    // How many calls the second run makes, measured on a copy of the first run's outcome.
    const trace = recordCalls(wb.rt.world);
    expect(await verify(wb)).toMatchObject({ partial: true, compared: { last: 5 } });
    trace.stop();
    const afterSecond = store.entries();
    for (let n = 1; n <= trace.calls.length; n++) {
      store.setAll(afterFirst, true);
      const kill = killAtCall(wb.rt.world, n);
      const killed = await wb.menu(ADMIN, 'verifyAuditLog');
      kill.disarm();
      expect(killed.ok).toBe(false);
      // Either the first run's progress, or the second's whole: never a torn or emptied record.
      expect([progressIn(afterFirst), progressIn(afterSecond)]).toContainEqual(progressIn(store.entries()));
    }
    // The comparison then ends as an unbroken one would: the value found in row 5 is listed.
    store.setAll(afterFirst, true);
    const run2 = await verify(wb);
    expect(run2).toMatchObject({ partial: true, compared: { last: 5 } });
    const run3 = await verify(wb);
    expect(run3.register?.map((f) => [f.id, f.field, f.found])).toEqual([[fourth, 'Status', '"Completed"']]);
  }, 180_000);
});
