/**
 * Repair work orders rebuilds the counters from the highest numbers issued, which means reading whole
 * columns of the register and the whole change log (checking the add-on's MAC on every row that names
 * a number): reads that grow with every order ever made. They come before the locks; the
 * document-lock hold itself reads only the small tabs and stores.
 */
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { appendAsAddOn } from '../../support/audit';
import { ADMIN, expectOk, setUpWorkbook } from '../../support/workbook';
import { submitMany } from '../../support/ops';

const HISTORY = 3_000;

test('Repair reads the issued numbers before it takes the document lock, not while holding it', async () => {
  const wb = await setUpWorkbook();
  try {
    await submitMany(wb, 2);
    // A long history the add-on wrote: orders created long ago and gone from the register since (the
    // highest id among them is the one to continue after).
    const at = wb.rt.world.clock.now();
    appendAsAddOn(
      wb,
      Array.from({ length: HISTORY }, (_, i) => ({
        at,
        user: ADMIN,
        source: 'form' as const,
        recordId: `REQ-${String(100 + i).padStart(6, '0')}`,
        field: 'Created',
        oldValue: '',
        newValue: 'Submitted',
      })),
    );
    wb.rt.world.properties.document(wb.ssId).set(PROPERTY_KEYS.woCounters, 'broken');

    const run = expectOk(await wb.menu(ADMIN, 'repairWorkOrders'));
    expect(String(run.value)).toMatch(`continue after REQ-${String(100 + HISTORY - 1).padStart(6, '0')}`);
    // The whole log was read (3,000 rows of 6 cells)…
    expect(run.stats.cellsRead).toBeGreaterThan(6 * HISTORY);
    // …but not under the repair's hold of the document lock (its first), which reads a few small things.
    const hold = run.stats.lockHolds.find((h) => h.key.startsWith('document:'));
    expect(hold).toBeDefined();
    expect(hold!.during.cellsRead).toBeLessThan(HISTORY);
  } finally {
    await wb.close();
  }
});
