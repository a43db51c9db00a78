/**
 * Verify audit log given a daily anchor from an email: someone able to reset the document's
 * properties can roll the add-on's own record of the log (its checkpoint) back with the log, or
 * replace it, and the log then verifies against that record. The anchor, outside the spreadsheet,
 * still catches it: the log must hold the anchor's MAC at the anchor's chain position.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { LOG_COLUMN } from '../../../src/core/change-log-row';
import { hmacKey, keyedRows, parseKeyedCell } from '../../../src/core/keyed-chain';
import { SHEET_NAMES } from '../../../src/core/model';
import { ADDON_SECRET_KEY } from '../../../src/server/adapters/addon-secret';
import { CHECKPOINT_KEY } from '../../../src/server/adapters/change-log-tail';
import { appendAsAddOn, checkpointOf } from '../../support/audit';
import { runHourly, startAtLocalHour, submitMany } from '../../support/ops';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

interface Verdict {
  ok?: boolean;
  kind?: string;
  firstBrokenRow?: number;
  message: string;
  notRun?: boolean;
}

let wb: TestWorkbook;
let saved: string;
/** The anchor line as the email shows it, and what it names. */
let anchorLine: string;
let anchorSeq: number;
let anchorRow: number;

/** Runs Verify audit log as an administrator who types `typed` into its prompt. */
async function verifyWith(typed: string): Promise<Verdict> {
  wb.rt.world.ui.respondWith({ button: 'OK', text: typed });
  return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as Verdict;
}

/** The sheet row of the log holding chain position `seq`. */
function rowOfPosition(seq: number): number {
  const at = wb.changeLog().findIndex((r) => parseKeyedCell(r[LOG_COLUMN.hash])?.seq === seq);
  if (at < 0) throw new Error(`no log row at chain position ${seq}`);
  return at + 2;
}

/**
 * Cuts the log after sheet row `row` and rolls the checkpoint back to it, as a reset of the
 * document's properties to an earlier copy would: the log verifies against the add-on's record.
 */
function cutAndRollBack(row: number): void {
  const log = wb.sheet(SHEET_NAMES.changeLog);
  log.deleteRows(row + 1, log.lastRow() - row);
  const cell = parseKeyedCell(wb.changeLog()[row - 2]?.[LOG_COLUMN.hash]);
  if (!cell) throw new Error(`row ${row} is not a keyed row`);
  const rolledBack = { ...checkpointOf(wb), seq: cell.seq, head: cell.mac, row, maxRows: null, mail: [] };
  wb.rt.world.properties.document(wb.ssId).set(CHECKPOINT_KEY, JSON.stringify(rolledBack));
}

beforeAll(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 22);
  await submitMany(wb, 5);
  await runHourly(wb); // 23:00: the day's anchor
  const email = wb.rt.world.mail.receivedBy(ADMIN).find((m) => /change log anchor/.test(m.subject));
  const line = /^WO-ANCHOR (\d+) ([0-9a-f]{64})$/m.exec(email?.body ?? '');
  if (!line) throw new Error(`no WO-ANCHOR line in the anchor email:\n${email?.body ?? '(no email)'}`);
  anchorLine = line[0];
  anchorSeq = Number(line[1]);
  anchorRow = rowOfPosition(anchorSeq);
  // The log goes on after the anchor was sent.
  await submitMany(wb, 3);
  saved = encodeWorldState(exportWorld(wb.rt.world));
}, 60_000);
afterAll(() => wb.close());
beforeEach(() => importWorld(wb.rt.world, decodeWorldState(saved)));

test('the anchor email shows a line to paste, naming the position and MAC the log holds there', () => {
  const cell = parseKeyedCell(wb.changeLog()[anchorRow - 2]?.[LOG_COLUMN.hash]);
  expect(anchorLine).toBe(`WO-ANCHOR ${anchorSeq} ${cell?.mac}`);
  expect(checkpointOf(wb).seq).toBeGreaterThan(anchorSeq);
});

test('the good log passes with the anchor, and says where it found it', async () => {
  const verdict = await verifyWith(`  ${anchorLine}\n`);
  expect(verdict.ok).toBe(true);
  expect(verdict.message).toContain(
    `holds the anchor you gave: chain position ${anchorSeq} at sheet row ${anchorRow}`,
  );
  expect(wb.rt.world.ui.alerts(wb.ssId, ADMIN).at(-1)?.title).toBe('Audit log verified');
});

test('a log cut below the anchor, with the checkpoint rolled back to match, is caught only with the anchor', async () => {
  cutAndRollBack(anchorRow - 2);
  // The add-on's own record was reset with the log, so the log verifies; the orders the cut rows
  // created are the newest, as a request the hourly job took in is while its rows wait for the owner's
  // next execution (core/register-history.ts awaitingLog): only the anchor tells.
  expect((await verifyWith('')).ok).toBe(true);
  const verdict = await verifyWith(anchorLine);
  expect(verdict).toMatchObject({ ok: false, kind: 'truncated', firstBrokenRow: anchorRow - 1 });
  expect(verdict.message).toContain(`broken at sheet row ${anchorRow - 1}: the log was cut short`);
  expect(verdict.message).toContain(`2 rows short of the anchor you gave (position ${anchorSeq})`);
});

test('a log rewritten from below the anchor and chained again past it is caught at the anchor row', async () => {
  cutAndRollBack(anchorRow - 2);
  const forged = Array.from({ length: 5 }, (_, i) => ({
    // Whole seconds, as the add-on stamps them (the log's timestamp cells read back so).
    at: new Date(Math.floor(wb.rt.world.clock.now().getTime() / 1000) * 1000),
    user: ADMIN,
    source: 'sidebar' as const,
    recordId: `REQ-9${i}`,
    field: 'Progress Notes',
    oldValue: '',
    newValue: `rewritten ${i}`,
  }));
  appendAsAddOn(wb, forged);
  // Without the anchor the chain verifies, and the orders whose creation was cut read as waiting.
  expect(await verifyWith('')).toMatchObject({ ok: true });
  const verdict = await verifyWith(anchorLine);
  expect(verdict).toMatchObject({ ok: false, kind: 'fabricated', firstBrokenRow: anchorRow });
  expect(verdict.message).toContain(`broken at sheet row ${anchorRow}`);
  expect(verdict.message).toContain('rewritten at or above this row and chained again');
});

test('a log chained again from its start under a replaced secret is caught at the anchor row', async () => {
  const secret = 'f'.repeat(64);
  const entries = wb.changeLogEntries();
  const checkpoint = checkpointOf(wb);
  const { rows, seq, head } = keyedRows(hmacKey(secret), 0, checkpoint.legacyHead, entries);
  const log = wb.sheet(SHEET_NAMES.changeLog);
  log.deleteRows(2, log.lastRow() - 1);
  const cells = rows.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)));
  log.writeValues(2, 1, cells as (string | Date)[][]);
  const props = wb.rt.world.properties.document(wb.ssId);
  props.set(ADDON_SECRET_KEY, secret);
  const replaced = { ...checkpoint, seq, head, row: rows.length + 1, maxRows: null, mail: [] };
  props.set(CHECKPOINT_KEY, JSON.stringify(replaced));
  // (Without the anchor, the raw form answers, signed under the old secret, give it away too.)

  const verdict = await verifyWith(anchorLine);
  expect(verdict).toMatchObject({ ok: false, kind: 'fabricated', firstBrokenRow: rowOfPosition(anchorSeq) });
  expect(verdict.message).toContain("or the add-on's secret was replaced");
});

test("with the add-on's secret and checkpoint gone, the anchor says the record was reset", async () => {
  const props = wb.rt.world.properties.document(wb.ssId);
  props.delete(ADDON_SECRET_KEY);
  props.delete(CHECKPOINT_KEY);
  const verdict = await verifyWith(anchorLine);
  expect(verdict.ok).toBe(false);
  expect(verdict.message).toContain(
    `had reached position ${anchorSeq}: those properties were reset or replaced`,
  );
});

test.each([
  ['hello', /"hello" is not an anchor: it does not start with WO-ANCHOR/],
  ['WO-ANCHOR 12', /three parts/],
  ['WO-ANCHOR twelve 0123', /"twelve" is not a whole number/],
  ['WO-ANCHOR 12 0123abc', /The MAC has 7 characters; it must be 64/],
])('a malformed anchor (%s) is refused with what to paste, and nothing is verified', async (typed, why) => {
  const verdict = await verifyWith(typed);
  expect(verdict.notRun).toBe(true);
  expect(verdict.message).toMatch(why);
  expect(verdict.message).toContain('Paste the whole line that starts with WO-ANCHOR');
  const alert = wb.rt.world.ui.alerts(wb.ssId, ADMIN).at(-1);
  expect(alert?.title).toBe('Anchor not understood');
  expect(alert?.prompt).toMatch(why);
});

test('Cancel verifies nothing', async () => {
  wb.rt.world.ui.respondWith({ button: 'CANCEL' });
  const verdict = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as Verdict;
  expect(verdict).toMatchObject({ notRun: true });
});
