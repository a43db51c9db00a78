/**
 * A run moving change-log rows stopped at any of its service calls loses and doubles nothing: after the
 * next run, the archive file's part and the live tab (less its link row) hold every row of the log
 * exactly once, in chain order, the checkpoint has no move pending, and Verify audit log passes.
 */
import { parseKeyedCell } from '../../../src/core/keyed-chain';
import { checkpointOf } from '../../support/audit';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { eachCallFailing } from './support';
import { history } from './log-support';

let wb: TestWorkbook;
let saved: string;
let before: unknown[][];

beforeAll(async () => {
  wb = await setUpWorkbook();
  await history(wb);
  before = wb.changeLog();
  saved = encodeWorldState(exportWorld(wb.rt.world));
}, 60_000);
afterAll(() => wb.close());

const key = (r: readonly unknown[]): string =>
  JSON.stringify(r.map((v) => (v instanceof Date ? v.toISOString() : v)));

/** What is wrong with the log once a run stopped at call `n` and the next one ran. */
async function problemsAfter(n: number, hit: string): Promise<string[]> {
  const label = `call ${n} (${hit}) failing`;
  const problems: string[] = [];
  const rerun = await wb.menu(ADMIN, 'archiveClosedWorkOrders');
  if (!rerun.ok) problems.push(`${label}: the next run failed: ${rerun.error?.message}`);
  const checkpoint = checkpointOf(wb);
  if (checkpoint.cut) problems.push(`${label}: a cut is still pending`);
  const files = wb.rt.world.spreadsheets.all().filter((s) => s.name.startsWith('Work Orders Archive'));
  const archived = files.flatMap((f) => {
    const tab = f.sheetModel('Change Log');
    const rows = checkpoint.archived?.parts.find((p) => f.name.endsWith(String(p.year)))?.rows ?? 0;
    return tab && rows > 0 ? tab.readValues(2, 1, rows, 6) : [];
  });
  const live = wb.changeLog();
  const chain = [...archived, ...(checkpoint.archived ? live.slice(1) : live)];
  // Every row logged before the run, once and in order; then the runs' own "Archived" rows.
  const head = chain.slice(0, before.length).map(key);
  if (JSON.stringify(head) !== JSON.stringify(before.map(key)))
    problems.push(`${label}: the log's rows are not the ones it had, once each, in order`);
  const seqs = chain.map((r) => parseKeyedCell(r[5])?.seq ?? 0);
  if (seqs.some((s, i) => i > 0 && s !== (seqs[i - 1] as number) + 1))
    problems.push(`${label}: the chain's positions are not consecutive`);
  const verified = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
  if (!verified.ok) problems.push(`${label}: Verify: ${verified.message}`);
  return problems;
}

test('every service call of a run moving change-log rows failing in turn: the next run completes, nothing lost or doubled', async () => {
  wb.rt.world.ui.responder = (question) =>
    question.buttons === 'YES_NO' ? { button: 'NO' } : { button: 'OK', text: '' };
  const problems: string[] = [];
  const hits = new Set<string>();
  let moved = 0;
  const calls = await eachCallFailing(wb, saved, async (n, hit) => {
    hits.add(hit);
    problems.push(...(await problemsAfter(n, hit)));
    moved = Math.max(moved, checkpointOf(wb).archived?.seq ?? 0);
  });
  expect(calls).toBeGreaterThan(20);
  expect(moved).toBeGreaterThan(3);
  // The move's own calls were among those stopped: its copy, the cut and the checkpoint's writes.
  expect([...hits]).toEqual(
    expect.arrayContaining(['Sheet.deleteRows', 'Range.setValues', 'Properties.setProperty']),
  );
  expect(problems).toEqual([]);
}, 600_000);

test('stopped after deleting the rows, before recording it: the next submission settles the cut and appends after it', async () => {
  // The run whose failing call left the rows deleted and the cut still pending in the checkpoint.
  let stoppedAt = 0;
  await eachCallFailing(wb, saved, async (n) => {
    const pending = checkpointOf(wb).cut;
    if (pending && parseKeyedCell(wb.changeLog()[0]?.[5])?.seq === pending.archived.seq) stoppedAt = n;
  });
  expect(stoppedAt).toBeGreaterThan(0);
  importWorld(wb.rt.world, decodeWorldState(saved));
  wb.rt.world.faults.failNthCall(stoppedAt);
  await wb.menu(ADMIN, 'archiveClosedWorkOrders');
  wb.rt.world.faults.disarm();
  const pending = checkpointOf(wb).cut!;
  expect(pending).toBeDefined();
  // A requestor's submission, not another archive run, is the next writer.
  (await wb.submit()).executions.forEach(expectOk);
  const settled = checkpointOf(wb);
  expect(settled.cut).toBeUndefined();
  expect(settled.archived).toEqual(pending.archived);
  expect(settled.row).toBe(wb.changeLog().length + 1);
  expect(wb.changeLog().at(-1)?.[4]).toMatch(/Created/);
  wb.rt.world.ui.responder = (question) =>
    question.buttons === 'YES_NO' ? { button: 'NO' } : { button: 'OK', text: '' };
  expect(expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value).toMatchObject({ ok: true });
}, 600_000);
