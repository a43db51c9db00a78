/**
 * The drain's read of the Outbox judged against the owner's ledger (core/outbox-plan.ts decides): the
 * rows' statuses put back, refused or reopened in `values`, rows queued before rows were numbered
 * given a number and a new MAC, and what is owed now. The MACs are checked lazily: only rows whose
 * number is not settled cost an HMAC.
 */
import { asText, normalizeHeader } from '../../core/headers';
import { parseSeq, seqState, seqText, type OutboxLedger, type Seq } from '../../core/outbox-ledger';
import {
  planOutbox,
  type MarkStatus,
  type OutboxPlan,
  type PlanRow,
  type ShownStatus,
} from '../../core/outbox-plan';
import { DIGESTED_STATUS, HELD_STATUS } from './mailer';
import { outboxVerifier, type OutboxVerifier } from './outbox-auth';
import type { StoredLedger } from './outbox-numbers';
import type { OutboxColumn } from './outbox-tabs';

const SHOWN: Record<string, ShownStatus> = {
  queued: 'queued',
  [normalizeHeader(HELD_STATUS)]: 'held',
  sent: 'sent',
  [normalizeHeader(DIGESTED_STATUS)]: 'digested',
  failed: 'failed',
  refused: 'refused',
};

const LABEL: Record<MarkStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  digested: DIGESTED_STATUS,
  refused: 'Refused',
};

export function shownStatus(value: unknown): ShownStatus {
  return SHOWN[normalizeHeader(value)] ?? 'other';
}

export interface Judged {
  plan: OutboxPlan;
  stored: StoredLedger;
  /** Each row's number (by index into the values; the drain's numbering included). */
  seqAt: Map<number, Seq>;
  /** Rows whose Status (and Last Error, MAC, Seq) changed here. */
  touched: number[];
  /** Rows were numbered: their MAC and Seq cells must be written too. */
  numbered: boolean;
}

/** True when a row of this number is settled for good (a row without one: its Status decides). */
export function settledRow(ledger: OutboxLedger | null, seqCell: unknown): boolean {
  const seq = parseSeq(asText(seqCell));
  return seq === null || !ledger?.started || seqState(ledger, seq) === 'done';
}

export function judgeOutbox(
  spreadsheetId: string,
  stored: StoredLedger,
  values: unknown[][],
  indexOf: Record<OutboxColumn, number>,
): Judged {
  const at = (row: unknown[], column: OutboxColumn): string => asText(row[indexOf[column]]);
  let verifier: OutboxVerifier | null = null;
  const keyring = (): OutboxVerifier => (verifier ??= outboxVerifier(spreadsheetId));
  const content = (row: unknown[]) => ({
    to: at(row, 'to'),
    subject: at(row, 'subject'),
    body: at(row, 'body'),
    htmlBody: at(row, 'htmlBody'),
    recordId: at(row, 'recordId'),
  });
  const indexes: number[] = [];
  const rows: PlanRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i] ?? [];
    if (row.every((v) => v === '' || v === null)) continue;
    indexes.push(i);
    rows.push({
      seq: parseSeq(at(row, 'seq')),
      status: shownStatus(row[indexOf.status]),
      authentic: () =>
        keyring().numbered(at(row, 'mac'), { ...content(row), kind: at(row, 'kind'), seq: at(row, 'seq') }),
      legacyAuthentic: () => keyring().legacy(at(row, 'mac'), content(row)),
    });
  }
  const plan = planOutbox(stored.ledger, rows);
  const seqAt = new Map<number, Seq>();
  rows.forEach((r, k) => r.seq && seqAt.set(indexes[k] as number, r.seq));
  const touched: number[] = [];
  for (const { row: k, seq } of plan.numbered) {
    const i = indexes[k] as number;
    const row = values[i] as unknown[];
    seqAt.set(i, seq);
    row[indexOf.seq] = seqText(seq);
    row[indexOf.mac] = keyring().sign({ ...content(row), kind: at(row, 'kind'), seq: at(row, 'seq') });
    touched.push(i);
  }
  for (const mark of plan.marks) {
    const i = indexes[mark.row] as number;
    const row = values[i] as unknown[];
    row[indexOf.status] = LABEL[mark.status];
    row[indexOf.lastError] = mark.note;
    touched.push(i);
  }
  plan.send = plan.send.map((k) => indexes[k] as number);
  plan.hold = plan.hold.map((k) => indexes[k] as number);
  return { plan, stored, seqAt, touched, numbered: plan.numbered.length > 0 };
}
