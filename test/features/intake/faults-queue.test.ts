/**
 * Intake with a review queue index stored (a supervisor has opened the sidebar): the index is written
 * with the change log's checkpoint in one call, and the row the order landed on is read for it. Every
 * service call of a submission is made to fail in turn (from a saved world each time); then the hourly
 * job, a technician's edit (the next owner's execution in the document, which appends what the job
 * handed off and queues emails left owed) and the next sidebar load run, and:
 *  - the request is in the register exactly once, with exactly one "Created" log row;
 *  - the log verifies;
 *  - the requestor's acknowledgment is sent or queued exactly once;
 *  - the sidebar's queue lists the order (a stale or dropped index is caught up or rebuilt).
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { SHEET_NAMES } from '../../../src/core/model';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { verifyLog } from '../../support/audit';
import { HELD_STATUS } from '../../../src/server/adapters/mailer';
import { assignedOrder, REGISTER, rowOf } from '../../support/edits';
import { HOUR, rowsOf, runHourly, submitMany } from '../../support/ops';
import {
  expectOk,
  REQUESTOR,
  setUpWorkbook,
  SUPERVISOR,
  TECH,
  type TestWorkbook,
} from '../../support/workbook';

const DESCRIPTION = 'Faulty intake with an index';

function acknowledgments(wb: TestWorkbook, id: string): number {
  const sent = wb.rt.world.mail.receivedBy(REQUESTOR).filter((m) => m.subject.includes(id)).length;
  const queued = rowsOf(wb, SHEET_NAMES.outbox).filter(
    (r) =>
      r['Record ID'] === id &&
      String(r.To).includes(REQUESTOR) &&
      (r.Status === 'Queued' || r.Status === HELD_STATUS),
  ).length;
  return sent + queued;
}

test('every call of a submission failing in turn, with a review queue index stored', async () => {
  const wb = await setUpWorkbook();
  try {
    await submitMany(wb, 2);
    const witness = await assignedOrder(wb, TECH);
    expectOk(await wb.call(SUPERVISOR, 'reviewLoad', {}));
    const doc = wb.rt.world.properties.document(wb.ssId);
    expect(doc.get(PROPERTY_KEYS.reviewIndex)).not.toBeNull();
    const saved = encodeWorldState(exportWorld(wb.rt.world));
    const problems: string[] = [];
    let calls = 0;
    let sawIndexWrite = false;
    for (let n = 1; n < 200; n++) {
      importWorld(wb.rt.world, decodeWorldState(saved));
      wb.rt.world.faults.failNthCall(n);
      const submitted = await wb.submit({ description: DESCRIPTION }).catch(() => null);
      const hit = wb.rt.world.faults.lastFault;
      wb.rt.world.faults.disarm();
      if (hit === null) {
        // The submission ran through: check that its index write was the merged one (the other two
        // setProperties are the owner's: the counter, the ledger).
        const calls = submitted?.executions[0]?.stats.calls;
        sawIndexWrite =
          calls?.['Properties.setProperties'] === 3 && calls['Properties.setProperty'] === undefined;
        break;
      }
      calls = n;
      await runHourly(wb, 2 * HOUR);
      await wb.edit(TECH, REGISTER, rowOf(wb, witness), wb.registerColumn('Progress Notes'), [
        [`Witness ${n}`],
      ]);
      const load = expectOk(await wb.call(SUPERVISOR, 'reviewLoad', {}));
      const name = `call ${n} (${hit}) failing`;
      const made = wb.register().filter((r) => r.order.description === DESCRIPTION);
      if (made.length !== 1) {
        problems.push(`${name}: ${made.length} work orders`);
        continue;
      }
      const id = made[0]!.order.id;
      const created = wb.changeLogEntries().filter((e) => e.recordId === id && e.field === 'Created');
      if (created.length !== 1) problems.push(`${name}: ${created.length} "Created" log rows`);
      const verdict = verifyLog(wb);
      if (!verdict.ok) problems.push(`${name}: the log does not verify: ${verdict.kind} at ${verdict.row}`);
      const mail = acknowledgments(wb, id);
      if (mail !== 1) problems.push(`${name}: ${mail} acknowledgments`);
      if (!JSON.stringify(load.value).includes(id)) problems.push(`${name}: the queue does not list ${id}`);
    }
    expect(calls).toBeGreaterThan(10);
    expect(sawIndexWrite).toBe(true);
    expect(problems).toEqual([]);
  } finally {
    await wb.close();
  }
}, 600_000);
