import { MAX_AWAITING_LOG, awaitingLog, sameOldValue } from '../../../src/core/register-history';
import { truncationMarker } from '../../../src/core/sanitize';

describe('sameOldValue: a line whose old value the log cut to fit its cell', () => {
  const notes = `Readings: ${'0123456789'.repeat(3000)}`;
  const cut = (text: string, keep: number) => text.slice(0, keep) + truncationMarker(text.length);

  test('the same text cut is the same value', () => {
    expect(sameOldValue(notes, notes)).toBe(true);
    expect(sameOldValue(notes, cut(notes, 20_000))).toBe(true);
    // Both cut (a text set by a line cut too), at different places.
    expect(sameOldValue(cut(notes, 25_000), cut(notes, 20_000))).toBe(true);
  });

  test('another text, cut, is not: other words, or another length', () => {
    const other = `Readings: ${'9876543210'.repeat(3000)}`;
    expect(sameOldValue(notes, cut(other, 20_000))).toBe(false);
    expect(sameOldValue(notes, cut(`${notes}x`, 20_000))).toBe(false);
    expect(sameOldValue('short', 'other')).toBe(false);
  });
});

describe('awaitingLog: a form request the hourly job took in, its log rows not yet appended', () => {
  const ref = 'Form Responses 1!A12';
  test('the ids just after the highest the log created, from a form response, recorded as themselves', () => {
    expect(awaitingLog('REQ-000101', 100, ref, 'REQ-000101')).toBe(true);
    expect(
      awaitingLog(
        `REQ-${String(100 + MAX_AWAITING_LOG).padStart(6, '0')}`,
        100,
        ref,
        `REQ-${String(100 + MAX_AWAITING_LOG).padStart(6, '0')}`,
      ),
    ).toBe(true);
  });
  test('not an id the log passed, one far above it, a copied record, or a row not from a response', () => {
    expect(awaitingLog('REQ-000100', 100, ref, 'REQ-000100')).toBe(false);
    const far = `REQ-${String(101 + MAX_AWAITING_LOG).padStart(6, '0')}`;
    expect(awaitingLog(far, 100, ref, far)).toBe(false);
    expect(awaitingLog('REQ-000101', 100, ref, 'REQ-000099')).toBe(false);
    expect(awaitingLog('REQ-000101', 100, 'typed by hand', 'REQ-000101')).toBe(false);
  });
});
