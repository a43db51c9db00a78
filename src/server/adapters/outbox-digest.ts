/**
 * The notices kept in the Outbox tabs for their readers' daily digests (status "Held for digest"):
 * read once, gathered by the hourly job into one email per person, then marked "In digest" with the
 * time, in one write per tab. A held row stays in the sheet with its full text: nothing is dropped. Rows the
 * add-on did not write (their MAC does not verify) are never put in a digest, nor a row whose number
 * the owner's ledger has settled (Held typed over In digest), nor a second row of one number (a copy);
 * the numbers gathered are settled in the ledger when the rows are marked (core/outbox-ledger.ts).
 */
import { asText, normalizeHeader } from '../../core/headers';
import { DIGESTED_STATUS, HELD_STATUS } from './mailer';
import { COLUMN_INDEX, queueOf, readOutboxTabs, writeBack, type OutboxTab } from './outbox-queue';
import type { OutboxColumn } from './outbox-tabs';
import { outboxVerifier } from './outbox-auth';
import { parseSeq, seqState, seqText, type Seq } from '../../core/outbox-ledger';
import { readOutboxLedger, settleDigested } from './outbox-numbers';
import type { Spreadsheet } from './apps-script-types';

export interface HeldNotice {
  to: string[];
  subject: string;
  body: string;
  recordId: string;
}

export interface HeldNotices {
  notices: HeldNotice[];
  /** Marks every notice read here "In digest" at `now` (one write of the Status and Sent At columns). */
  markDigested(now: Date): void;
}

const HELD = normalizeHeader(HELD_STATUS);

/**
 * The held notices of both Outbox tabs (./outbox-queue.ts), oldest first: the Outbox's rows in sheet
 * order (rows are appended), then the Hourly Outbox's.
 */
export function readHeldNotices(ss: Spreadsheet): HeldNotices {
  const none: HeldNotices = { notices: [], markDigested: () => undefined };
  let tabs: OutboxTab[];
  try {
    tabs = readOutboxTabs(ss, false);
  } catch {
    // A tab without its columns: the drain, which runs first, has reported it.
    return none;
  }
  const queue = queueOf(tabs);
  const values = queue.values;
  if (values.length < 2) return none;
  const at = (row: unknown[], column: OutboxColumn): string => asText(row[COLUMN_INDEX[column]]);
  const signedByUs = outboxVerifier(ss.getId());
  const { ledger } = readOutboxLedger(ss);
  const rows: number[] = [];
  const seqs: Seq[] = [];
  const taken = new Set<string>();
  const notices: HeldNotice[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i] ?? [];
    if (normalizeHeader(at(row, 'status')) !== HELD) continue;
    const fields = {
      to: at(row, 'to'),
      subject: at(row, 'subject'),
      body: at(row, 'body'),
      htmlBody: at(row, 'htmlBody'),
      recordId: at(row, 'recordId'),
    };
    const seq = parseSeq(at(row, 'seq'));
    if (!seq || taken.has(seqText(seq)) || (ledger?.started && seqState(ledger, seq) !== 'open')) continue;
    if (!signedByUs.numbered(at(row, 'mac'), { ...fields, kind: at(row, 'kind'), seq: at(row, 'seq') }))
      continue;
    taken.add(seqText(seq));
    seqs.push(seq);
    rows.push(i);
    notices.push({
      to: fields.to
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
      subject: fields.subject,
      body: fields.body,
      recordId: fields.recordId,
    });
  }
  if (rows.length === 0) return none;
  return {
    notices,
    markDigested(now: Date): void {
      // Rows in between keep their values, re-neutralized (a typed "=…" read back as text stays text).
      for (const i of rows) {
        const row = values[i] as unknown[];
        row[COLUMN_INDEX.status] = DIGESTED_STATUS;
        row[COLUMN_INDEX.sentAt] = now;
      }
      writeBack(queue, rows, false);
      settleDigested(ss, seqs);
    },
  };
}
