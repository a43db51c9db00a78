/**
 * Figures for the hourly job, archiving and audit verification on generated
 * registers of the given sizes: service calls by kind, cells, emails, local JavaScript time and the
 * estimated Apps Script time (bench/cost-model.ts). bench/main.ts reads `measureHourly` and
 * `measureArchive` (bench/external.ts); run alone, this file prints its own table:
 *
 *   WO_BENCH_SIZES=1000,10000 npx tsx bench/operations-ops.ts
 */
import path from 'node:path';
import { SHEET_NAMES } from '../src/core/model';
import { FORM_QUESTIONS } from '../src/core/intake';
import { fromLocalParts, localParts } from '../src/core/time';
import { OUTBOX_HEADERS, OUTBOX_TAB_NAMES } from '../src/server/adapters/outbox-tabs';
import { chunkedValues, readChunked } from '../src/server/adapters/chunked-property';
import { parseLedger, parseSeq, serializeLedger, settle } from '../src/core/outbox-ledger';
import type { ExecutionRecord } from '../runtime';
import { costModelFromEnv, type CallCounts } from './cost-model';
import { rowFromMeasurement } from './results';
import type { BenchWorld, Measurement } from './types';
import { benchHistory, createOurWorld, scriptTimeZone } from './world';
import { table } from './print';
import { VERIFY_RUN_SCENARIO } from './budgets';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One row of figures, in the shape bench/external.ts reads. */
export interface OpsFigures {
  size: number;
  scenario: string;
  ok: boolean;
  error?: string;
  note?: string;
  executions: number;
  reads: number;
  writes: number;
  spreadsheetCalls: number;
  otherCalls: number;
  cellsRead: number;
  cellsWritten: number;
  emails: number;
  /** Local JavaScript time in the runtime (wall time minus host service time), ms. */
  scriptMs: number;
  localMs: number;
  estimatedMs: number;
  /** Everything the estimate priced (bench/pricing.ts). */
  counts: CallCounts;
  lockHoldMs: number;
  triggerMs: number;
  propertyCalls: number;
  recipients: number;
}

function figures(size: number, scenario: string, records: ExecutionRecord[], note?: string): OpsFigures {
  const row = rowFromMeasurement(
    size,
    'bench/operations-ops.ts',
    { operation: scenario, records, note } satisfies Measurement,
    costModelFromEnv(),
  );
  return {
    size,
    scenario,
    ok: row.ok,
    error: row.error,
    note,
    executions: row.counts.executions,
    reads: row.counts.reads,
    writes: row.counts.writes,
    spreadsheetCalls: row.spreadsheetCalls,
    otherCalls: row.counts.otherCalls,
    cellsRead: row.counts.cellsRead,
    cellsWritten: row.counts.cellsWritten,
    emails: row.counts.emails,
    scriptMs: Math.round(row.scriptMs),
    localMs: Math.round(row.counts.localMs),
    estimatedMs: Math.round(row.estimatedMs),
    counts: row.counts,
    ...row.extra,
  };
}

/**
 * A fresh world of `size` orders from the process's shared history (bench/world.ts benchHistory): the
 * history and its hashed change log are generated once per size, not once per measuring function.
 */
async function worldOf(size: number): Promise<BenchWorld> {
  return (await createOurWorld(benchHistory(size))).world;
}

const hourly = (world: BenchWorld) => world.rt.runTimeDrivenTriggers({ all: true });

/** Responses Google recorded while no trigger ran: what reconciliation is for. */
function missedResponses(world: BenchWorld, count: number): void {
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
function queuedEmails(world: BenchWorld, count: number): void {
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
function forgetQueuedMail(world: BenchWorld): number {
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

/**
 * The hourly job: its first run on an installed register two weeks after its history ends (no reminder
 * sent yet: every overdue order is reminded and escalated, as far as the day's mail quota goes, the
 * rest queued), the steady state an hour later, reconciliation of 20 missed responses, and a drain of
 * 50 queued emails the next day.
 */
export async function measureHourly(sizes: number[]): Promise<OpsFigures[]> {
  const out: OpsFigures[] = [];
  for (const size of sizes) {
    const world = await worldOf(size);
    try {
      // Two weeks on, the open work of the generated history is overdue: the reminders' worst case.
      // At 10:00 local: the next hour's run is the same day, whatever time the bench runs at (past
      // midnight the day's mail quota starts again and the routine run would drain the first one's mail).
      world.rt.world.clock.advance(14 * DAY);
      const day = localParts(world.rt.world.clock.now(), scriptTimeZone());
      world.rt.world.clock.set(fromLocalParts({ ...day, hour: 10, minute: 0, second: 0 }, scriptTimeZone()));
      const [first] = await hourly(world);
      const sent =
        (first?.value as
          { reminders?: Record<string, number>; mail?: { sent: number; queued: number } } | undefined) ?? {};
      const reminders = Object.values(sent.reminders ?? {}).reduce((a, b) => a + b, 0);
      out.push(
        figures(
          size,
          'first run',
          first ? [first] : [],
          `${reminders} reminders (${sent.mail?.sent ?? 0} sent, ${sent.mail?.queued ?? 0} queued)`,
        ),
      );
      world.rt.world.clock.advance(HOUR);
      const drained = forgetQueuedMail(world);
      out.push(
        figures(
          size,
          'hourly',
          await hourly(world),
          drained > 0 ? `after the first run's ${drained} queued emails went out in earlier runs` : undefined,
        ),
      );
      if (world.notes.some((n) => /response rows are left out/.test(n))) {
        out.push(
          figures(
            size,
            'reconcile 20 missed responses',
            [],
            'not measured: this world has no response rows (cell limit)',
          ),
        );
      } else {
        missedResponses(world, 20);
        world.rt.world.clock.advance(HOUR);
        out.push(figures(size, 'reconcile 20 missed responses', await hourly(world)));
      }
      world.rt.world.clock.advance(DAY);
      queuedEmails(world, 50);
      out.push(figures(size, 'drain 50 queued emails', await hourly(world)));
    } finally {
      await world.rt.close();
    }
  }
  return out;
}

/**
 * Archive closed work orders (the generated history spans 900 days, past the default 730-day
 * retention), the same run again (nothing left to move, or the next batch past the per-run bound),
 * and Verify audit log over the whole change log.
 */
export async function measureArchive(sizes: number[]): Promise<OpsFigures[]> {
  const out: OpsFigures[] = [];
  for (const size of sizes) {
    const world = await worldOf(size);
    try {
      const menu = (fn: string) => world.rt.runMenuItem(world.ssId, world.users.admin, fn);
      const first = await menu('archiveClosedWorkOrders');
      const moved = (first.value as { archived?: unknown[] } | undefined)?.archived?.length ?? 0;
      out.push(figures(size, 'archive', [first], `${moved} work orders moved`));
      out.push(figures(size, 'archive (run again)', [await menu('archiveClosedWorkOrders')]));
      out.push(...(await verifyRuns(size, () => menu('verifyAuditLog'))));
    } finally {
      await world.rt.close();
    }
  }
  return out;
}

/** Runs of Verify audit log one comparison takes at most (each compares a share of the register). */
const MAX_VERIFY_RUNS = 20;

/**
 * Verify audit log run after run until one gives the verdict (a register larger than a run's share is
 * compared over several, each verifying the whole log): the longest run, which must end inside Google's
 * 6-minute limit (bench/budgets.ts), and all of them together.
 */
async function verifyRuns(size: number, run: () => Promise<ExecutionRecord>): Promise<OpsFigures[]> {
  const runs: ExecutionRecord[] = [];
  for (let i = 0; i < MAX_VERIFY_RUNS; i++) {
    const record = await run();
    runs.push(record);
    if (!record.ok || !(record.value as { partial?: boolean } | undefined)?.partial) break;
  }
  const each = runs.map((r) => figures(size, VERIFY_RUN_SCENARIO, [r]));
  const longest = each.reduce((a, b) => (b.estimatedMs > a.estimatedMs ? b : a));
  const at = each.indexOf(longest) + 1;
  const rows = (runs.at(-1)?.value as { rowsVerified?: number } | undefined)?.rowsVerified ?? 0;
  const perRun = each.map((f) => (f.estimatedMs / 1000).toFixed(1)).join(' + ');
  return [
    {
      ...figures(size, VERIFY_RUN_SCENARIO, [runs[at - 1] as ExecutionRecord]),
      note: `run ${at} of ${runs.length}`,
    },
    figures(
      size,
      'verify audit log (all runs)',
      runs,
      `${runs.length} run(s) of ${perRun} s; ${rows.toLocaleString('en-US')} log rows`,
    ),
  ];
}

function print(rows: readonly OpsFigures[]): void {
  const headers = [
    'size',
    'scenario',
    'ok',
    'reads',
    'writes',
    'other',
    'cells read',
    'cells written',
    'emails',
    'script ms',
    'est. s',
    'note',
  ];
  const lines = rows.map((r) => [
    r.size.toLocaleString('en-US'),
    r.scenario,
    r.ok ? 'ok' : `FAIL ${r.error ?? ''}`,
    String(r.reads),
    String(r.writes),
    String(r.otherCalls),
    r.cellsRead.toLocaleString('en-US'),
    r.cellsWritten.toLocaleString('en-US'),
    String(r.emails),
    r.scriptMs.toLocaleString('en-US'),
    (r.estimatedMs / 1000).toFixed(2),
    r.note ?? '',
  ]);
  console.log(table(headers, lines, (i) => i !== 1 && i !== 2 && i !== 11));
}

async function main(): Promise<void> {
  const sizes = (process.env.WO_BENCH_SIZES ?? '1000,10000').split(',').map((s) => Number(s.trim()));
  print([...(await measureHourly(sizes)), ...(await measureArchive(sizes))]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
