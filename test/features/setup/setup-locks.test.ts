/**
 * Setup holds the document lock only around short steps: a first run made ~40 s of structural and
 * metadata calls in one hold, longer than an edit trigger or a submission waits for the lock. Here:
 * every hold is small, an edit made while setup runs (the two interleaved call by call) is judged and
 * logged at once, a second setup started meanwhile is refused with a message saying who runs one, and
 * a claim left by a setup Apps Script stopped lapses after the execution limit.
 */
import { LocalAppsScript, type ExecutionRecord } from '../../../runtime';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { SETUP_CLAIM_MS } from '../../../src/server/features/setup/setup-run';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, logFor, rowOf, type } from '../../support/edits';
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';

/** Spreadsheet and Form writes, and cells laid under rules or grids, in each hold of the lock. */
function holds(record: ExecutionRecord): { writes: number; structural: number }[] {
  return record.stats.lockHolds
    .filter((h) => h.key.startsWith('document:'))
    .map((h) => ({
      writes: (h.during.backend.Spreadsheet?.write ?? 0) + (h.during.backend.Form?.write ?? 0),
      structural: h.during.structuralCells,
    }));
}

test('a first setup takes many holds, none with more than a handful of writes', async () => {
  const rt = LocalAppsScript.load();
  try {
    const ssId = rt.createSpreadsheet('Fresh', ADMIN);
    const record = expectOk(await rt.runMenuItem(ssId, ADMIN, 'setUpWorkOrders'));
    const each = holds(record);
    expect(each.length).toBeGreaterThan(10);
    // One hold made 86 writes and laid 270,000 cells before; the forms' ~100 writes hold nothing.
    for (const hold of each) {
      expect(hold.writes).toBeLessThanOrEqual(15);
      expect(hold.structural).toBeLessThanOrEqual(60_000);
    }
    const total = record.stats.backend.Spreadsheet?.write ?? 0;
    const held = each.reduce((sum, h) => sum + h.writes, 0);
    expect(held).toBeLessThan(total);
  } finally {
    await rt.close();
  }
}, 60_000);

describe('on a workbook in use', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
  }, 60_000);
  afterAll(() => wb.close());

  test('an edit made while setup runs again is judged and logged at once, not left for later', async () => {
    const id = await assignedOrder(wb, TECH);
    const [setup, edited] = await wb.rt.interleaved(() =>
      Promise.all([wb.menu(ADMIN, 'setUpWorkOrders'), type(wb, TECH, id, 'Status', 'In Progress')]),
    );
    expectOk(setup);
    expect(edited.ok).toBe(true);
    const pending = Object.keys(wb.rt.world.properties.document(wb.ssId).entries()).filter((k) =>
      k.startsWith('wo.edit.pending.'),
    );
    expect(pending).toEqual([]);
    expect(wb.order(id).status).toBe('In Progress');
    expect(logFor(wb, id)).toContainEqual(expect.objectContaining({ field: 'Status', new: 'In Progress' }));
  }, 60_000);

  test('two setups at once: one runs, the other is told one is under way; no second form', async () => {
    const forms = wb.rt.world.forms.all().length;
    const runs = await wb.rt.interleaved(() =>
      Promise.all([wb.menu(ADMIN, 'setUpWorkOrders'), wb.menu(ADMIN, 'setUpWorkOrders')]),
    );
    expect(runs.filter((r) => r.ok)).toHaveLength(1);
    const refused = runs.find((r) => !r.ok);
    expect(refused?.error?.message).toMatch(/already running for this spreadsheet \(started by admin@/);
    expect(wb.rt.world.forms.all()).toHaveLength(forms);
    // Finished: the next run goes ahead.
    expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  }, 60_000);

  test('a claim left by a setup that was stopped lapses after the execution limit', async () => {
    const doc = wb.rt.world.properties.document(wb.ssId);
    const startedAt = wb.rt.world.clock.nowMs() - 60_000;
    doc.set(PROPERTY_KEYS.setupRun, JSON.stringify({ by: 'other.admin@example.com', startedAt }));
    const refused = await wb.menu(ADMIN, 'setUpWorkOrders');
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toMatch(/started by other\.admin@example\.com/);
    wb.rt.world.clock.advance(SETUP_CLAIM_MS);
    expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    const claim = JSON.parse(doc.get(PROPERTY_KEYS.setupRun) ?? '{}') as { by?: string; finishedAt?: number };
    expect(claim.by).toBe(ADMIN);
    expect(claim.finishedAt).toEqual(expect.any(Number));
  }, 60_000);

  test('rows that all have their record cost no hold of the lock; a row without one, one short hold', async () => {
    const id = await assignedOrder(wb, TECH);
    const steady = holds(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')));
    wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn(ROW_STATE_HEADER), [['']]);
    const run = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    expect(String(run.value)).toMatch(/recorded the current values of 1 row/);
    const filling = holds(run);
    expect(filling).toHaveLength(steady.length + 1);
    expect(filling.at(-1)?.writes).toBe(1);
  }, 60_000);
});
