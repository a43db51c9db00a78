/**
 * The Outbox drained (batches sent or queued: ./outbox-deliver.ts): the two halves of "mail is never dropped".
 * MailApp counts recipients per day per account (the sender is the effective user: the trigger owner
 * in the hourly job), so every batch asks for the remaining quota once and sends only what fits; the
 * rest waits in the Outbox sheet (mailer.ts layout) for a later run, oldest first.
 */
import { asText, normalizeHeader } from '../../core/headers';
import { isValidDate } from '../../core/time';
import { drainRank } from '../../core/mail-forecast';
import { settle, seqText, type Seq } from '../../core/outbox-ledger';
import { REFUSED_MESSAGE } from './outbox-auth';
import { judgeOutbox, settledRow } from './outbox-judge';
import { readOutboxLedger, writeOutboxLedger } from './outbox-numbers';
import { DIGESTED_STATUS, HELD_STATUS } from './mailer';
import { isQuotaError } from './outbox-deliver';
import { deleteOutboxRows, trimmableRows } from './outbox-trim';
import { mailSender } from './sender';
import { drainAllowance, hourOfDay } from './outbox-allowance';
import { COLUMN_INDEX, queueOf, readOutboxTabs, writeBack, type RowOrigin } from './outbox-queue';
import type { OutboxColumn } from './outbox-tabs';
import type { Spreadsheet } from './apps-script-types';

export { REFUSED_MESSAGE };
export { deliverAll, type Delivery } from './outbox-deliver';
export { drainAllowance } from './outbox-allowance';

export const OUTBOX_STATUS = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
  refused: 'Refused',
} as const;

/** After this many failed sends a message is marked Failed and reported; an administrator may set it back to Queued. */
export const MAX_SEND_ATTEMPTS = 5;

export interface FailedMessage {
  /** The tab (Outbox or Hourly Outbox) and the row the message is on. */
  tab: string;
  row: number;
  recordId: string;
  subject: string;
  error: string;
}

export interface DrainResult {
  sent: number;
  /** Messages that failed for good this run (status Failed). */
  failed: FailedMessage[];
  /** Messages that failed this run and will be retried. */
  retrying: number;
  /** Queued messages left for a later run. */
  stillQueued: number;
  /** Queued rows the add-on did not write (or that were edited): marked Refused, never sent. */
  refused: number;
  stoppedBy: 'done' | 'quota' | 'time' | 'count';
  /** Sent and digested rows past their keeping time, removed from the sheet (./outbox-trim.ts). */
  trimmed: number;
  /** Rows of emails already settled whose Status was set back by hand: put back, not sent again. */
  restored: number;
  /** Rows of emails still owed whose Status was changed by hand (Sent typed over Queued): owed again. */
  reopened: number;
  /** Queued emails removed from the Outbox before they were sent ("17", "H3"): reported once. */
  removed: string[];
}

/** A drain that sent, refused and removed nothing (no Outbox, or nothing queued). */
export function emptyDrainResult(): DrainResult {
  return {
    sent: 0,
    failed: [],
    retrying: 0,
    stillQueued: 0,
    refused: 0,
    stoppedBy: 'done',
    trimmed: 0,
    restored: 0,
    reopened: 0,
    removed: [],
  };
}

const KEPT_FOR_DIGESTS = new Set([normalizeHeader(HELD_STATUS), normalizeHeader(DIGESTED_STATUS)]);

/** Recipients still waiting in the Outbox after this execution's drain (null: no drain ran). */
let lastDrainWaiting: number | null = null;
/** Rows kept for digests (held, or gathered already) as the drain read them: when queued, to how many. */
let lastDrainHeld: { atMs: number; recipients: number }[] = [];

/** What the last drain of this execution left waiting, in recipients: for the day's forecast. */
export function recipientsLeftQueued(): number | null {
  return lastDrainWaiting;
}

/** Recipients of the notices kept for digests since `sinceMs`: the mail the day would have sent without holding. */
export function recipientsHeldSince(sinceMs: number): number {
  return lastDrainHeld.filter((h) => h.atMs >= sinceMs).reduce((n, h) => n + h.recipients, 0);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function splitRecipients(text: string): string[] {
  return text
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/**
 * Sends queued Outbox messages, emergencies first, then what needs action, then the rest, oldest first
 * within each, as far as the remaining daily quota allows (strictly in that order: a message that does
 * not fit stops the drain, so a later one never overtakes it). Results are
 * written back in one write per result column block. Callers must make sure only one drain runs at
 * a time for a spreadsheet (the hourly job's lease): two drains would both send the same rows.
 */
export function drainOutbox(
  ss: Spreadsheet,
  now: Date,
  options: { deadlineMs?: number; maxSends?: number } = {},
): DrainResult {
  const result = emptyDrainResult();
  lastDrainWaiting = 0;
  lastDrainHeld = [];
  const tabs = readOutboxTabs(ss, true);
  if (tabs.length === 0) return result;
  // The owner's ledger (one read): a row's Status counts only as far as it agrees (core/outbox-ledger.ts).
  const stored = readOutboxLedger(ss);
  // Sent and digested rows past their keeping time go first, so each tab (and this read) stays the
  // size of a week's mail; every index below is of the tabs as they are after. A row whose number is
  // not settled stays, whatever its Status says: it may still be owed.
  for (const tab of tabs) {
    const cell = (row: unknown[], column: OutboxColumn): unknown => row[tab.indexOf[column]];
    const trimmable = tab.values.map((row) => ({
      status: settledRow(stored.ledger, cell(row, 'seq')) ? normalizeHeader(cell(row, 'status')) : 'owed',
      doneAt: isValidDate(cell(row, 'sentAt')) ? cell(row, 'sentAt') : cell(row, 'queuedAt'),
      blank: row.every((v) => v === '' || v === null),
    }));
    result.trimmed += deleteOutboxRows(tab.sheet, tab.values, trimmableRows(trimmable, now.getTime()));
  }
  const queue = queueOf(tabs);
  const values = queue.values;
  const at = (row: unknown[], column: OutboxColumn): unknown => row[COLUMN_INDEX[column]];
  const set = (row: unknown[], column: OutboxColumn, value: unknown): void => {
    row[COLUMN_INDEX[column]] = value;
  };
  for (let i = 1; i < values.length; i++) {
    const row = values[i] ?? [];
    if (!KEPT_FOR_DIGESTS.has(normalizeHeader(at(row, 'status')))) continue;
    const queuedAt = at(row, 'queuedAt');
    if (isValidDate(queuedAt))
      lastDrainHeld.push({
        atMs: queuedAt.getTime(),
        recipients: splitRecipients(asText(at(row, 'to'))).length,
      });
  }
  const judged = judgeOutbox(ss.getId(), stored, values, COLUMN_INDEX);
  const { plan, seqAt } = judged;
  const ledger = plan.ledger;
  const touched = [...judged.touched];
  const noted = new Set(judged.touched);
  result.refused = plan.refused;
  result.restored = plan.restored;
  result.reopened = plan.reopened;
  result.removed = plan.removed.map(seqText);
  const queuedAtMs = (i: number): number => {
    const v = at(values[i] ?? [], 'queuedAt');
    return isValidDate(v) ? v.getTime() : Number.MAX_SAFE_INTEGER;
  };
  // Emergencies, then mail that needs action, then the rest (drainRank); oldest first within each, and
  // rows queued at the same instant keep their sheet order. The Kind is bound into the MAC.
  const rank = (i: number): number => drainRank(asText(at(values[i] ?? [], 'kind')));
  const queued = [...plan.send].sort((a, b) => rank(a) - rank(b) || queuedAtMs(a) - queuedAtMs(b) || a - b);

  let remaining = queued.length > 0 ? drainAllowance(MailApp.getRemainingDailyQuota(), hourOfDay(now)) : 0;
  let next = 0;
  for (; next < queued.length; next++) {
    const i = queued[next] as number;
    const row = values[i] ?? [];
    const to = splitRecipients(asText(at(row, 'to')));
    if (options.deadlineMs !== undefined && Date.now() > options.deadlineMs) {
      result.stoppedBy = 'time';
      break;
    }
    if (options.maxSends !== undefined && result.sent >= options.maxSends) {
      result.stoppedBy = 'count';
      break;
    }
    if (to.length > 0 && remaining < to.length) {
      result.stoppedBy = 'quota';
      break;
    }
    touched.push(i);
    try {
      if (to.length === 0) throw new Error('no recipient');
      MailApp.sendEmail({
        to: to.join(','),
        subject: asText(at(row, 'subject')),
        body: asText(at(row, 'body')),
        htmlBody: asText(at(row, 'htmlBody')) || undefined,
        ...mailSender(ss),
      });
      remaining -= to.length;
      set(row, 'status', OUTBOX_STATUS.sent);
      set(row, 'sentAt', now);
      // A row reopened by this drain keeps its note saying why it went although it showed otherwise.
      if (!noted.has(i)) set(row, 'lastError', '');
      settle(ledger, seqAt.get(i) as Seq, 'done');
      result.sent++;
    } catch (error) {
      if (isQuotaError(error)) {
        // Not the message's fault: it stays queued, untouched, for the next run.
        touched.pop();
        result.stoppedBy = 'quota';
        break;
      }
      const attempts = (Number(at(row, 'attempts')) || 0) + 1;
      set(row, 'attempts', attempts);
      set(row, 'lastError', messageOf(error).slice(0, 500));
      if (attempts >= MAX_SEND_ATTEMPTS || to.length === 0) {
        set(row, 'status', OUTBOX_STATUS.failed);
        settle(ledger, seqAt.get(i) as Seq, 'failed');
        const origin = queue.origin[i] as RowOrigin;
        result.failed.push({
          tab: origin.tab.sheet.getName(),
          row: origin.index + 1,
          recordId: asText(at(row, 'recordId')),
          subject: asText(at(row, 'subject')),
          error: messageOf(error),
        });
      } else result.retrying++;
    }
  }
  result.stillQueued = queued.length - next + result.retrying;
  lastDrainWaiting = 0;
  for (const i of queued) {
    const row = values[i] ?? [];
    if (normalizeHeader(at(row, 'status')) === 'queued')
      lastDrainWaiting += splitRecipients(asText(at(row, 'to'))).length;
  }
  // The ledger first (one write, none when unchanged): were the sheet's write to fail after it, the
  // next drain puts the statuses back from it rather than sending anything twice.
  writeOutboxLedger(ss, ledger, stored.text);
  writeBack(queue, touched, judged.numbered);
  return result;
}

/**
 * True when the drain left mail it could not try (quota or time): new mail then queues behind it. A
 * message that failed and waits for a retry does not hold the rest back.
 */
export function hasBacklog(result: DrainResult): boolean {
  return result.stoppedBy !== 'done';
}
