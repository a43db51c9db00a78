/**
 * Ids stay unique and increasing when form-submit executions interleave. The runtime's
 * interleaved schedule pauses every execution at every service call and resumes them in rotation, so
 * all twenty read the counter before any of them writes it — unless the document lock serializes them.
 */
import { buildNoLocksVariant } from '../../support/variant-build';
import { setUpWorkbook } from '../../support/workbook';

const BURST = 20;

test('20 interleaved submissions give 20 rows with 20 distinct, increasing ids and no overwritten cell', async () => {
  const wb = await setUpWorkbook();
  try {
    const executions = await wb.submitAtOnce(BURST);
    expect(executions.every((e) => e.ok)).toBe(true);
    expect(executions.some((e) => e.stats.lockWaits > 0)).toBe(true);
    const rows = wb.register();
    expect(rows).toHaveLength(BURST);
    const ids = rows.map((r) => r.order.id);
    expect(new Set(ids).size).toBe(BURST);
    expect(ids).toEqual([...ids].sort());
    // Each row holds the description of the response it references: nothing was overwritten.
    const descriptions = new Set(rows.map((r) => r.order.description));
    expect(descriptions.size).toBe(BURST);
    expect(new Set(rows.map((r) => r.order.responseRef)).size).toBe(BURST);
    expect(wb.changeLog()).toHaveLength(BURST);
  } finally {
    await wb.close();
  }
});

test('negative control: the same burst with the locks compiled out loses updates', async () => {
  const wb = await setUpWorkbook({ distDir: buildNoLocksVariant() });
  try {
    const executions = await wb.submitAtOnce(BURST);
    expect(executions.every((e) => e.ok)).toBe(true);
    const ids = wb.register().map((r) => r.order.id);
    expect(ids).toHaveLength(BURST);
    // Every execution read the counter before any wrote it: the ids collide.
    expect(new Set(ids).size).toBeLessThan(BURST);
  } finally {
    await wb.close();
  }
});
