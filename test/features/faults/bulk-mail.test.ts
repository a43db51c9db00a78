/**
 * A paste that owes many emails (a reassignment per row, each telling a different technician of the
 * order given and another of the order taken) records them as one intent too long for one property,
 * kept in pieces (change-log-mail.ts), and they go out as one notice per person. Every service call of the paste is made to fail in turn; then the next
 * executions run, and each technician whose assignment landed has exactly one notice, sent or queued,
 * and one whose assignment did not land has none.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { SHEET_NAMES } from '../../../src/core/model';
import { REGISTER } from '../../support/edits';
import { forgetRememberedState } from '../../support/caches';
import { HOUR, runHourly, startAtLocalHour, updateNotices } from '../../support/ops';
import { ADMIN, SUPERVISOR, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { appendDirectly, makeOrder } from '../review/fixtures';

// A paste longer than the log's tail window is covered by long-paste.test.ts.
const ORDERS = 45;
// Long addresses, as some organizations have: the intent outgrows one property (9 KB).
const mailbox = (who: string, i: number) =>
  `${who}-technician-with-a-long-mailbox-name-${String(i + 1).padStart(3, '0')}@facilities.maintenance.example.org`;
const FROM = Array.from({ length: ORDERS }, (_, i) => mailbox('first', i));
const TECHNICIANS = Array.from({ length: ORDERS }, (_, i) => mailbox('second', i));
const WITNESS_ROW = ORDERS + 2;

let wb: TestWorkbook;
let saved: string;

beforeAll(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 8);
  const staff = wb.sheet(SHEET_NAMES.staff);
  staff.writeValues(
    staff.lastRow() + 1,
    1,
    [...FROM, ...TECHNICIANS].map((email, i) => [email, `Technician ${i + 1}`, 'Technician', true]),
  );
  const approved = { status: 'Approved' as const, category: 'Electrical', priority: 'P3 Routine' };
  appendDirectly(wb, [
    ...Array.from({ length: ORDERS }, (_, i) =>
      makeOrder(i + 1, {
        ...approved,
        status: 'Assigned',
        assignee: FROM[i],
        woNumber: `WO-2026-${String(i + 1).padStart(5, '0')}`,
      }),
    ),
    // The witness: an order of TECH2's whose notes they type in after each failed paste.
    makeOrder(ORDERS + 1, { ...approved, status: 'Assigned', assignee: TECH2, woNumber: 'WO-2026-09999' }),
  ]);
  forgetRememberedState(wb.rt.world, wb.ssId);
  expectOk(await wb.rt.runMenuItem(wb.ssId, ADMIN, 'setUpWorkOrders'));
  // A first change, so that the log has a checkpoint before the paste (as any workbook in use has).
  await wb.edit(TECH2, REGISTER, WITNESS_ROW, wb.registerColumn('Progress Notes'), [['Witness']]);
  saved = encodeWorldState(exportWorld(wb.rt.world));
}, 180_000);
afterAll(() => wb.close());

function paste(): Promise<unknown> {
  return wb.edit(
    SUPERVISOR,
    REGISTER,
    2,
    wb.registerColumn('Assignee'),
    TECHNICIANS.map((t) => [t]),
  );
}

const intentKeys = (pattern: RegExp): string[] =>
  wb.rt.world.properties
    .document(wb.ssId)
    .keys()
    .filter((k) => pattern.test(k));
const inPieces = (): boolean => intentKeys(/^wo\.mail\.intent\.\d+\.\d+$/).length > 0;

test('the paste owes one notice per person, sent or queued once whatever call fails', async () => {
  const problems: string[] = [];
  /** Failing calls after which notices were lost though the paste itself succeeded. */
  const lostAfterSuccess = new Set<string>();
  let calls = 0;
  let piecesLeft = 0;
  for (let n = 1; n < 300; n++) {
    importWorld(wb.rt.world, decodeWorldState(saved));
    wb.rt.world.faults.failNthCall(n);
    const done = (await paste().catch(() => null)) as { executions?: Array<{ ok: boolean }> } | null;
    const hit = wb.rt.world.faults.lastFault;
    wb.rt.world.faults.disarm();
    if (hit === null) break;
    calls = n;
    const pasteOk = done?.executions?.every((e) => e.ok) ?? false;
    // An intent left in pieces by the failure: the next executions must read it back whole.
    if (inPieces()) piecesLeft++;
    await runHourly(wb, 2 * HOUR);
    await wb.edit(TECH2, REGISTER, WITNESS_ROW, wb.registerColumn('Progress Notes'), [[`Witness ${n}`]]);
    // Every intent settled (a piece whose deletion failed is swept when the next intent is recorded).
    expect(intentKeys(/^wo\.mail\.intent\.\d+$/)).toEqual([]);
    const assignees = new Map(wb.register().map((r) => [r.order.id, r.order.assignee]));
    TECHNICIANS.forEach((tech, i) => {
      const landed = assignees.get(makeOrder(i + 1).id) === tech;
      for (const to of [tech, FROM[i]!]) {
        const count = updateNotices(wb, to);
        const at = `call ${n} (${hit})`;
        if (count === 0 && landed && pasteOk) lostAfterSuccess.add(at);
        else if (count !== (landed ? 1 : 0))
          problems.push(`${at} failing: ${to} has ${count} notices (landed: ${landed})`);
      }
    });
  }
  expect(calls).toBeGreaterThan(3);
  expect(piecesLeft).toBeGreaterThan(0);
  // One line per failing call is enough to read.
  expect([...new Set(problems.map((p) => p.replace(/: \S+ has.*$/, '')))]).toEqual([]);
  // Many notices are queued in the Outbox in one write after their intent is released: a call of that
  // write failing is retried once (mailer.ts), so none is lost.
  expect([...lostAfterSuccess]).toEqual([]);
}, 900_000);
