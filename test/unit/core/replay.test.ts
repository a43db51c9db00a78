import { NumberSet } from '../../../src/core/number-set';
import { emptyWorkOrder } from '../../../src/core/model';
import {
  collectHistories,
  compareIds,
  createdRef,
  liveIds,
  replayOrder,
  type LoggedLine,
  type RecordHistory,
} from '../../../src/core/replay';

const at = (s: number) => new Date(Date.UTC(2026, 2, 2, 9, 0, s));
const line = (s: number, recordId: string, field: string, newValue: string, oldValue = ''): LoggedLine => ({
  at: at(s),
  recordId,
  field,
  oldValue,
  newValue,
});

function histories(lines: LoggedLine[], wanted: Set<string> | null = null): Map<string, RecordHistory> {
  const into = new Map<string, RecordHistory>();
  collectHistories(lines, into, wanted);
  return into;
}

describe('replaying the change log', () => {
  const log = [
    line(0, 'REQ-000001', 'Created', 'Submitted (Form Responses 1!A2)'),
    line(0, 'REQ-000001', 'Needs Review', 'Location "Attic" is not on the Settings list'),
    line(1, 'REQ-000002', 'Created', 'Submitted (Form Responses 1!A3)'),
    line(5, 'REQ-000001', 'Status', 'Approved', 'Submitted'),
    line(5, 'REQ-000001', 'WO Number', 'WO-2026-00001'),
    line(5, 'REQ-000001', 'Due', '2026-03-10T17:00:00.000Z'),
    line(6, 'REQ-000001', 'Status', 'Assigned', 'Approved'),
    line(6, 'REQ-000001', 'Assignee', 'tina.tech@example.com'),
    line(8, 'REQ-000001', 'Progress Notes', '+1 call'),
    line(9, 'REQ-000001', 'Status (refused)', 'Closed [needs the sidebar]'),
    line(10, 'REQ-000001', 'Requestor Reply', 'Thanks!', 'When can you come?'),
    line(11, 'REQ-000002', 'Archived', 'Moved to Archive', 'Rejected'),
    line(12, 'Settings', 'Settings!B3', '0', '30'),
  ];

  it('knows which orders are live: created and not archived since', () => {
    expect(liveIds(histories(log))).toEqual(['REQ-000001']);
    const again = histories([...log, line(13, 'REQ-000002', 'Created', 'Submitted (Form Responses 1!A9)')]);
    expect(liveIds(again)).toEqual(['REQ-000001', 'REQ-000002']);
  });

  it('keeps only the records asked for', () => {
    expect([...histories(log, new Set(['REQ-000002'])).keys()]).toEqual(['REQ-000002']);
  });

  it('rebuilds every logged field over the starting order, refusals and other records left out', () => {
    const history = histories(log).get('REQ-000001')!;
    const start = { ...emptyWorkOrder(), requesterName: 'Rita', description: 'Leak', location: 'Attic' };
    const { order, unreadable } = replayOrder(history, start, { timeZone: 'UTC' });
    expect(unreadable).toEqual([]);
    expect(order).toMatchObject({
      id: 'REQ-000001',
      requesterName: 'Rita',
      description: 'Leak',
      status: 'Assigned',
      woNumber: 'WO-2026-00001',
      assignee: 'tina.tech@example.com',
      reviewFlag: 'Location "Attic" is not on the Settings list',
      responseRef: 'Form Responses 1!A2',
    });
    expect(order.requestedAt).toEqual(at(0));
    expect(order.due).toEqual(new Date('2026-03-10T17:00:00.000Z'));
    expect(order.notes).toBe('+1 call\n2026-03-02 09:00 Requestor: Thanks!');
    // Changes at four moments after the creation: approve, assign, the note, the reply.
    expect(order.revision).toBe(5);
  });

  it('reports a logged value it cannot read instead of guessing', () => {
    const history = histories([
      line(0, 'REQ-000003', 'Created', 'Submitted (Form Responses 1!A4)'),
      line(1, 'REQ-000003', 'Due', 'next Tuesday'),
      line(2, 'REQ-000003', 'Status', 'Done'),
    ]).get('REQ-000003')!;
    const { order, unreadable } = replayOrder(history, null, { timeZone: 'UTC' });
    expect(order).toMatchObject({ status: 'Submitted', due: null });
    expect(unreadable).toHaveLength(2);
  });

  it('reads the form response out of a Created row, and orders ids by number', () => {
    expect(createdRef('Submitted (Form Responses 1!A7)')).toBe('Form Responses 1!A7');
    expect(createdRef('Submitted')).toBe('');
    expect(['REQ-000010', 'LEGACY-1', 'REQ-000002'].sort(compareIds)).toEqual([
      'REQ-000002',
      'REQ-000010',
      'LEGACY-1',
    ]);
  });
});

describe('the settled request numbers', () => {
  it('keeps any pattern of numbers, one bit each, and reads back only its own text', () => {
    const set = NumberSet.empty();
    const numbers = [1, 2, 6, 7, 64, 65, 99_999, 100_000];
    for (const n of numbers) set.add(n);
    const text = set.encode();
    expect(text.length).toBe(Math.ceil(100_000 / 6));
    const back = NumberSet.decode(text)!;
    for (const n of numbers) expect(back.has(n)).toBe(true);
    for (const n of [0, 3, 5, 8, 63, 66, 99_998, 100_001, -1, 1.5]) expect(back.has(n)).toBe(false);
    expect(NumberSet.decode('not base64!')).toBeNull();
    expect(NumberSet.empty().encode()).toBe('');
  });
});
