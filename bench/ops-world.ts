/**
 * What the operations bench (bench/operations-ops.ts) does to a bench world between measured runs, as
 * Google and earlier runs would have: responses recorded while no trigger ran, emails queued when the
 * quota ran out, and queued mail gone out in earlier drains (its numbers settled in the owner's ledger).
 */
import { SHEET_NAMES } from '../src/core/model';
import { FORM_QUESTIONS } from '../src/core/intake';
import { OUTBOX_HEADERS, OUTBOX_TAB_NAMES } from '../src/server/adapters/outbox-tabs';
import { chunkedValues, readChunked } from '../src/server/adapters/chunked-property';
import { parseLedger, parseSeq, serializeLedger, settle } from '../src/core/outbox-ledger';
import type { BenchWorld } from './types';

/** Responses Google recorded while no trigger ran: what reconciliation is for. */
export function missedResponses(world: BenchWorld, count: number): void {
  const answers = Object.fromEntries(
    FORM_QUESTIONS.map((q) => [
      q.title,
      q.key === 'location' ? 'Main Building' : q.key === 'urgency' ? 'Routine' : `Missed ${q.key}`,
    ]),
  );
  for (let i = 0; i < count; i++) {
    world.rt.world.forms.submit(world.formId, {
      respondentEmail: `missed${i}@bench.example`,
      answers: { ...answers, 'Description of the work needed': `Missed request ${i}` },
    });
  }
}

/** Messages queued in the Outbox (as the mailer writes them when the quota ran out). */
export function queuedEmails(world: BenchWorld, count: number): void {
  const outbox = world.rt.world.spreadsheets.require(world.ssId).requireSheet(SHEET_NAMES.outbox);
  const at = world.rt.world.clock.now();
  const rows = Array.from({ length: count }, (_, i) => {
    const row: (string | number | Date)[] = [
      at,
      `queued${i}@bench.example`,
      `[REQ-${String(i + 1).padStart(6, '0')}] Request received`,
      'Hello',
      '<p>Hello</p>',
      `REQ-${i + 1}`,
      'Queued',
      '',
      0,
      '',
    ];
    return row.slice(0, OUTBOX_HEADERS.length);
  });
  outbox.writeValues(outbox.lastRow() + 1, 1, rows);
}

/**
 * The steady state after a first run's backlog: removes the Outbox rows still Queued, as the drains of
 * the next runs would send them (at most MAX_SENDS_PER_RUN a run, about 19 runs at 100k: not re-run
 * here, for the bench's time), and settles their numbers in the owner's ledger as those drains would
 * (else the routine run would find them missing and report them). Without it the "routine" run would be
 * one of those catch-up runs, and the daily quotas would count 24 of them a day.
 */
export function forgetQueuedMail(world: BenchWorld): number {
  const spreadsheet = world.rt.world.spreadsheets.require(world.ssId);
  const status = OUTBOX_HEADERS.indexOf('Status');
  let gone = 0;
  // The hourly job queues in the Hourly Outbox, the document's executions in the Outbox.
  for (const name of OUTBOX_TAB_NAMES) {
    const outbox = spreadsheet.sheetNamed(name);
    const last = outbox?.lastRow() ?? 0;
    if (!outbox || last < 2) continue;
    const rows = outbox.readValues(2, 1, last - 1, outbox.lastColumn());
    const kept = rows.filter((r) => r[status] !== 'Queued');
    if (kept.length === rows.length) continue;
    settleInLedger(
      world,
      rows.filter((r) => r[status] === 'Queued').map((r) => String(r[OUTBOX_HEADERS.indexOf('Seq')] ?? '')),
    );
    outbox.deleteRows(2 + kept.length, rows.length - kept.length);
    if (kept.length > 0) outbox.writeValues(2, 1, kept);
    gone += rows.length - kept.length;
  }
  return gone;
}

/** The owner's Outbox ledger with these numbers settled, as the drains that sent them would leave it. */
function settleInLedger(world: BenchWorld, seqs: readonly string[]): void {
  const store = world.rt.world.properties.user(world.users.admin);
  const key = `wo.${world.ssId}.outboxLedger`;
  const read = readChunked((k) => store.get(k), key);
  const ledger = read.kind === 'ok' ? parseLedger(read.text) : null;
  if (!ledger) return;
  for (const text of seqs) {
    const seq = parseSeq(text);
    if (seq) settle(ledger, seq, 'done');
  }
  store.setAll(chunkedValues(key, serializeLedger(ledger)));
}
