/**
 * The hourly job: trigger health, the Outbox drain, reconciliation of form responses, due-date
 * reminders and escalation, and the daily digest, for one spreadsheet. Each step runs even when an
 * earlier one failed; every failure and every repair is made visible (Errors sheet, one email per
 * problem per day) and a failed step makes the execution fail too, so Apps Script records it.
 *
 * Locking: the job runs as the trigger owner with no document, so it cannot take the document lock.
 * A lease in the owner's state keeps a second run of the job (trigger and "Run hourly checks now") from
 * overlapping; ledger and counter writes go through intake's owner-lock sections; the register is only
 * read here, apart from reconciliation's appends.
 */
import { addonKey } from '../../adapters/addon-secret';
import { ensureTriggers, type TriggerHealth } from '../setup/triggers';
import { installationOwnerFromSheet } from '../setup/installation';
import { reapplyAfterUnseenStaffChange } from '../setup/protections';
import { drainOutbox, emptyDrainResult, hasBacklog, type DrainResult } from '../../adapters/outbox';
import { reportDrain } from './outbox-reports';
import { MAX_SENDS_PER_RUN } from '../../adapters/outbox-allowance';
import { loadReferenceData } from '../../adapters/reference-data';
import { keepSpreadsheetZone } from '../errors/zone-guard';
import { AlreadyReportedError } from '../errors/reporting';
import { reportProblem } from '../errors/report';
import { keepWeeklyKpis, type KpiHistoryOutcome } from '../kpi-history/keep';
import { sendDailyAnchor, type AnchorOutcome } from './anchor';
import { keepMailWithinQuota, sendDailyDigest, type DayMailOutcome, type DigestOutcome } from './digest';
import { JobMail } from './job-mail';
import { takeLease, releaseLease } from './lease';
import { describeIngested, reconcileResponses, type ReconcileResult } from './reconcile';
import { keepRegisterProtected } from './register-protection';
import { HourlyRegister } from './register-view';
import { sendReminders, type ReminderCounts } from './reminders';
import { restoreDeletedOrders } from '../integrity/restore';
import { judgeUnsealedByOwnersCopy } from '../../adapters/row-state-seal';
import { findRegisterByOwnersCopy, registerTab } from '../../adapters/register-tab';
import { createScheduledOrders } from '../schedules/create-orders';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** The drain stops sending after this long, leaving time for the other steps within the 6-minute limit. */
const DRAIN_BUDGET_MS = 2 * 60_000;
/** Reconciliation stops ingesting after this long (the rest waits for the next run). */
const INGEST_BUDGET_MS = 3 * 60_000;
/** After this long, new mail of the run is queued for later runs instead of sent. */
const SEND_BUDGET_MS = 4 * 60_000;
/** The weekly KPI snapshot reads the register and the log: started only this early in a run (else the next run). */
const KPI_START_BUDGET_MS = 3 * 60_000;
/**
 * A run that handed this many emails to the mailer, or made or took in this many orders, is busy: the
 * KPI snapshot waits for a later run of the day (kpi-history/keep.ts). Each email sent is priced at
 * 1.2 s (bench/cost-model.ts), the snapshot at about a minute at 100,000 work orders.
 */
const BUSY_EMAILS = 25;
const BUSY_ORDERS = 50;

export interface HourlyReport {
  spreadsheetId: string;
  /** Set when another run of the job was still going: nothing else was done. */
  skipped?: 'already running';
  triggers: TriggerHealth | null;
  outbox: Omit<DrainResult, 'failed'> & { failed: number };
  reconciliation: { ingested: string[]; marked: number; ledgerRebuilt: boolean; remaining: number };
  /**
   * Preventive maintenance: request ids created from schedules, how many late, bad rows skipped, and
   * the Schedules cells left unwritten (their rows moved or were changed during the run).
   */
  schedules: { created: string[]; late: number; skipped: number; remaining: number; leftOnTab: string[] };
  reminders: ReminderCounts;
  digest: DigestOutcome | 'not run';
  mailQuota?: DayMailOutcome;
  anchor: AnchorOutcome | 'not run';
  kpiHistory: KpiHistoryOutcome | 'not run';
  mail: { sent: number; queued: number };
  /** "step: message" for each step that failed. */
  problems: string[];
}

function emptyReport(spreadsheetId: string): HourlyReport {
  return {
    spreadsheetId,
    triggers: null,
    outbox: { ...emptyDrainResult(), failed: 0 },
    reconciliation: { ingested: [], marked: 0, ledgerRebuilt: false, remaining: 0 },
    schedules: { created: [], late: 0, skipped: 0, remaining: 0, leftOnTab: [] },
    reminders: { dueSoon: 0, overdueReminder: 0, escalation: 0 },
    digest: 'not run',
    anchor: 'not run',
    kpiHistory: 'not run',
    mail: { sent: 0, queued: 0 },
    problems: [],
  };
}

export function runHourlyJob(ss: Spreadsheet, source: string, now: Date = new Date()): HourlyReport {
  const report = emptyReport(ss.getId());
  if (!takeLease(report.spreadsheetId, now)) return { ...report, skipped: 'already running' };
  try {
    runSteps(ss, source, now, report);
  } finally {
    releaseLease(report.spreadsheetId);
  }
  if (report.problems.length > 0) {
    throw new AlreadyReportedError(
      `The hourly checks had ${report.problems.length} problem(s): ${report.problems.join(' | ')}`,
    );
  }
  return report;
}

function runSteps(ss: Spreadsheet, source: string, now: Date, report: HourlyReport): void {
  const started = Date.now();
  const step = <T>(name: string, body: () => T): T | undefined => {
    try {
      return body();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      report.problems.push(`${name}: ${message}`);
      try {
        const stack = error instanceof Error ? error.stack : '';
        reportProblem(ss, { source: `${source} › ${name}`, message, stack }, now);
      } catch (reportError) {
        // The steps after this one still run; the execution fails at the end with the message.
        console.error(`Work Orders could not report the failure of ${name}`, reportError);
      }
      return undefined;
    }
  };
  const repaired = (key: string, message: string): void =>
    void reportProblem(ss, { source, message, kind: 'repair', key }, now);

  // First: under a time zone changed in File › Settings every date the job reads (due dates, the
  // Outbox's, the Change Log's) would be another instant. The zone is put back (or nothing runs).
  const zoneKept = step('time zone', () => {
    keepSpreadsheetZone(ss, source, false);
    return true;
  });
  if (!zoneKept) return;

  // The owner's copy of the add-on's key, read once for the whole run: the rows the job writes
  // (reconciled submissions, preventive orders) print their long texts with it in their Last Known
  // State, which otherwise keeps them whole, past its 150-byte budget, until someone edits the row.
  step('read the add-on key', () => addonKey(ss.getId()));
  // A record without a seal is judged by the owner's copy of the document's sealed flag: once every row
  // was sealed, one is no record (a script's), here as in the document (row-state-seal.ts).
  judgeUnsealedByOwnersCopy(ss.getId());
  // The register is the tab whose id the owner's copy keeps, not whichever tab has its name (register-tab.ts).
  findRegisterByOwnersCopy(ss.getId());
  // First, so a missing form-submit trigger is back before reconciliation looks for what it missed.
  step('trigger health', () => {
    const health = ensureTriggers(ss, null);
    report.triggers = health;
    const fixes = [
      ...health.missing.map((t) => `the missing ${t} trigger was created again`),
      ...health.duplicates.map((t) => `a duplicate ${t} trigger was deleted`),
    ];
    if (fixes.length > 0) repaired('triggers', `Trigger health: ${fixes.join('; ')}.`);
  });

  let backlog = false;
  let drainedSent = 0;
  step('outbox', () => {
    const drained = drainOutbox(ss, now, {
      deadlineMs: started + DRAIN_BUDGET_MS,
      maxSends: MAX_SENDS_PER_RUN,
    });
    backlog = hasBacklog(drained);
    drainedSent = drained.sent;
    report.outbox = { ...drained, failed: drained.failed.length };
    reportDrain(ss, `${source} › outbox`, drained, now);
  });
  const mail = new JobMail(ss, now, backlog, started + SEND_BUDGET_MS, MAX_SENDS_PER_RUN - drainedSent);

  // The register is read column by column as steps ask, each column once (./register-view).
  const loaded = step('read register', () => {
    const reference = loadReferenceData(ss);
    // The tab is kept for the protections' step: looked up once, by the owner's copy of its id.
    const sheet = registerTab(ss);
    return { reference, sheet, register: HourlyRegister.open(sheet) };
  });
  if (loaded) {
    const { reference, register } = loaded;
    step('reconciliation', () => {
      const result: ReconcileResult = reconcileResponses(
        ss,
        reference,
        register,
        now,
        mail,
        started + INGEST_BUDGET_MS,
      );
      register.add(result.ingested);
      report.reconciliation = { ...result, ingested: result.ingested.map((o) => o.id) };
      if (result.ledgerRebuilt)
        repaired('ledger', 'The intake ledger was unreadable and was rebuilt from the register.');
      if (result.staleAnswers.length > 0)
        repaired(
          'reconciliation stale answers',
          `Reconciliation found ${result.staleAnswers.length} reply or update-form answer(s) more than a day old that the intake ledger did not list (${result.staleAnswers.slice(0, 10).join(', ')}): not applied, as they were most likely handled before the ledger was lost. Check them against the orders they name.`,
        );
      if (result.answersOwed > 0)
        repaired(
          'reconciliation answers',
          `Reconciliation found ${result.answersOwed} reply or update-form answer(s) that no form-submit trigger had recorded; the next change in the spreadsheet applies them.`,
        );
      if (result.ingested.length > 0) {
        repaired(
          'reconciliation',
          `Reconciliation recorded ${result.ingested.length} form response(s) that no form-submit trigger had recorded: ${describeIngested(result.ingested)}.`,
        );
      }
    });
    // Only the ids are compared with the request counter.
    step('restore deleted orders', () => restoreDeletedOrders(ss, reference, register.ids(), now, mail));
    step('preventive maintenance', () => {
      const made = createScheduledOrders(
        ss,
        reference,
        () => register.everyOrder(['responseRef']),
        now,
        started + INGEST_BUDGET_MS,
      );
      register.add(made.created);
      report.schedules = {
        created: made.created.map((o) => o.id),
        late: made.late,
        skipped: made.problems.length,
        remaining: made.remaining,
        leftOnTab: made.leftOnTab,
      };
      // Not a fault: the administrator's edit won; the next run plans from the ledger and what they typed.
      if (made.leftOnTab.length > 0)
        console.info(`Schedules cells left as they stand: ${made.leftOnTab.join(' ')}`);
      if (made.refused)
        reportProblem(
          ss,
          {
            source: `${source} › preventive maintenance`,
            message: made.refused,
            key: 'schedules tab not protected',
          },
          now,
        );
      if (made.problems.length > 0) {
        // The edit trigger refused these rows when typed; rows written another way are named here, once a day.
        reportProblem(
          ss,
          {
            source: `${source} › preventive maintenance`,
            message: `${made.problems.length} Schedules row(s) were skipped: ${made.problems.slice(0, 5).join(' | ')}`,
            key: 'schedule rows skipped',
          },
          now,
        );
      }
    });
    step('protections', () => {
      const owner = installationOwnerFromSheet(ss);
      if (reapplyAfterUnseenStaffChange(ss, reference.staff, owner))
        repaired(
          'protections',
          'The Staff tab changed without an edit the add-on saw (a row deleted, or cells written by another program): the sheet protections now follow it again.',
        );
      // Rows added at the bottom: only they are protected (./register-protection); anything else, setup's repair.
      if (keepRegisterProtected(ss, loaded.sheet, reference.staff, owner))
        console.info('The register grew: its protected columns now reach its last row again.');
    });
    step('reminders', () => (report.reminders = sendReminders(ss, reference, register, now, mail, source)));
    step('digest', () => (report.digest = sendDailyDigest(ss, reference, register, now, mail)));
    step('mail quota', () => (report.mailQuota = keepMailWithinQuota(ss, reference, now, mail)));
    step('audit anchor', () => (report.anchor = sendDailyAnchor(ss, reference, now, mail)));
    step('KPI history', () => {
      const busy =
        report.outbox.sent + mail.sent + mail.queued >= BUSY_EMAILS ||
        report.schedules.created.length + report.reconciliation.ingested.length >= BUSY_ORDERS;
      report.kpiHistory = keepWeeklyKpis(ss, reference, now, mail, started + KPI_START_BUDGET_MS, busy);
    });
  }
  report.mail = { sent: mail.sent, queued: mail.queued };
}

/** The report in a few lines, for the administrator who ran the checks by hand. */
export function summarizeHourly(report: HourlyReport): string {
  if (report.skipped)
    return 'The hourly checks are already running for this spreadsheet; try again in a few minutes.';
  const t = report.triggers;
  const lines = [
    t && (t.missing.length || t.duplicates.length)
      ? `Triggers repaired: ${[...t.missing.map((m) => `${m} created`), ...t.duplicates.map((d) => `duplicate ${d} removed`)].join(', ')}.`
      : 'Triggers: all in place.',
    `Outbox: ${report.outbox.sent} sent, ${report.outbox.stillQueued} still queued, ${report.outbox.failed} failed.`,
    `Form responses recorded by reconciliation: ${report.reconciliation.ingested.length}${report.reconciliation.remaining ? ` (${report.reconciliation.remaining} left for the next run)` : ''}.`,
    `Preventive maintenance: ${report.schedules.created.length} work order(s) created${report.schedules.late ? ` (${report.schedules.late} late)` : ''}${report.schedules.skipped ? `, ${report.schedules.skipped} bad Schedules row(s) skipped` : ''}${report.schedules.leftOnTab.length ? `; ${report.schedules.leftOnTab.length} Next Due or Last Created cell(s) left as they stand (their rows moved or were changed during the run)` : ''}.`,
    `Reminders: ${report.reminders.dueSoon} due soon, ${report.reminders.overdueReminder} overdue, ${report.reminders.escalation} escalated.`,
    `Daily digest: ${report.digest}.`,
    `Weekly KPI history: ${report.kpiHistory}.`,
    `Emails: ${report.mail.sent} sent, ${report.mail.queued} queued for later runs (mail quota or time).`,
  ];
  return lines.join('\n');
}
