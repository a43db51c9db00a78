/**
 * The benchmark's cost model (bench/cost-model.ts): which executions pay the first touch of the
 * document, and which calls count as other round trips.
 */
import { emptyStats, type ExecutionStats } from '../../../runtime/host/execution';
import { countsOf, DEFAULT_COST_MODEL, estimateMs, holdEstimates } from '../../../bench/cost-model';

function stats(backend: ExecutionStats['backend'], calls: Record<string, number> = {}): ExecutionStats {
  return { ...emptyStats(), backend, calls };
}

test('an execution that opens the spreadsheet pays the first touch once', () => {
  const counts = countsOf(stats({ Spreadsheet: { touch: 1, read: 2, write: 1 } }));
  expect(counts).toMatchObject({ touches: 1, reads: 2, writes: 1, otherCalls: 0 });
});

test('a trigger that reads through the spreadsheet its event carried (e.source) pays it too', () => {
  const counts = countsOf(stats({ Spreadsheet: { touch: 0, read: 1, write: 0 } }));
  expect(counts.touches).toBe(1);
  expect(estimateMs(counts, DEFAULT_COST_MODEL)).toBe(
    DEFAULT_COST_MODEL.firstTouchMs + DEFAULT_COST_MODEL.readCallMs,
  );
});

test('a form backend call reaches a document as well', () => {
  expect(countsOf(stats({ Form: { touch: 0, read: 0, write: 1 } })).touches).toBe(1);
});

test('no document call, no touch: properties, locks and a toast are other round trips', () => {
  const counts = countsOf(
    stats({
      Properties: { touch: 0, read: 1, write: 1 },
      Lock: { touch: 0, read: 0, write: 2 },
      Ui: { touch: 0, read: 0, write: 1 },
      Session: { touch: 0, read: 2, write: 0 },
    }),
  );
  expect(counts).toMatchObject({ touches: 0, reads: 0, writes: 0, otherCalls: 5 });
});

test('a sent email is priced as an email, not also as a round trip', () => {
  const counts = countsOf({
    ...stats({ Mail: { touch: 0, read: 0, write: 1 } }, { 'MailApp.sendEmail': 1 }),
    emailsSent: 1,
  });
  expect(counts).toMatchObject({ touches: 0, otherCalls: 0, emails: 1 });
});

test('a send MailApp refused (over quota) is a round trip, not an email', () => {
  const counts = countsOf(stats({ Mail: { touch: 0, read: 0, write: 2 } }, { 'MailApp.sendEmail': 2 }));
  expect(counts).toMatchObject({ otherCalls: 2, emails: 0 });
});

test('a read the read cache answers is priced at the cached figure, its cells still charged', () => {
  const counts = countsOf({
    ...stats({ Spreadsheet: { touch: 0, read: 3, write: 0 } }),
    cachedReads: 2,
    cellsRead: 1000,
  });
  const m = DEFAULT_COST_MODEL;
  expect(estimateMs(counts, m)).toBeCloseTo(
    m.firstTouchMs + m.readCallMs + 2 * m.cachedReadMs + (1000 * m.cellReadUs) / 1000,
  );
});

test('property, cache and lock calls are priced by their own published figures', () => {
  const counts = countsOf(
    stats({
      Properties: { touch: 0, read: 2, write: 3 },
      Cache: { touch: 0, read: 1, write: 1 },
      Lock: { touch: 0, read: 0, write: 2 },
    }),
  );
  const m = DEFAULT_COST_MODEL;
  expect(estimateMs(counts, m)).toBeCloseTo(
    2 * m.propertyReadMs + 3 * m.propertyWriteMs + m.cacheReadMs + m.cacheWriteMs + 2 * m.lockCallMs,
  );
});

test('every execution pays the bundle load; one a browser started pays its round trip too', () => {
  const model = { ...DEFAULT_COST_MODEL, bundleLoadMs: 80 };
  const trigger = countsOf(stats({}), 'installable-trigger');
  const sidebar = countsOf(stats({}), 'script-run');
  expect(estimateMs(trigger, model)).toBe(80);
  expect(estimateMs(sidebar, model)).toBe(80 + model.clientRoundTripMs);
});

test("the script's CPU time is scaled by the JavaScript factor; structural cells and flushes are priced", () => {
  const counts = countsOf({
    ...stats({ Spreadsheet: { touch: 0, read: 0, write: 1 } }, { 'SpreadsheetApp.flush': 1 }),
    scriptCpuMs: 10,
    structuralCells: 2000,
  });
  const m = DEFAULT_COST_MODEL;
  expect(estimateMs(counts, m)).toBeCloseTo(
    m.firstTouchMs + m.writeCallMs + (2000 * m.structuralCellUs) / 1000 + m.flushMs + 10 * m.jsFactor,
  );
});

test('a lock hold is priced from what the execution did while holding it', () => {
  const s: ExecutionStats = {
    ...stats({ Spreadsheet: { touch: 1, read: 5, write: 5 } }),
    lockHolds: [
      {
        key: 'document:x',
        wallMs: 50,
        scriptMs: 5,
        endedBy: 'releaseLock',
        during: {
          calls: {},
          backend: {
            Spreadsheet: { touch: 0, read: 1, write: 1 },
            Properties: { touch: 0, read: 0, write: 1 },
          },
          cellsRead: 0,
          cellsWritten: 0,
          cachedReads: 0,
          structuralCells: 0,
          emailsSent: 0,
          emailRecipients: 0,
          lockWaitMs: 0,
          serviceMs: 45,
        },
      },
    ],
  };
  const m = DEFAULT_COST_MODEL;
  expect(holdEstimates(s, m)).toEqual([
    {
      key: 'document:x',
      estimatedMs: m.firstTouchMs + m.readCallMs + m.writeCallMs + m.propertyWriteMs + 5 * m.jsFactor,
    },
  ]);
});

test("a hold's JavaScript time is never more than the execution's measured CPU time", () => {
  const during = {
    calls: {},
    backend: {},
    cellsRead: 0,
    cellsWritten: 0,
    cachedReads: 0,
    structuralCells: 0,
    emailsSent: 0,
    emailRecipients: 0,
    lockWaitMs: 0,
    serviceMs: 0,
  };
  const s: ExecutionStats = {
    ...stats({}),
    scriptCpuMs: 7,
    lockHolds: [{ key: 'document:x', wallMs: 900, scriptMs: 900, endedBy: 'releaseLock', during }],
  };
  expect(holdEstimates(s, DEFAULT_COST_MODEL)).toEqual([
    { key: 'document:x', estimatedMs: 7 * DEFAULT_COST_MODEL.jsFactor },
  ]);
});
