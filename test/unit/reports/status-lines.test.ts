import { formatChanges, parseChanges } from '../../../src/core/change-lines';
import { isStatusField, statusLinesOf } from '../../../src/core/reports/history';

/** What the reports read before: every line parsed, then the Status ones kept. */
const slow = (text: string) => parseChanges(text).filter((line) => isStatusField(line.field));

describe('statusLinesOf', () => {
  test('finds the Status lines among the others, exactly as parsing every line would', () => {
    const texts = [
      '',
      'Status: Submitted → Approved',
      formatChanges([
        { field: 'Priority', oldValue: '', newValue: 'P2 High' },
        { field: 'Status', oldValue: 'Approved', newValue: 'Assigned' },
        { field: 'Assignee', oldValue: '', newValue: 'tech@example.com' },
      ]),
      // Values that need quoting (arrows, colons, line breaks) on the status line and around it.
      formatChanges([
        { field: 'Progress Notes', oldValue: 'a → b', newValue: 'Status: done\nnext line' },
        { field: 'Status', oldValue: 'In Progress', newValue: ' On Hold: parts ' },
      ]),
      'status: Assigned → In Progress', // the field key, accepted as well
      'Statuses: a → b\nStatus notes: x → y\nStatus:  → Submitted',
      'Status: cut in the middle', // not in the format: skipped by both
      'Description: the status of the pump → fixed',
    ];
    for (const text of texts) expect(statusLinesOf(text)).toEqual(slow(text));
    expect(statusLinesOf(texts[2]!)).toEqual([
      { field: 'Status', oldValue: 'Approved', newValue: 'Assigned' },
    ]);
    expect(statusLinesOf(texts[5]!)).toEqual([{ field: 'Status', oldValue: '', newValue: 'Submitted' }]);
  });
});
