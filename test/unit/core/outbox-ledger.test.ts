import {
  emptyLedger,
  issueOwnerSeq,
  parseLedger,
  parseSeq,
  seqState,
  serializeLedger,
  settle,
  type OutboxLedger,
  type Seq,
} from '../../../src/core/outbox-ledger';
import { planOutbox, type PlanRow, type ShownStatus } from '../../../src/core/outbox-plan';

const d = (n: number): Seq => ({ series: 'd', n });
const row = (seq: Seq | null, status: ShownStatus, genuine = true, legacy = false): PlanRow => ({
  seq,
  status,
  authentic: () => genuine,
  legacyAuthentic: () => legacy,
});

function started(): OutboxLedger {
  const ledger = emptyLedger();
  ledger.started = true;
  ledger.migrated = true;
  return ledger;
}

describe('outbox ledger', () => {
  it('parses numbers of both series and nothing else', () => {
    expect(parseSeq('17')).toEqual(d(17));
    expect(parseSeq('H3')).toEqual({ series: 'h', n: 3 });
    for (const bad of ['', '0', '-1', '1.5', 'h3', 'H', '17x']) expect(parseSeq(bad)).toBeNull();
  });

  it('keeps a low-water mark and the few settled above it, failed numbers passed but kept', () => {
    const ledger = started();
    settle(ledger, d(1), 'done');
    settle(ledger, d(3), 'done'); // an emergency overtook 2
    expect(ledger.d.low).toBe(1);
    expect(ledger.d.done).toEqual([[3, 3]]);
    expect(seqState(ledger, d(2))).toBe('open');
    settle(ledger, d(2), 'failed');
    expect(ledger.d.low).toBe(3);
    expect(ledger.d.done).toEqual([]);
    expect(seqState(ledger, d(2))).toBe('failed');
    settle(ledger, d(2), 'done'); // the administrator's retry went
    expect(seqState(ledger, d(2))).toBe('done');
    expect(ledger.d.failed).toEqual([]);
  });

  it('round-trips through its stored text and refuses a damaged one', () => {
    const ledger = started();
    settle(ledger, d(1), 'done');
    settle(ledger, d(5), 'done');
    issueOwnerSeq(ledger);
    expect(parseLedger(serializeLedger(ledger))).toEqual(ledger);
    expect(parseLedger('{"v":1,"d":{"l":"x"}}')).toBeNull();
    expect(parseLedger('not json')).toBeNull();
    expect(parseLedger(null)).toBeNull();
  });
});

describe('planning a drain against the ledger', () => {
  it('a first drain trusts the statuses once and numbers legacy rows still owed', () => {
    const plan = planOutbox(null, [
      row(d(1), 'sent'),
      row(d(2), 'queued'),
      row(null, 'queued', false, true),
      row(null, 'queued', false, false),
    ]);
    expect(plan.send).toEqual([1, 2]);
    expect(plan.numbered).toEqual([{ row: 2, seq: { series: 'h', n: 1 } }]);
    expect(plan.marks).toEqual([expect.objectContaining({ row: 3, status: 'refused' })]);
    expect(plan.ledger.migrated).toBe(true);
    expect(seqState(plan.ledger, d(1))).toBe('done');
  });

  it('a legacy Failed row is numbered as failed: set back to Queued later, it goes', () => {
    const first = planOutbox(null, [row(null, 'failed', false, true)]);
    expect(first.send).toEqual([]);
    const seq = first.numbered[0]!.seq;
    expect(seqState(first.ledger, seq)).toBe('failed');
    const retry = planOutbox(first.ledger, [{ ...row(seq, 'queued'), seq }]);
    expect(retry.send).toEqual([0]);
  });

  it('Sent typed over an unsettled row: still owed, with a note', () => {
    const ledger = started();
    settle(ledger, d(1), 'done');
    const plan = planOutbox(ledger, [row(d(2), 'sent')]);
    expect(plan.send).toEqual([0]);
    expect(plan.reopened).toBe(1);
    expect(plan.marks[0]).toMatchObject({
      status: 'queued',
      note: expect.stringMatching(/changed by hand to Sent/),
    });
  });

  it('Queued typed over a settled row: put back, not sent', () => {
    const ledger = started();
    settle(ledger, d(1), 'done');
    const plan = planOutbox(ledger, [row(d(1), 'queued'), row(d(1), 'held')]);
    expect(plan.send).toEqual([]);
    expect(plan.restored).toBe(2);
    expect(plan.marks.map((m) => m.status)).toEqual(['sent', 'digested']);
  });

  it('copies of one number: one is sent, the rest refused', () => {
    const plan = planOutbox(started(), [row(d(1), 'queued'), row(d(1), 'queued'), row(d(1), 'sent')]);
    expect(plan.send).toEqual([0]);
    expect(plan.refused).toBe(1);
  });

  it('a failed number goes again only when set back to Queued', () => {
    const ledger = started();
    settle(ledger, d(1), 'failed');
    expect(planOutbox(ledger, [row(d(1), 'failed')]).send).toEqual([]);
    expect(planOutbox(ledger, [row(d(1), 'queued')]).send).toEqual([0]);
  });

  it('a number missing at two drains running is reported once, then settled', () => {
    const ledger = started();
    settle(ledger, d(1), 'done');
    const first = planOutbox(ledger, [row(d(3), 'queued')]);
    expect(first.removed).toEqual([]);
    expect(first.ledger.d.missing).toEqual([2]);
    const second = planOutbox(first.ledger, [row(d(3), 'queued')]);
    expect(second.removed).toEqual([d(2)]);
    expect(seqState(second.ledger, d(2))).toBe('done');
    expect(planOutbox(second.ledger, [row(d(3), 'queued')]).removed).toEqual([]);
  });

  it('a forged number never raises the top (no false removals), and is refused', () => {
    const ledger = started();
    settle(ledger, d(1), 'done');
    const plan = planOutbox(ledger, [row(d(900), 'queued', false)]);
    expect(plan.ledger.d.top).toBe(1);
    expect(plan.refused).toBe(1);
    expect(plan.ledger.d.missing).toEqual([]);
  });

  it('after the migration a row with no number is refused, even with a content MAC', () => {
    const plan = planOutbox(started(), [row(null, 'queued', false, true)]);
    expect(plan.send).toEqual([]);
    expect(plan.refused).toBe(1);
  });
});
