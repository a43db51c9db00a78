/**
 * An approval fails after its change landed, before its commit, and someone then types a row under
 * the log: the next append finds a damaged tail, goes after the sheet's last row chained to the
 * checkpoint, and Verify names the damage. The failed approval's mail intent must not outlive it:
 * keyed by a chain position the chain now uses again, it would be taken for the emails of later rows.
 */
import { LOG_COLUMN } from '../../../src/core/change-log-row';
import { SHEET_NAMES } from '../../../src/core/model';
import { verifyLog } from '../../support/audit';
import { assignedOrder, rowOf, REGISTER } from '../../support/edits';
import { reachUncommittedApproval, submitMany } from '../../support/ops';
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
  expect(await reachUncommittedApproval(wb, submitted, () => intentsLeft().length > 0)).toBe(true);
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
}, 300_000);
