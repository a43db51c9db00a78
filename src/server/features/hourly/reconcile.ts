/**
 * Reconciliation: form responses that no form-submit execution recorded (the trigger was missing,
 * failed, or timed out on the lock) are ingested now, through intake's own ingestResponse, with the
 * response's Timestamp as requested-at, and acknowledged.
 *
 * A response counts as recorded when the intake ledger says so, or the register's Response Row names
 * it, or the register holds the same request by content (see response-match.ts): a lost ledger, a
 * renamed tab or the copies Google writes when the form is linked again never make a second row.
 */
import { formResponsesSince } from '../../adapters/installation-services';
import { SHEET_NAMES, type WorkOrder } from '../../../core/model';
import { parseSubmission, responseRef } from '../../../core/intake';
import {
  isIngested,
  markIngested,
  missingRows,
  parseLedger,
  serializeLedger,
  type Ledger,
} from '../../../core/intake-ledger';
import { composeEmail } from '../../../core/notifications';
import { cellText, normalizeHeader } from '../../../core/headers';
import { isValidDate } from '../../../core/time';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import type { OutgoingEmail } from '../../adapters/mailer';
import { releaseMailIntent, type MailIntent } from '../../adapters/change-log-mail';
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import type { ReferenceData } from '../../adapters/reference-data';
import { INTAKE_LEDGER, ingestResponse } from '../intake/form-submit';
import { settleInterruptedIntake } from '../intake/pending-ack';
import type { JobMail } from './job-mail';
import type { HourlyRegister } from './register-view';
import { RegisterIndex } from './response-match';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Each ingestion takes the locks and writes the register and the log: bounded per run, and by time (6-minute limit). */
export const MAX_INGESTED_PER_RUN = 50;
/** A response this fresh may still have its form-submit execution on the way: left for the next run. */
const GRACE_MS = 5 * 60_000;
const RESPONSES_TAB = /^form responses \d+$/i;

export interface ReconcileResult {
  ingested: WorkOrder[];
  /** Rows found recorded by position or content but missing from the ledger (now marked). */
  marked: number;
  /** The ledger was unreadable and was started afresh (rebuilt from the register). */
  ledgerRebuilt: boolean;
  /** Responses left for the next run (over the per-run bound). */
  remaining: number;
  /** Rows no Forms response matches (typed or pasted into a responses tab): never ingested. */
  notFromForm: number;
}

interface Candidate {
  sheetName: string;
  row: number;
  namedValues: Record<string, string[]>;
  submittedAt: Date;
  submission: ReturnType<typeof parseSubmission>;
}

/** What matching a response to the register reads of every order (only when some response is unrecorded). */
const MATCH_FIELDS = ['responseRef', 'requesterEmail', 'description', 'requestedAt'] as const;

const OWN_TABS: ReadonlySet<string> = new Set(Object.values(SHEET_NAMES).map((n) => n.toLowerCase()));

/**
 * Owner state (per spreadsheet): ids of the tabs found linked to no form, as JSON. Linking a form
 * always makes a new tab for its responses, so a tab once found unlinked never becomes one Forms
 * writes: it is not asked again.
 */
export const FORMLESS_TABS = 'formlessTabs';

function readFormless(ssId: string): Set<number> {
  try {
    const ids: unknown = JSON.parse(readOwnerState(ssId, FORMLESS_TABS) ?? '[]');
    return new Set(Array.isArray(ids) ? ids.filter((v): v is number => Number.isInteger(v)) : []);
  } catch {
    return new Set();
  }
}

/**
 * The tabs Google Forms writes: named as Forms names them, or linked to a form (a renamed one). The
 * add-on's own tabs are never asked, nor the tabs found unlinked before (getFormUrl is a call to the
 * backend per tab).
 */
function responseSheets(ss: Spreadsheet, ssId: string): Sheet[] {
  const known = readFormless(ssId);
  const formless: number[] = [];
  const sheets = ss.getSheets().filter((s) => {
    const name = s.getName().trim();
    if (RESPONSES_TAB.test(name)) return true;
    if (OWN_TABS.has(name.toLowerCase())) return false;
    const id = s.getSheetId();
    if (!known.has(id) && s.getFormUrl() !== null) return true;
    formless.push(id);
    return false;
  });
  // Kept to the tabs there now: a deleted tab's id leaves the list.
  const changed = formless.length !== known.size || formless.some((id) => !known.has(id));
  if (changed) writeOwnerState(ssId, FORMLESS_TABS, JSON.stringify(formless));
  return sheets;
}

/** The ledger, started afresh (and said so) when it cannot be read. */
function readLedger(ssId: string): { ledger: Ledger; rebuilt: boolean } {
  try {
    return { ledger: parseLedger(readOwnerState(ssId, INTAKE_LEDGER)), rebuilt: false };
  } catch {
    return withOwnerAndDocumentLocks(() => {
      try {
        return { ledger: parseLedger(readOwnerState(ssId, INTAKE_LEDGER)), rebuilt: false };
      } catch {
        // Rows already in the register are found by Response Row and content below and marked again.
        writeOwnerState(ssId, INTAKE_LEDGER, serializeLedger({}));
        return { ledger: {}, rebuilt: true };
      }
    });
  }
}

function namedValuesOf(header: readonly unknown[], cells: readonly unknown[]): Record<string, string[]> {
  const named: Record<string, string[]> = {};
  header.forEach((h, i) => {
    const title = String(h ?? '').trim();
    if (title !== '') named[title] = [cellText(cells[i])];
  });
  return named;
}

export function reconcileResponses(
  ss: Spreadsheet,
  reference: ReferenceData,
  register: HourlyRegister,
  now: Date,
  mail: JobMail,
  deadlineMs = Number.POSITIVE_INFINITY,
): ReconcileResult {
  const ssId = ss.getId();
  const result: ReconcileResult = {
    ingested: [],
    marked: 0,
    ledgerRebuilt: false,
    remaining: 0,
    notFromForm: 0,
  };
  // A form submission that died before releasing its acknowledgment (intake/pending-ack.ts).
  settleInterruptedIntake(ss, reference, now, (emails) => mail.deliver(emails));
  const { ledger, rebuilt } = readLedger(ssId);
  result.ledgerRebuilt = rebuilt;
  // Most hours the ledger accounts for every response row: the register is then not asked.
  let matcher: RegisterIndex | null = null;
  const index = (): RegisterIndex => (matcher ??= new RegisterIndex(register.everyOrder(MATCH_FIELDS)));
  const toMark: Array<{ sheetName: string; row: number }> = [];
  const notFromForm: Array<{ sheetName: string; row: number }> = [];
  const candidates: Candidate[] = [];
  for (const sheet of responseSheets(ss, ssId)) {
    const sheetName = sheet.getName();
    const missing = missingRows(ledger, sheetName, sheet.getLastRow()).filter((row) => {
      if (!index().refs.has(responseRef(sheetName, row))) return true;
      toMark.push({ sheetName, row });
      return false;
    });
    if (missing.length === 0) continue;
    const first = missing[0] as number;
    // One read from the first unrecorded row to the end, one for the header.
    const width = sheet.getLastColumn();
    const last = missing[missing.length - 1] as number;
    const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
    const rows = sheet.getRange(first, 1, last - first + 1, width).getValues();
    const timestampAt = header.findIndex((h) => normalizeHeader(h) === 'timestamp');
    for (const row of missing) {
      const cells = rows[row - first] ?? [];
      if (cells.every((v) => v === '' || v === null)) {
        toMark.push({ sheetName, row });
        continue;
      }
      const stamp = timestampAt >= 0 ? cells[timestampAt] : null;
      if (timestampAt >= 0 && !isValidDate(stamp)) {
        // Forms always writes the Timestamp: a row without one was typed, and is settled at once (below).
        notFromForm.push({ sheetName, row });
        continue;
      }
      const submittedAt = isValidDate(stamp) ? stamp : now;
      if (now.getTime() - submittedAt.getTime() < GRACE_MS) continue;
      const namedValues = namedValuesOf(header, cells);
      candidates.push({
        sheetName,
        row,
        namedValues,
        submittedAt,
        submission: parseSubmission(namedValues, reference.settings.locations),
      });
    }
  }
  const genuine = fromTheForm(ss, candidates);
  notFromForm.push(...candidates.filter((c) => !genuine.includes(c)));
  result.notFromForm = notFromForm.length;
  const fresh: Candidate[] = [];
  for (const c of genuine.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())) {
    if (index().hasContent(c.submission.requesterEmail, c.submission.description, c.submittedAt))
      toMark.push(c);
    else {
      fresh.push(c);
      // A response and its copy in a newer tab are one request: the second matches the first.
      index().addContent(c.submission.requesterEmail, c.submission.description, c.submittedAt);
    }
  }
  // Rows no form stands behind are settled with them: never ingested, and never looked at again. Left
  // unsettled, one such row would hold the ledger's watermark below every later response, which the
  // ledger (read and written under the locks by every intake) would then list one by one, for ever.
  markRecorded(ssId, [...toMark, ...notFromForm]);
  result.marked = toMark.length;
  let done = 0;
  const owedIntents: Array<{ order: WorkOrder; intent: MailIntent }> = [];
  for (const c of fresh.slice(0, MAX_INGESTED_PER_RUN)) {
    if (Date.now() > deadlineMs) break;
    // The acknowledgment is recorded as owed with the order ('intent'): a run that fails before sending
    // it leaves it for the next execution in the document to queue.
    const ingested = ingestResponse(
      ss,
      reference,
      { sheetName: c.sheetName, row: c.row, namedValues: c.namedValues, requestedAt: c.submittedAt },
      now,
      'intent',
    );
    if (ingested) {
      result.ingested.push(ingested.order);
      if (ingested.mailIntent) owedIntents.push({ order: ingested.order, intent: ingested.mailIntent });
    }
    done++;
  }
  result.remaining = fresh.length - done;
  // Sent only when its record is still there to release: gone means it was queued meanwhile.
  const acknowledged = owedIntents.filter((o) => releaseMailIntent(o.intent)).map((o) => o.order);
  mail.deliver(acknowledgments(reference, acknowledged));
  return result;
}

/** Timestamps of a form's responses are matched to the second (the sheet's Timestamp cell holds seconds). */
const SECOND = 1_000;

/**
 * The candidates a Google Forms response stands behind: same second and, when both have one, the same
 * respondent email, among the responses of the form linked to the row's tab. A row typed or pasted
 * into a responses tab (or a tab merely named like one, with no form) has none and is never ingested:
 * anyone who can edit a tab could otherwise make the add-on create and acknowledge a request.
 */
function fromTheForm(ss: Spreadsheet, candidates: readonly Candidate[]): Candidate[] {
  const bySheet = new Map<string, Candidate[]>();
  for (const c of candidates) bySheet.set(c.sheetName, [...(bySheet.get(c.sheetName) ?? []), c]);
  const genuine: Candidate[] = [];
  for (const [sheetName, list] of bySheet) {
    const url = ss.getSheetByName(sheetName)?.getFormUrl() ?? null;
    if (!url) continue;
    const earliest = Math.min(...list.map((c) => c.submittedAt.getTime())) - SECOND;
    const responses = formResponsesSince(url, new Date(earliest));
    const emailsBySecond = new Map<number, string[]>();
    for (const r of responses) {
      const second = Math.floor(r.at.getTime() / SECOND);
      const email = r.email.trim().toLowerCase();
      emailsBySecond.set(second, [...(emailsBySecond.get(second) ?? []), email]);
    }
    for (const c of list) {
      const second = Math.floor(c.submittedAt.getTime() / SECOND);
      const emails = [-1, 0, 1].flatMap((d) => emailsBySecond.get(second + d) ?? []);
      const wanted = c.submission.requesterEmail.trim().toLowerCase();
      if (emails.some((e) => e === '' || wanted === '' || e === wanted)) genuine.push(c);
    }
  }
  return genuine;
}

/** Marks rows found recorded, in one ledger write under the owner's lock (intake writes it too). */
function markRecorded(ssId: string, rows: ReadonlyArray<{ sheetName: string; row: number }>): void {
  if (rows.length === 0) return;
  withOwnerAndDocumentLocks(() => {
    let ledger = parseLedger(readOwnerState(ssId, INTAKE_LEDGER));
    for (const { sheetName, row } of rows)
      if (!isIngested(ledger, sheetName, row)) ledger = markIngested(ledger, sheetName, row);
    writeOwnerState(ssId, INTAKE_LEDGER, serializeLedger(ledger));
  });
}

function acknowledgments(reference: ReferenceData, orders: readonly WorkOrder[]): OutgoingEmail[] {
  if (!reference.settings.notifyRequestor) return [];
  return orders
    .filter((o) => o.requesterEmail !== '')
    .map((order) => ({
      ...composeEmail('acknowledgment', order, {
        timeZone: reference.timeZone,
        organizationName: reference.settings.organizationName,
      }),
      recordId: order.id,
    }));
}

/** For messages: "REQ-000007 (Form Responses 1!A8)". */
export function describeIngested(orders: readonly WorkOrder[]): string {
  return orders.map((o) => `${o.id} (${o.responseRef})`).join(', ');
}
