/**
 * Figures for the hourly job, archiving and audit verification on generated
 * registers of the given sizes: service calls by kind, cells, emails, local JavaScript time and the
 * estimated Apps Script time (bench/cost-model.ts). bench/main.ts reads `measureHourly` and
 * `measureArchive` (bench/external.ts); run alone, this file prints its own table:
 *
 *   WO_BENCH_SIZES=1000,10000 npx tsx bench/operations-ops.ts
 */
import path from 'node:path';
import { fromLocalParts, localParts } from '../src/core/time';
import type { ExecutionRecord } from '../runtime';
import type { BenchWorld } from './types';
import { benchHistory, createOurWorld, scriptTimeZone } from './world';
import { VERIFY_RUN_SCENARIO } from './budgets';
import { figures, print, type OpsFigures } from './ops-figures';
import { forgetQueuedMail, missedResponses, queuedEmails } from './ops-world';
import { ROUTINE_HOURS } from './external';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A fresh world of `size` orders from the process's shared history (bench/world.ts benchHistory): the
 * history and its hashed change log are generated once per size, not once per measuring function.
 */
async function worldOf(size: number): Promise<BenchWorld> {
  return (await createOurWorld(benchHistory(size))).world;
}

const hourly = (world: BenchWorld) => world.rt.runTimeDrivenTriggers({ all: true });

/**
 * The day after the first run, hour by hour (11:00 to 10:00 local): which hours hold a reminder, an
 * escalation, the daily digest or the 23:00 anchor depends on where the generated history's due dates
 * fall, so one hour's run is a sample (0 to 4 emails of 1.2 s each in runs of the same code an hour
 * apart, and the script's CPU time 315–1,016 ms at 100k). Two rows: the median hour, the table's
 * "the hourly job"; and the day's 24 runs together, which the daily quotas count (bench/quotas.ts).
 */
async function routineDay(world: BenchWorld, size: number, drained: number): Promise<OpsFigures[]> {
  const hours: ExecutionRecord[][] = [];
  for (let h = 0; h < ROUTINE_HOURS; h++) {
    if (h > 0) world.rt.world.clock.advance(HOUR);
    hours.push(await hourly(world));
  }
  const each = hours.map((records) => figures(size, 'hourly', records));
  const sorted = [...each].sort((a, b) => a.estimatedMs - b.estimatedMs);
  const median = sorted[Math.floor(sorted.length / 2)] as OpsFigures;
  const s = (f: OpsFigures | undefined) => ((f?.estimatedMs ?? 0) / 1000).toFixed(2);
  const emails = each.reduce((n, f) => n + f.emails, 0);
  const earlier = drained > 0 ? `; the first run's ${drained} queued emails went out in earlier runs` : '';
  return [
    {
      ...median,
      note: `median of ${ROUTINE_HOURS} routine hours (${s(sorted[0])}–${s(sorted.at(-1))} s)${earlier}`,
    },
    figures(size, 'day', hours.flat(), `${ROUTINE_HOURS} runs, one an hour; ${emails} emails in the day`),
  ];
}

/**
 * The hourly job: its first run on an installed register two weeks after its history ends (no reminder
 * sent yet: every overdue order is reminded and escalated, as far as the day's mail quota goes, the
 * rest queued), the steady state over the next 24 hours, reconciliation of 20 missed responses, and a
 * drain of 50 queued emails the next day.
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
      out.push(...(await routineDay(world, size, drained)));
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
