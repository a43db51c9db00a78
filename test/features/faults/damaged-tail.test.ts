/**
 * An approval fails after its change landed, before its commit, and someone then types a row under
 * the log: the next append finds a damaged tail, goes after the sheet's last row chained to the
 * checkpoint, and Verify names the damage. The failed approval's mail intent must not outlive it:
 * keyed by a chain position the chain now uses again, it would be taken for the emails of later rows.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { LOG_COLUMN } from '../../../src/core/change-log-row';
import { SHEET_NAMES } from '../../../src/core/model';
import { CHECKPOINT_KEY } from '../../../src/server/adapters/change-log-tail';
import { verifyLog } from '../../support/audit';
import { assignedOrder, rowOf, REGISTER } from '../../support/edits';
import { approveWithCallFailing, submitMany } from '../../support/ops';
import { TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
afterAll(() => wb.close());

const intentsLeft = (): string[] =>
  wb.rt.world.properties
    .document(wb.ssId)
    .keys()
    .filter((k) => k.startsWith('wo.mail.intent.'));

test('a failed approval’s intent behind a damaged tail is forgotten by the next append', async () => {
  wb = await setUpWorkbook();
  const witness = await assignedOrder(wb, TECH2);
  const [submitted] = (await submitMany(wb, 1)) as [string];
  const saved = encodeWorldState(exportWorld(wb.rt.world));
  let reached = false;
  for (let n = 1; n < 200 && !reached; n++) {
    importWorld(wb.rt.world, decodeWorldState(saved));
    const checkpoint = wb.rt.world.properties.document(wb.ssId).get(CHECKPOINT_KEY);
    const hit = await approveWithCallFailing(wb, submitted, n);
    if (hit === null) break;
    // The case: the change landed, its rows and intent are written, the checkpoint is not moved.
    const uncommitted = wb.rt.world.properties.document(wb.ssId).get(CHECKPOINT_KEY) === checkpoint;
    if (!uncommitted || wb.order(submitted).status !== 'Approved' || intentsLeft().length === 0) continue;
    reached = true;
    const log = wb.sheet(SHEET_NAMES.changeLog);
    const typed = wb
      .changeLog()
      .at(-1)!
      .map((v) => (v instanceof Date ? v : String(v)));
    typed[LOG_COLUMN.hash] = 'typed by hand';
    log.writeValues(log.lastRow() + 1, 1, [typed]);
    await wb.edit(TECH2, REGISTER, rowOf(wb, witness), wb.registerColumn('Progress Notes'), [['Witness']]);
    expect(verifyLog(wb).ok).toBe(false);
    expect(intentsLeft()).toEqual([]);
  }
  expect(reached).toBe(true);
}, 300_000);
