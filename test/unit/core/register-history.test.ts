import { sameOldValue } from '../../../src/core/register-history';
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
