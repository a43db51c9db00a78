/**
 * The first keyed append to a log with no checkpoint yet (a workbook set up before the keyed chain,
 * with or without old SHA-256 rows) fails at each of its service calls in turn. Its rows, when
 * written, must be settled by the next execution like any uncommitted rows: kept with their email
 * queued when the change landed, written over when it did not. Never read as old legacy rows, with
 * their email owed forever.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { CHECKPOINT_KEY } from '../../../src/server/adapters/change-log-tail';
import { forgetRememberedState } from '../../support/caches';
import { verifyLog, writeLegacyLog } from '../../support/audit';
import { REGISTER } from '../../support/edits';
import { approveWithCallFailing, emailsAbout, HOUR, runHourly } from '../../support/ops';
import {
  ADMIN,
  REQUESTOR,
  SUPERVISOR,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { appendDirectly, makeOrder } from '../review/fixtures';

const SUBMITTED = makeOrder(1).id;
const WITNESS_ROW = 3;

async function upgradedWorkbook(oldRows: number): Promise<TestWorkbook> {
  const wb = await setUpWorkbook();
  appendDirectly(wb, [
    makeOrder(1),
    makeOrder(2, {
      status: 'Assigned',
      category: 'Electrical',
      priority: 'P3 Routine',
      assignee: TECH2,
      woNumber: 'WO-2026-00002',
    }),
  ]);
  forgetRememberedState(wb.rt.world, wb.ssId);
  expectOk(await wb.rt.runMenuItem(wb.ssId, ADMIN, 'setUpWorkOrders'));
  // Set up by the version before the keyed chain: no checkpoint yet.
  writeLegacyLog(wb, oldRows, SUPERVISOR, '90000');
  return wb;
}

const intentsLeft = (wb: TestWorkbook): string[] =>
  wb.rt.world.properties
    .document(wb.ssId)
    .keys()
    .filter((k) => k.startsWith('wo.mail.intent.'));

describe.each([0, 3])('a log with %i old rows and no checkpoint', (oldRows) => {
  let wb: TestWorkbook;
  let saved: string;
  beforeAll(async () => {
    wb = await upgradedWorkbook(oldRows);
    saved = encodeWorldState(exportWorld(wb.rt.world));
  }, 120_000);
  afterAll(() => wb.close());

  test('its first append failing at each call in turn is settled by the next execution', async () => {
    const problems: string[] = [];
    let calls = 0;
    let committedFailures = 0;
    for (let n = 1; n < 200; n++) {
      importWorld(wb.rt.world, decodeWorldState(saved));
      const hit = await approveWithCallFailing(wb, SUBMITTED, n);
      if (hit === null) break;
      calls = n;
      const at = `call ${n} (${hit}) failing`;
      // Rows written but no checkpoint: the very case of a first append failing at its commit.
      const uncommitted = wb.changeLog().length > oldRows && intentsLeft(wb).length > 0;
      if (uncommitted && wb.rt.world.properties.document(wb.ssId).get(CHECKPOINT_KEY) === null)
        committedFailures++;
      await runHourly(wb, 2 * HOUR);
      await wb.edit(TECH2, REGISTER, WITNESS_ROW, wb.registerColumn('Progress Notes'), [[`Witness ${n}`]]);
      const landed = wb.order(SUBMITTED).status === 'Approved';
      const verdict = verifyLog(wb);
      if (!verdict.ok) problems.push(`${at}: the log does not verify: ${verdict.kind} at ${verdict.row}`);
      const rows = wb.changeLog().filter((r) => r[3] === SUBMITTED).length;
      if (rows !== (landed ? 1 : 0)) problems.push(`${at}: ${rows} log rows (landed: ${landed})`);
      const mail = emailsAbout(wb, REQUESTOR, SUBMITTED);
      if (mail !== (landed ? 1 : 0)) problems.push(`${at}: ${mail} emails (landed: ${landed})`);
      if (intentsLeft(wb).length > 0) problems.push(`${at}: intents left unsettled: ${intentsLeft(wb)}`);
    }
    expect(calls).toBeGreaterThan(3);
    // The matrix did reach the case it is about.
    expect(committedFailures).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 600_000);
});

test('keyed rows with no checkpoint that the secret did not sign (a copy of the spreadsheet) are never written over', async () => {
  const wb = await upgradedWorkbook(0);
  try {
    expectOk(
      (await wb.edit(TECH2, REGISTER, WITNESS_ROW, wb.registerColumn('Progress Notes'), [['First']]))
        .executions[0]!,
    );
    const before = wb.changeLog();
    expect(before).toHaveLength(1);
    // What a copy of the spreadsheet starts with: its log, but none of the add-on's document properties.
    const props = wb.rt.world.properties.document(wb.ssId);
    for (const key of props.keys()) props.delete(key);
    forgetRememberedState(wb.rt.world, wb.ssId);
    expectOk(
      (await wb.edit(TECH2, REGISTER, WITNESS_ROW, wb.registerColumn('Progress Notes'), [['Second']]))
        .executions[0]!,
    );
    const after = wb.changeLog();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
  } finally {
    await wb.close();
  }
}, 120_000);
