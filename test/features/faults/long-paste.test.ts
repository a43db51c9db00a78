/**
 * A paste of more rows than the change log's tail window (50), failing at each of its service calls in
 * turn. Its uncommitted rows must be settled together by the next execution however many they are:
 * kept, with the notices the paste owes queued once, when the register change landed; written over,
 * with the notices forgotten, when it did not. Never left as a damaged tail with the notices unsent,
 * and never logged twice.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { CHECKPOINT_KEY, TAIL_WINDOW } from '../../../src/server/adapters/change-log-tail';
import { REGISTER } from '../../support/edits';
import { forgetRememberedState } from '../../support/caches';
import { verifyLog } from '../../support/audit';
import { HOUR, runHourly, startAtLocalHour, updateNotices } from '../../support/ops';
import {
  ADMIN,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { appendDirectly, makeOrder } from '../review/fixtures';

const ORDERS = 120;
const WITNESS_ROW = ORDERS + 2;
const ids = Array.from({ length: ORDERS }, (_, i) => makeOrder(i + 1).id);

let wb: TestWorkbook;
let saved: string;

beforeAll(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 8);
  const assigned = { status: 'Assigned' as const, category: 'Electrical', priority: 'P3 Routine' };
  appendDirectly(wb, [
    ...Array.from({ length: ORDERS }, (_, i) =>
      makeOrder(i + 1, {
        ...assigned,
        assignee: TECH,
        woNumber: `WO-2026-${String(i + 1).padStart(5, '0')}`,
      }),
    ),
    makeOrder(ORDERS + 1, { ...assigned, assignee: TECH2, woNumber: 'WO-2026-09999' }),
  ]);
  forgetRememberedState(wb.rt.world, wb.ssId);
  expectOk(await wb.rt.runMenuItem(wb.ssId, ADMIN, 'setUpWorkOrders'));
  // A first change, so that the log has rows before the paste.
  await wb.edit(TECH2, REGISTER, WITNESS_ROW, wb.registerColumn('Progress Notes'), [['Witness']]);
  saved = encodeWorldState(exportWorld(wb.rt.world));
}, 180_000);
afterAll(() => wb.close());

const properties = () => wb.rt.world.properties.document(wb.ssId);
const intentsLeft = (): string[] =>
  properties()
    .keys()
    .filter((k) => k.startsWith('wo.mail.intent.'));

test(`a ${ORDERS}-row reassignment failing at each call in turn is finished or undone once`, async () => {
  const problems: string[] = [];
  let calls = 0;
  /** Failures that left more uncommitted rows than the tail window: the case this test is about. */
  let longTails = 0;
  for (let n = 1; n < 300; n++) {
    importWorld(wb.rt.world, decodeWorldState(saved));
    const logBefore = wb.changeLog().length;
    const checkpointBefore = properties().get(CHECKPOINT_KEY);
    wb.rt.world.faults.failNthCall(n);
    await wb
      .edit(
        SUPERVISOR,
        REGISTER,
        2,
        wb.registerColumn('Assignee'),
        ids.map(() => [TECH2]),
      )
      .catch(() => null);
    const hit = wb.rt.world.faults.lastFault;
    wb.rt.world.faults.disarm();
    if (hit === null) break;
    calls = n;
    if (
      wb.changeLog().length - logBefore > TAIL_WINDOW &&
      properties().get(CHECKPOINT_KEY) === checkpointBefore
    )
      longTails++;
    await runHourly(wb, 2 * HOUR);
    await wb.edit(TECH2, REGISTER, WITNESS_ROW, wb.registerColumn('Progress Notes'), [[`Witness ${n}`]]);
    const at = `call ${n} (${hit}) failing`;
    const assignees = new Map(wb.register().map((r) => [r.order.id, r.order.assignee]));
    const landed = ids.filter((id) => assignees.get(id) === TECH2).length;
    if (landed !== 0 && landed !== ORDERS) problems.push(`${at}: ${landed} of ${ORDERS} rows changed`);
    const verdict = verifyLog(wb);
    if (!verdict.ok) problems.push(`${at}: the log does not verify: ${verdict.kind} at ${verdict.row}`);
    const logged = wb.changeLogEntries().filter((e) => e.field === 'Assignee' && e.newValue === TECH2);
    if (logged.length !== landed)
      problems.push(`${at}: ${logged.length} Assignee log entries, ${landed} landed`);
    if (new Set(logged.map((e) => e.recordId)).size !== logged.length)
      problems.push(`${at}: an order logged twice`);
    for (const to of [TECH, TECH2]) {
      const count = updateNotices(wb, to);
      if (count !== (landed > 0 ? 1 : 0))
        problems.push(`${at}: ${to} has ${count} notices (landed: ${landed})`);
    }
    if (intentsLeft().length > 0) problems.push(`${at}: intents left unsettled: ${intentsLeft().join(', ')}`);
  }
  expect(calls).toBeGreaterThan(3);
  expect(longTails).toBeGreaterThan(0);
  expect(problems).toEqual([]);
}, 900_000);
