/**
 * Set up work orders after the hidden Last Known State column was deleted, on a register too big for
 * one run. Setup wrote every row's record in one execution: about 400 s estimated at 100,000 rows,
 * past Google's 6-minute limit, so it died and left the workbook half set up. Now each run records at
 * most its share (the add-on's own setting PROPERTY_KEYS.rowStateBackfillRowsPerRun, lowered here to
 * 3 rows), says how many rows are left and to run it again, and the next run goes on where it
 * stopped. A row without its record meanwhile behaves as before (an action on it is refused); an edit
 * made meanwhile is kept; a run killed anywhere in its last hold loses nothing and writes nothing
 * twice. Through dist/Code.js.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';
import { SETUP_CLAIM_MS } from '../../../src/server/features/setup/setup-run';
import { killAtCall, recordCalls } from '../../support/kill';
import { REGISTER, assignedOrder, logFor, rowOf, type } from '../../support/edits';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const ORDERS = 7;
const PER_RUN = 3;

let wb: TestWorkbook;
let ids: string[];
/** The workbook with the column deleted and nothing run since. */
let deleted: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  ids = [];
  for (let i = 0; i < ORDERS; i++) ids.push(await assignedOrder(wb, TECH));
  wb.rt.world.properties.document(wb.ssId).set(PROPERTY_KEYS.rowStateBackfillRowsPerRun, String(PER_RUN));
  wb.sheet(REGISTER).deleteColumns(wb.registerColumn(ROW_STATE_HEADER), 1);
  deleted = encodeWorldState(exportWorld(wb.rt.world));
}, 120_000);
afterAll(() => wb.close());

beforeEach(() => importWorld(wb.rt.world, decodeWorldState(deleted)));

const record = (id: string): string =>
  String(wb.sheet(REGISTER).valueAt(rowOf(wb, id), wb.registerColumn(ROW_STATE_HEADER)) ?? '');
const recorded = (): string[] => ids.filter((id) => record(id) !== '');
const progress = (): string | null =>
  wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.rowStateBackfill);

async function setUp(): Promise<string> {
  return expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value as string;
}

/** Rows a summary says it recorded (0 when it says none). */
const recordedIn = (summary: string): number =>
  Number(/recorded the current values of (\d+) row/.exec(summary)?.[1] ?? 0);

async function start(id: string): Promise<{ ok: boolean; message?: string }> {
  return expectOk(await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, action: 'start' }))
    .value as { ok: boolean; message?: string };
}

test('a register too big for one run is recorded over several runs, each saying what is left', async () => {
  const first = await setUp();
  expect(recordedIn(first)).toBe(PER_RUN);
  expect(first).toMatch(/4 row\(s\) of the register still have no "Last Known State" of their own/);
  expect(first).toMatch(
    /Run Set up work orders again to go on where it stopped: each run records up to 3 rows, so about 2 more run\(s\)/,
  );
  expect(recorded()).toHaveLength(PER_RUN);
  expect(progress()).not.toBeNull();
  // A row not recorded yet is one without a record, as before: an action on it is refused.
  const waiting = ids.find((id) => record(id) === '') as string;
  expect((await start(waiting)).message).toMatch(/Last Known State .* is empty/);

  const second = await setUp();
  expect(recordedIn(second)).toBe(PER_RUN);
  expect(second).toMatch(/1 row\(s\) of the register still have no/);
  const third = await setUp();
  expect(recordedIn(third)).toBe(1);
  expect(third).not.toMatch(/still have no/);
  expect(third).toMatch(/the last of 7 recorded over several runs/);
  expect(recorded()).toHaveLength(ORDERS);
  expect(progress()).toBeNull();
  expect(await start(waiting)).toMatchObject({ ok: true });
  // Finished: the next run has nothing left to record.
  expect(recordedIn(await setUp())).toBe(0);
}, 120_000);

test('edits made between runs and during one are judged as before, and each row ends with its own record', async () => {
  await setUp();
  const [early, alsoEarly] = ids.filter((id) => record(id) !== '') as [string, string];
  const waiting = ids.find((id) => record(id) === '') as string;
  // A row recorded by the first run: the edit is judged and logged, and no later run writes over it.
  await type(wb, TECH, early, 'Progress Notes', 'Parts ordered');
  expect(logFor(wb, early).at(-1)).toMatchObject({ field: 'Progress Notes', new: 'Parts ordered' });
  // A row not recorded yet, as any row without a record: kept as typed, logged as not checked.
  await type(wb, TECH, waiting, 'Progress Notes', 'On my way');
  expect(wb.order(waiting).notes).toBe('On my way');
  expect(logFor(wb, waiting).at(-1)).toMatchObject({ field: 'Row (not checked)' });
  // An edit while the next run records rows: judged and logged at once, not left pending.
  const [run, edited] = await wb.rt.interleaved(() =>
    Promise.all([
      wb.menu(ADMIN, 'setUpWorkOrders'),
      type(wb, TECH, alsoEarly, 'Progress Notes', 'Waiting for access'),
    ]),
  );
  expectOk(run);
  expect(edited.ok).toBe(true);
  const pending = Object.keys(wb.rt.world.properties.document(wb.ssId).entries()).filter((k) =>
    k.startsWith('wo.edit.pending.'),
  );
  expect(pending).toEqual([]);
  expect(logFor(wb, alsoEarly).at(-1)).toMatchObject({ field: 'Progress Notes', new: 'Waiting for access' });
  while (progress() !== null) await setUp();
  expect(recorded()).toHaveLength(ORDERS);
  // Each row's record is what its cells now hold: starting the work is accepted on every one.
  for (const id of [early, alsoEarly, waiting]) expect(await start(id)).toMatchObject({ ok: true });
  expect(wb.order(early).notes).toBe('Parts ordered');
  expect(wb.order(alsoEarly).notes).toBe('Waiting for access');
  expect(wb.order(waiting).notes).toBe('On my way');
}, 120_000);

test('a row whose cells cannot be vouched for is named each run and keeps no record; the rest finish', async () => {
  const [forged] = ids as [string];
  wb.sheet(REGISTER).writeValues(rowOf(wb, forged), wb.registerColumn('Description'), [
    ['Nothing to do here'],
  ]);
  const first = await setUp();
  expect(first).toContain(forged);
  expect(first).toMatch(/cannot vouch for \(named above\) are looked at again by every run/);
  let last = first;
  for (let run = 0; progress() !== null && run < 5; run++) last = await setUp();
  expect(progress()).toBeNull();
  expect(last).not.toMatch(/still have no/);
  expect(last).toContain(forged);
  expect(recorded()).toEqual(ids.filter((id) => id !== forged));
}, 120_000);

test('a run killed anywhere in its hold of the records loses nothing and writes nothing twice', async () => {
  await setUp();
  const afterFirst = encodeWorldState(exportWorld(wb.rt.world));
  // The second run's calls, clean: its records are written in its last hold of the lock.
  const trace = recordCalls(wb.rt.world);
  await setUp();
  trace.stop();
  const from = trace.calls.lastIndexOf('Lock.tryLock');
  expect(from).toBeGreaterThan(0);
  const problems: string[] = [];
  const hits = new Set<string | null>();
  for (let n = from + 1; n <= trace.calls.length; n++) {
    importWorld(wb.rt.world, decodeWorldState(afterFirst));
    const kill = killAtCall(wb.rt.world, n);
    const killed = await wb.menu(ADMIN, 'setUpWorkOrders');
    kill.disarm();
    hits.add(kill.hit);
    if (killed.ok) problems.push(`call ${n}: the run was not killed`);
    const before = recorded().length;
    wb.rt.world.clock.advance(SETUP_CLAIM_MS);
    let after = 0;
    do after += recordedIn(await setUp());
    while (progress() !== null);
    if (recorded().length !== ORDERS)
      problems.push(`call ${n} (${kill.hit}): ${recorded().length} rows recorded`);
    if (before + after !== ORDERS)
      problems.push(`call ${n} (${kill.hit}): ${before} recorded before the kill and ${after} after`);
    if (progress() !== null) problems.push(`call ${n}: progress left behind`);
  }
  expect(problems).toEqual([]);
  // Killed before and after the records' write, and before the place to go on from was stored.
  expect(hits).toContain('Range.setValues');
  expect(hits).toContain('Properties.setProperty');
}, 300_000);
