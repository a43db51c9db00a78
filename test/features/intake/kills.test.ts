/**
 * A form submission killed at each of its service calls in turn (the call and every later one of the
 * execution fail: test/support/kill.ts), from a saved world each time. Then the same event is
 * delivered again, another request is submitted and the hourly job runs; or, in the second test, the
 * hourly job runs and then a technician edits a row (the next execution in the document that appends
 * what the job handed off: change-log-handoff.ts). Each time:
 *  - the response is in the register exactly once (a replay or the hourly reconciliation ingests it
 *    when the killed execution's order did not land), and so is the next request;
 *  - request ids are unique and increase down the register;
 *  - every order has exactly one "Created" log row, no "Created" row names an order that is not there,
 *    and the log verifies;
 *  - the acknowledgment is sent or queued exactly once. The one exception is a kill after the
 *    acknowledgment was released (src/server/features/intake/pending-ack.ts), between that write and
 *    the send: an email is an effect outside every store, so a death right before it can only lose it,
 *    never send it twice (at most once there, as with any release-then-send).
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { fireFormSubmit } from '../../../runtime/host/events';
import { parseRequestId } from '../../../src/core/ids';
import { verifyLog } from '../../support/audit';
import { killAtCall, recordCalls } from '../../support/kill';
import { assignedOrder, REGISTER, rowOf } from '../../support/edits';
import { emailsAbout, HOUR, runHourly, submitMany } from '../../support/ops';
import { REQUESTOR, setUpWorkbook, TECH, type TestWorkbook } from '../../support/workbook';

const KILLED = 'Killed while ingested';
const NEXT = 'Submitted after the kill';

type Next = (wb: TestWorkbook, replay: () => Promise<unknown>, witness: string) => Promise<void>;

function problemsOf(wb: TestWorkbook, name: string, ackExactlyOnce: boolean, expectNext: boolean): string[] {
  const problems: string[] = [];
  const register = wb.register();
  const ids = register.map((r) => r.order.id);
  if (new Set(ids).size !== ids.length) problems.push('an id is given twice');
  const numbers = ids.map((id) => parseRequestId(id) ?? NaN);
  if (numbers.some((n, i) => i > 0 && !(n > numbers[i - 1]!)))
    problems.push(`ids do not increase down the register: ${ids.slice(-4).join(', ')}`);
  const killed = register.filter((r) => r.order.description === KILLED);
  if (killed.length !== 1) problems.push(`${killed.length} orders for the killed submission`);
  if (expectNext) {
    const next = register.filter((r) => r.order.description === NEXT);
    if (next.length !== 1) problems.push(`${next.length} orders for the next submission`);
  }
  const created = wb.changeLogEntries().filter((e) => e.field === 'Created');
  for (const id of ids) {
    const n = created.filter((e) => e.recordId === id).length;
    if (n !== 1) problems.push(`${id}: ${n} "Created" log rows`);
  }
  for (const e of created)
    if (!ids.includes(e.recordId)) problems.push(`a "Created" row for ${e.recordId}, not in the register`);
  const verdict = verifyLog(wb);
  if (!verdict.ok) problems.push(`the log does not verify: ${verdict.kind} at ${verdict.row}`);
  const id = killed[0]?.order.id;
  if (id) {
    const acks = emailsAbout(wb, REQUESTOR, id);
    if (ackExactlyOnce ? acks !== 1 : acks > 1) problems.push(`${acks} acknowledgments of ${id}`);
  }
  return problems.map((p) => `${name}: ${p}`);
}

async function killEveryCall(next: Next, expectNext: boolean): Promise<void> {
  const wb = await setUpWorkbook();
  try {
    await submitMany(wb, 2);
    const witness = await assignedOrder(wb, TECH);
    const saved = encodeWorldState(exportWorld(wb.rt.world));
    const trigger = wb.rt.world.triggers.matching('ON_FORM_SUBMIT', 'SPREADSHEETS', wb.ssId)[0]!;
    const submitKilled = () => {
      const response = wb.rt.world.forms.submit(wb.formId, {
        respondentEmail: REQUESTOR,
        answers: wb.answers({ description: KILLED }),
      });
      const event = {
        sheetName: response.sheetName!,
        row: response.row!,
        values: response.values,
        namedValues: response.namedValues,
      };
      return () => fireFormSubmit(wb.rt, trigger, wb.ssId, event);
    };
    // A clean run: where the acknowledgment is released (the last property write before the email).
    const clean = recordCalls(wb.rt.world);
    await submitKilled()();
    clean.stop();
    const released = clean.calls.lastIndexOf('Properties.setProperties') + 1;
    expect(clean.calls.indexOf('MailApp.sendEmail') + 1).toBeGreaterThan(released);

    const problems: string[] = [];
    let calls = 0;
    for (let n = 1; n < 200; n++) {
      importWorld(wb.rt.world, decodeWorldState(saved));
      const fire = submitKilled();
      const kill = killAtCall(wb.rt.world, n);
      await fire().catch(() => undefined);
      kill.disarm();
      if (kill.hit === null) break;
      calls = n;
      await next(wb, fire, witness);
      problems.push(...problemsOf(wb, `killed at call ${n} (${kill.hit})`, n <= released, expectNext));
    }
    expect(calls).toBe(clean.calls.length);
    expect(problems).toEqual([]);
  } finally {
    await wb.close();
  }
}

test(
  'killed at each call: the same event again, the next request and the hourly job leave each response once and its acknowledgment once',
  () =>
    killEveryCall(async (wb, replay) => {
      await replay();
      await wb.submit({ description: NEXT });
      await runHourly(wb, 2 * HOUR);
    }, true),
  600_000,
);

test(
  'killed at each call: the hourly job and the next edit settle what the killed submission left',
  () =>
    killEveryCall(async (wb, _replay, witness) => {
      await runHourly(wb, 2 * HOUR);
      await wb.edit(TECH, REGISTER, rowOf(wb, witness), wb.registerColumn('Progress Notes'), [['Witness']]);
    }, false),
  600_000,
);
