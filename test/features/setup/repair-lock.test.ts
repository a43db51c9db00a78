/**
 * Repair work orders rebuilds the counters from the highest numbers issued, which means reading whole
 * columns of the register and the change log: columns that grow with every order ever made. Those
 * reads come before the locks; the document-lock hold itself reads only the small tabs and stores.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { ADMIN, expectOk, setUpWorkbook } from '../../support/workbook';
import { submitMany } from '../../support/ops';

const HISTORY = 3_000;

test('Repair reads the issued numbers before it takes the document lock, not while holding it', async () => {
  const wb = await setUpWorkbook();
  try {
    await submitMany(wb, 2);
    // A long history: log rows of older orders (the highest id among them is the one to continue after).
    const log = wb.sheet(SHEET_NAMES.changeLog);
    const at = wb.rt.world.clock.now();
    const rows = Array.from({ length: HISTORY }, (_, i) => [
      at,
      ADMIN,
      'system',
      `REQ-${String(100 + i).padStart(6, '0')}`,
      'Status: Closed',
      '',
    ]);
    log.writeValues(log.lastRow() + 1, 1, rows);
    wb.rt.world.properties.document(wb.ssId).set(PROPERTY_KEYS.woCounters, 'broken');

    const run = expectOk(await wb.menu(ADMIN, 'repairWorkOrders'));
    expect(String(run.value)).toMatch(`continue after REQ-${String(100 + HISTORY - 1).padStart(6, '0')}`);
    // The log's Record ID and Changes columns were read (2 × 3,000 cells)…
    expect(run.stats.cellsRead).toBeGreaterThan(2 * HISTORY);
    // …but not under the repair's hold of the document lock (its first), which reads a few small things.
    const hold = run.stats.lockHolds.find((h) => h.key.startsWith('document:'));
    expect(hold).toBeDefined();
    expect(hold!.during.cellsRead).toBeLessThan(HISTORY);
  } finally {
    await wb.close();
  }
});
