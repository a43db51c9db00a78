/**
 * The benchmark's cost model (bench/cost-model.ts): which executions pay the first touch of the
 * document, and which calls count as other round trips.
 */
import { emptyStats, type ExecutionStats } from '../../../runtime/host/execution';
import { countsOf, DEFAULT_COST_MODEL, estimateMs } from '../../../bench/cost-model';

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
  expect(estimateMs(counts)).toBe(DEFAULT_COST_MODEL.firstTouchMs + DEFAULT_COST_MODEL.readCallMs);
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
