/**
 * The Time and Parts Used log lines read back as the entries they were written from, whatever the
 * note or part name holds (the line is what a deleted row is rebuilt from).
 */
import { parsePartLine, parseTimeLine, partLine, timeLine } from '../../../src/core/work-record-lines';

test('a time line gives back its hours, day, technician and note', () => {
  for (const note of [
    '',
    'Traced the fault',
    'Fan (left) replaced (twice)',
    'Two lines\nof note',
    ' by x h on ',
  ]) {
    const entry = { hours: 0.1 + 0.2, date: '2026-03-06', technician: 'tina.tech@example.com', note };
    expect(parseTimeLine(timeLine(entry))).toEqual(entry);
  }
});

test('a part line gives back its quantity, part and unit cost, the part named with " at " and " = " in it', () => {
  for (const part of ['Fuse 10A', 'Washer at 3 = cheap', '× 2 at 1.00 = 2.00']) {
    const entry = { quantity: 3, part, unitCost: 0.15 };
    expect(parsePartLine(partLine(entry))).toEqual(entry);
  }
});

test('lines of another form are not read as entries', () => {
  expect(parseTimeLine('1.5 hours on 2026-03-06 by x')).toBeNull();
  expect(parseTimeLine('1.5 h on 6 March by x')).toBeNull();
  expect(parsePartLine('3 Fuses at 1.00')).toBeNull();
});
