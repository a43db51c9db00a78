/**
 * The Outbox rows' sequence numbers (core/outbox-ledger.ts) and the owner's ledger of the numbers the
 * drain has settled. A writer with a document (a sidebar user, the form-submit and edit triggers)
 * takes its numbers from a counter in document properties, under the document lock, in the section
 * that appends the rows; the hourly job, which has no document, takes them from the ledger itself,
 * which lives in the installation owner's state (its own executions are the only ones that read or
 * write it), under the owner's lock. Either way the counter is recorded only after the append: an
 * append that fails leaves the numbers to the retry, so no number is issued without its row.
 */
import {
  emptyLedger,
  issueOwnerSeq,
  settle,
  parseLedger,
  serializeLedger,
  type OutboxLedger,
  type Seq,
} from '../../core/outbox-ledger';
import { PROPERTY_KEYS, documentProperties } from './document-properties';
import { withDocumentLockIfAny, withUserLock } from './document-lock';
import { readChunkedState, writeChunkedState } from './owner-chunks';
import { keepLedgerCopy, ledgerCopy } from './outbox-ledger-copy';
import type { Spreadsheet } from './apps-script-types';
import { documentPropertiesOrNull } from './service-handles';

/** Owner state name (owner-state.ts) of the ledger: one value, chunked if it ever outgrows a property. */
const LEDGER = 'outboxLedger';

export interface StoredLedger {
  ledger: OutboxLedger | null;
  /** As read, so that an unchanged ledger is not written back. */
  text: string | null;
}

/**
 * One read of the owner's store; when it holds no ledger (a new owner after a take-over, or lost
 * properties), the signed copy in the Hourly Outbox (./outbox-ledger-copy.ts), two calls more. A
 * ledger taken from the copy is written to the owner's store by the first write (`text` stays null).
 */
export function readOutboxLedger(ss: Spreadsheet): StoredLedger {
  const text = readChunkedState(ss.getId(), LEDGER);
  const ledger = parseLedger(text);
  if (ledger) return { ledger, text };
  return { ledger: parseLedger(ledgerCopy(ss)), text };
}

/** At most one write: none when nothing changed. */
/** At most one write, and then one of the copy (./outbox-ledger-copy.ts): none when nothing changed. */
export function writeOutboxLedger(ss: Spreadsheet, ledger: OutboxLedger, before: string | null): void {
  const text = serializeLedger(ledger);
  if (text === before) return;
  writeChunkedState(ss.getId(), LEDGER, text);
  keepLedgerCopy(ss, text);
}

/**
 * Runs `append` with `count` new numbers, under the lock that issues them, and records them once it
 * has returned. Two executions never take the same number: the document's writers hold the document
 * lock, the hourly job's the owner's lock (and its lease).
 */
export function appendNumbered(ss: Spreadsheet, count: number, append: (seqs: Seq[]) => void): void {
  if (documentPropertiesOrNull()) {
    withDocumentLockIfAny(() => {
      const props = documentProperties();
      const last = Number(props.getProperty(PROPERTY_KEYS.outboxSeq)) || 0;
      append(Array.from({ length: count }, (_, i): Seq => ({ series: 'd', n: last + 1 + i })));
      props.setProperty(PROPERTY_KEYS.outboxSeq, String(last + count));
    });
    return;
  }
  withUserLock(() => {
    const stored = readOutboxLedger(ss);
    const ledger = stored.ledger ?? emptyLedger();
    const seqs = Array.from({ length: count }, () => issueOwnerSeq(ledger));
    append(seqs);
    writeOutboxLedger(ss, ledger, stored.text);
  });
}

/**
 * Settles the numbers the day's digest gathered: read again under the owner's lock (the digests
 * themselves may have been queued, with numbers of the ledger's, since it was first read).
 */
export function settleDigested(ss: Spreadsheet, seqs: readonly Seq[]): void {
  if (seqs.length === 0) return;
  withUserLock(() => {
    const stored = readOutboxLedger(ss);
    const ledger = stored.ledger ?? emptyLedger();
    for (const seq of seqs) settle(ledger, seq, 'done');
    writeOutboxLedger(ss, ledger, stored.text);
  });
}
