/**
 * What a drain does with each Outbox row, decided against the owner's ledger (./outbox-ledger.ts):
 * which rows it sends, which stay held for a digest, whose Status it puts back or refuses, which rows
 * queued before rows were numbered it numbers, and which issued numbers it reports removed. Pure: the
 * MAC checks come in as functions, called only for rows whose number is not settled (most rows of a
 * week's Outbox are sent and settled, so the HMACs stay proportional to the mail still owed).
 */
import {
  REFUSED_MESSAGE,
  advance,
  emptyLedger,
  issueOwnerSeq,
  seqState,
  seqText,
  settle,
  type OutboxLedger,
  type Seq,
  type Series,
} from './outbox-ledger';

export type ShownStatus = 'queued' | 'held' | 'sent' | 'digested' | 'failed' | 'refused' | 'other';
export type MarkStatus = 'queued' | 'sent' | 'digested' | 'refused';

export interface PlanRow {
  /** The Seq cell parsed (not yet verified), null when empty or malformed. */
  seq: Seq | null;
  status: ShownStatus;
  /** Its MAC verifies over content, kind and number. */
  authentic: () => boolean;
  /** A row queued before rows were numbered whose content MAC verifies. */
  legacyAuthentic: () => boolean;
}

export interface OutboxPlan {
  ledger: OutboxLedger;
  /** Rows (positions in the input) owed now: the caller ranks and sends them. */
  send: number[];
  /** Rows kept for their readers' digests. */
  hold: number[];
  /** Status and Last Error to write. */
  marks: { row: number; status: MarkStatus; note: string }[];
  /** Rows queued before rows were numbered, given a number now (the caller signs them anew). */
  numbered: { row: number; seq: Seq }[];
  refused: number;
  /** Rows of settled numbers set back to Queued or Held by hand: put back, never sent again. */
  restored: number;
  /** Rows still owed whose Status was changed by hand: owed again. */
  reopened: number;
  /** Numbers missing from the Outbox at two drains running: reported now, and settled. */
  removed: Seq[];
}

const SHOWN_LABEL: Record<ShownStatus, string> = {
  queued: 'Queued',
  held: 'Held for digest',
  sent: 'Sent',
  digested: 'In digest',
  failed: 'Failed',
  refused: 'Refused',
  other: 'changed',
};

export const restoredNote = (seq: Seq): string =>
  `Status set back by hand after queued email #${seqText(seq)} was settled (sent, put in a digest or reported removed): not sent again`;
export const reopenedNote = (seq: Seq, shown: ShownStatus): string =>
  `Status was changed by hand to ${SHOWN_LABEL[shown]} before queued email #${seqText(seq)} was sent: still owed`;
export const copyNote = (seq: Seq): string =>
  `Not sent: a copy of queued email #${seqText(seq)}, which is sent once`;
export const UNNUMBERED_MESSAGE = 'Not sent: the row has no sequence number, so Work Orders did not queue it';

/** A drain looks at most this far below the highest number for removed rows (a long-lost ledger). */
const MAX_GAP_SCAN = 20_000;

const owedStatus = (s: ShownStatus): boolean => s === 'queued' || s === 'held';

/**
 * Starts a ledger from the sheet, trusting its statuses this once (no ledger yet, an unreadable one, or
 * a new owner's), keeping what the owner recorded before any drain ran (`issued`: numbers the hourly
 * job issued, notices a digest settled).
 */
function ledgerFromSheet(rows: readonly PlanRow[], issued: OutboxLedger | null): OutboxLedger {
  const ledger = issued ? (JSON.parse(JSON.stringify(issued)) as OutboxLedger) : emptyLedger();
  ledger.started = true;
  const lowest: Partial<Record<Series, number>> = {};
  const genuine = rows.filter((r) => r.seq !== null && r.authentic());
  for (const r of genuine) {
    const { series, n } = r.seq as Seq;
    lowest[series] = Math.min(lowest[series] ?? n, n);
    ledger[series].top = Math.max(ledger[series].top, n);
  }
  for (const series of ['d', 'h'] as const) {
    const s = ledger[series];
    const min = Math.min(lowest[series] ?? Infinity, s.done[0]?.[0] ?? Infinity);
    if (s.low === null && Number.isFinite(min)) s.low = min - 1;
    advance(s);
  }
  for (const r of genuine) {
    if (r.status === 'failed') settle(ledger, r.seq as Seq, 'failed');
    else if (!owedStatus(r.status)) settle(ledger, r.seq as Seq, 'done');
  }
  return ledger;
}

export function planOutbox(stored: OutboxLedger | null, rows: readonly PlanRow[]): OutboxPlan {
  const ledger = stored?.started
    ? (JSON.parse(JSON.stringify(stored)) as OutboxLedger)
    : ledgerFromSheet(rows, stored);
  const plan: OutboxPlan = {
    ledger,
    send: [],
    hold: [],
    marks: [],
    numbered: [],
    refused: 0,
    restored: 0,
    reopened: 0,
    removed: [],
  };
  const seqOf: (Seq | null)[] = rows.map((r) => r.seq);
  const verified = new Set<number>();
  const authentic = (i: number): boolean => verified.has(i) || (rows[i] as PlanRow).authentic();
  const refuse = (row: number, note: string): void => {
    plan.marks.push({ row, status: 'refused', note });
    plan.refused++;
  };

  // Rows queued before rows were numbered: numbered once, by the first drain, then refused like any
  // unsigned row. A Failed one too, settled as failed: an administrator may still set it back to Queued.
  rows.forEach((r, i) => {
    if (r.seq !== null || !(owedStatus(r.status) || r.status === 'failed')) return;
    if (!ledger.migrated && r.legacyAuthentic()) {
      const seq = issueOwnerSeq(ledger);
      seqOf[i] = seq;
      verified.add(i);
      plan.numbered.push({ row: i, seq });
      if (r.status === 'failed') settle(ledger, seq, 'failed');
    } else if (r.status === 'queued') refuse(i, UNNUMBERED_MESSAGE);
  });
  ledger.migrated = true;

  const groups = new Map<string, number[]>();
  seqOf.forEach((seq, i) => {
    if (!seq) return;
    const key = seqText(seq);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const present = new Set<string>();
  // The highest document number is known from the rows themselves: the hourly job has no document, so
  // it cannot read the counter. A writer takes its numbers and appends their rows in one section under
  // the document lock, and this read of the sheet is one read, so every number below the highest one
  // read was appended before it: a missing one was removed. A row deleted before any drain read a
  // higher number is found once a later row shows the gap.
  for (const [key, members] of groups) {
    const seq = seqOf[members[0] as number] as Seq;
    const state = seqState(ledger, seq);
    const shown = (i: number): ShownStatus => (rows[i] as PlanRow).status;
    if (state === 'done') {
      present.add(key);
      for (const i of members) {
        if (!owedStatus(shown(i))) continue;
        plan.marks.push({
          row: i,
          status: shown(i) === 'held' ? 'digested' : 'sent',
          note: restoredNote(seq),
        });
        plan.restored++;
      }
      continue;
    }
    const genuine = members.filter(authentic);
    if (genuine.length > 0) {
      present.add(key);
      const s = ledger[seq.series];
      if (s.low === null) s.low = Math.min(...genuine.map((i) => (seqOf[i] as Seq).n)) - 1;
      s.top = Math.max(s.top, seq.n);
    }
    // A failed number is owed again only when an administrator sets its row back to Queued.
    const carrier =
      state === 'failed'
        ? genuine.find((i) => shown(i) === 'queued')
        : (genuine.find((i) => owedStatus(shown(i))) ?? genuine[0]);
    for (const i of members) {
      if (i === carrier) continue;
      if (owedStatus(shown(i))) refuse(i, genuine.includes(i) ? copyNote(seq) : REFUSED_MESSAGE);
    }
    if (carrier === undefined) continue;
    if (shown(carrier) === 'held') plan.hold.push(carrier);
    else {
      if (shown(carrier) !== 'queued') {
        plan.marks.push({ row: carrier, status: 'queued', note: reopenedNote(seq, shown(carrier)) });
        plan.reopened++;
      }
      plan.send.push(carrier);
    }
  }

  for (const series of ['d', 'h'] as const) {
    const s = ledger[series];
    // A failed row an administrator deleted is settled: nothing is owed any more.
    for (const n of [...s.failed])
      if (!groups.has(seqText({ series, n }))) settle(ledger, { series, n }, 'done');
    if (s.low === null) continue;
    // Reported only when missing at two drains running: a number is issued and its row appended in one
    // locked section, but a read that raced the append (or an append retried) must not be reported.
    const missing: number[] = [];
    for (let n = Math.max(s.low + 1, s.top - MAX_GAP_SCAN); n <= s.top; n++) {
      const seq: Seq = { series, n };
      if (!present.has(seqText(seq)) && seqState(ledger, seq) === 'open') missing.push(n);
    }
    const before = new Set(s.missing);
    s.missing = missing.filter((n) => !before.has(n));
    for (const n of missing.filter((m) => before.has(m))) {
      plan.removed.push({ series, n });
      settle(ledger, { series, n }, 'done');
    }
  }
  plan.send.sort((a, b) => a - b);
  return plan;
}
