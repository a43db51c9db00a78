/**
 * The notices kept in the Outbox for their readers' daily digests (status "Held for digest"): read
 * once, gathered by the hourly job into one email per person, then marked "In digest" with the time,
 * in one write. A held row stays in the sheet with its full text: nothing is dropped. Rows the
 * add-on did not write (their MAC does not verify) are never put in a digest, nor a row whose number
 * the owner's ledger has settled (Held typed over In digest), nor a second row of one number (a copy);
 * the numbers gathered are settled in the ledger when the rows are marked (core/outbox-ledger.ts).
 */
import { asText, mapHeaders, normalizeHeader } from '../../core/headers';
import { SHEET_NAMES } from '../../core/model';
import { asCellText } from '../../core/sanitize';
import { isValidDate } from '../../core/time';
import { DIGESTED_STATUS, HELD_STATUS } from './mailer';
import { COLUMNS } from './outbox';
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

/** The held notices, oldest first (sheet order: rows are appended). */
export function readHeldNotices(ss: Spreadsheet): HeldNotices {
  const none: HeldNotices = { notices: [], markDigested: () => undefined };
  const sheet = ss.getSheetByName(SHEET_NAMES.outbox);
  if (!sheet || sheet.getLastRow() < 2) return none;
  const values = sheet.getDataRange().getValues();
  const layout = mapHeaders(values[0] ?? [], COLUMNS);
  if (layout.missing.length > 0) return none;
  const at = (row: unknown[], column: keyof typeof COLUMNS): string => asText(row[layout.indexOf[column]]);
  const signedByUs = outboxVerifier(ss.getId());
  const { ledger } = readOutboxLedger(ss.getId());
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
      const status = layout.indexOf.status;
      const sentAt = layout.indexOf.sentAt;
      const first = rows[0] as number;
      const last = rows[rows.length - 1] as number;
      const marked = new Set(rows);
      // Rows in between keep their values, re-neutralized (a typed "=…" read back as text stays text).
      const keep = (v: unknown): unknown => (isValidDate(v) ? v : asCellText(asText(v)).cell);
      const column = (index: number, value: unknown) =>
        values.slice(first, last + 1).map((row, k) => [marked.has(first + k) ? value : keep(row[index])]);
      sheet.getRange(first + 1, status + 1, last - first + 1, 1).setValues(column(status, DIGESTED_STATUS));
      sheet.getRange(first + 1, sentAt + 1, last - first + 1, 1).setValues(column(sentAt, now));
      settleDigested(ss.getId(), seqs);
    },
  };
}
