/**
 * Verify audit log's check of the fields a request's answers gave (Description, Requester, Location,
 * Urgency, Required Resources, Asset) that no log line has changed since. The log cannot tell what
 * they hold (the Created row logs a digest of the raw answers, not the texts), so ./register-check,
 * which compares cells with logged values, left them out; yet the row's sealed Last Known State keeps
 * each of them, whole or as a keyed print, and every action on the order refuses a cell that
 * disagrees with it, telling the person that Verify puts it back. Without this check a script's
 * Description (or Requester Email) was never reported: Verify said "Audit log OK", nothing put the
 * text back, and the order stayed refused to everyone for good.
 *
 * So each such cell is compared with the row's record (the record ./register-check already read and
 * checked the seal of: a print costs one HMAC, a whole value nothing). Where they differ, the value to
 * put back is the record's when it keeps it whole; a text kept only as a print is looked for in the
 * request's answers (the response row the record names, read for those orders only), and taken only
 * when it matches the print, which no editor can forge (./unkept-wants). When the answers cannot give
 * it (a response row edited, which Verify reports on its own), an order a schedule made is tried with
 * what its schedule fills in now; failing that, the finding says so in words and nothing is put back.
 */
import type { RegisterLayout } from '../../../core/columns';
import { cellText } from '../../../core/headers';
import { newWorkOrder, parseSubmission } from '../../../core/intake';
import { parseScheduleRef } from '../../../core/schedule-plan';
import { REGISTER_COLUMNS, type WorkOrderField } from '../../../core/model';
import type { TrustedValue } from '../../../core/register-audit';
import { loadReferenceData } from '../../adapters/reference-data';
import { fingerprintMatches, sameFieldValue, type RowState } from '../../adapters/row-state';
import { printAgrees } from '../../adapters/row-state-prints';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { foundText, loggedShown, readField, sameAsLogged, type RegisterFinding } from './register-check';
import { readResponseRows } from './rebuild';
import { ANSWER_FIELDS } from '../../../core/intake';
import { scheduledOrders } from './rebuild-scheduled';
import { offer, tryResponses, type Wanted } from './unkept-wants';

/** What a finding of this check says the value comes from (instead of a Change Log row). */
export const FROM_REQUEST = 'the request gave';

/**
 * The same, for the order whose request the row's Response Row names: an order a schedule made had no
 * request, its texts were its schedule's, so its finding names that schedule rather than a request.
 */
export function givenBy(ref: string): string {
  const occurrence = parseScheduleRef(ref);
  return occurrence ? `its schedule ${occurrence.scheduleId} gave` : FROM_REQUEST;
}

/**
 * A printed text nothing Verify reads still holds, in words. An order a schedule made has no form
 * response row: its text is found again once the schedule gives it again, which says what to do.
 */
function notFoundNote(finding: RegisterFinding): string {
  const from = finding.from ?? FROM_REQUEST;
  const head = `its ${finding.field} reads ${finding.found}, not the text ${from} (which Work Orders keeps as a keyed print)`;
  const stuck = 'actions on the order stay refused until it is back';
  return from === FROM_REQUEST
    ? `${head}, and neither its form response row nor anything else Verify reads holds that text, so it is not put ` +
        `back: the emails sent about the request quote it, and ${stuck}`
    : `${head}, and the schedule as the Schedules tab reads now gives another (its task, location or the like was ` +
        `changed since), so it is not put back: ${stuck}. Put that schedule's row back as it was when the order was made ` +
        '(File › Version history shows it), run Verify audit log again to put the text back, then change the schedule again';
}

/** A text kept only as a print: found later, in the request's answers (resolveAnswers). */
export interface AnswerWanted {
  finding: RegisterFinding;
  want: Wanted;
  /** The response row the record names ("Form Responses 1!A7"), or ''. */
  ref: string;
}

/** The response row a record names: kept whole, or the row's Response cell matching its print. */
function recordedRef(state: RowState, cells: readonly unknown[], layout: RegisterLayout): string {
  if (state.order.responseRef !== '') return state.order.responseRef;
  const index = layout.indexOf.responseRef;
  const text = index < 0 ? '' : cellText(cells[index]).trim();
  return text !== '' && fingerprintMatches(state, 'responseRef', text) ? text : '';
}

/**
 * A row with no record of its own to compare with (empty, unreadable, or another order's), whose
 * answered cells are compared with the request's answers themselves: the response row its Created log
 * line names. Without this, a script that blanked the record along with a forged Description had the
 * put-back of any other finding (or setup's backfill) seal the forged text as the row's record.
 */
interface Unrecorded {
  row: number;
  id: string;
  cells: readonly unknown[];
  fields: WorkOrderField[];
  /** The response row the log's Created line names ("Form Responses 1!A7"). */
  ref: string;
}

/** What one pass over the register leaves to look up in the request's answers (resolveAnswers). */
export interface AnswerChecks {
  wanted: AnswerWanted[];
  unrecorded: Unrecorded[];
}

export const noAnswerChecks = (): AnswerChecks => ({ wanted: [], unrecorded: [] });

/**
 * The answered fields of one row that no log line vouches for and whose cell is not what the row's
 * record (`state`, already read, its seal checked) keeps. Values kept whole are findings at once;
 * texts kept as prints, and every field of a row without a record of its own, go to `checks`, to be
 * looked up in the request's answers.
 */
export function checkAnswers(
  cells: readonly unknown[],
  rowNumber: number,
  id: string,
  state: RowState | null,
  trusted: readonly TrustedValue[],
  layout: RegisterLayout,
  timeZone: string,
  out: RegisterFinding[],
  checks: AnswerChecks,
): void {
  const fields = ANSWER_FIELDS.filter((f) => layout.indexOf[f] >= 0 && !trusted.some((t) => t.field === f));
  const ref = trusted.find((t) => t.field === 'responseRef')?.logged ?? '';
  // A record that names another response row than the log's Created line holds that row's answers,
  // not its own request's: two rows whose Response Rows and answers a script swapped, their records
  // blanked, are each sealed by setup from the response row they then named. Compared with that
  // record, the swapped answers agree; they are compared with the request the log names instead.
  if (!state || state.order.id !== id || (ref !== '' && recordedRef(state, cells, layout) !== ref)) {
    if (ref !== '' && fields.length > 0) checks.unrecorded.push({ row: rowNumber, id, cells, fields, ref });
    return;
  }
  const from = givenBy(recordedRef(state, cells, layout));
  for (const field of fields) {
    const read = readField(cells, layout, id, field);
    const held = read.ok ? read.value : cellText(cells[layout.indexOf[field]]);
    const base = {
      row: rowNumber,
      id,
      field: REGISTER_COLUMNS[field],
      found: foundText(cells, layout, id, field, timeZone).text,
      logRow: 0,
      from,
    };
    if (state.fingerprints[field] === undefined) {
      const recorded = state.order[field];
      if (read.ok && sameFieldValue(field, held, recorded)) continue;
      const logged = cellText(recorded);
      out.push({
        ...base,
        trusted: loggedShown(field, logged, timeZone),
        put: { field, logged, inState: false },
      });
      continue;
    }
    // false only when the print says otherwise (null: no key at hand to tell).
    if (printAgrees(state, field, typeof held === 'string' ? held : cellText(held)) !== false) continue;
    const finding: RegisterFinding = {
      ...base,
      trusted: 'another text (kept as a keyed print)',
      put: null,
    };
    out.push(finding);
    checks.wanted.push({
      finding,
      want: { row: rowNumber, field, state, tries: 0 },
      ref: recordedRef(state, cells, layout),
    });
  }
}

/** Each unrecorded row's answered cells that are not what its request's answers give. */
function unrecordedFindings(
  ss: Spreadsheet,
  rows: readonly Unrecorded[],
  layout: RegisterLayout,
  timeZone: string,
): RegisterFinding[] {
  if (rows.length === 0) return [];
  const { settings } = loadReferenceData(ss);
  const answers = readResponseRows(
    ss,
    rows.map((r) => r.ref),
  );
  const out: RegisterFinding[] = [];
  for (const { row, id, cells, fields, ref } of rows) {
    const named = answers.get(ref);
    if (!named) continue; // not a form's response row (a schedule's order), or gone: Verify says so apart
    const given = newWorkOrder(parseSubmission(named, settings.locations), {
      id,
      requestedAt: new Date(0),
      responseRef: ref,
    });
    for (const field of fields) {
      const value = given[field];
      if (typeof value !== 'string') continue;
      const read = readField(cells, layout, id, field);
      if (read.ok && sameAsLogged(given, field, value, read.value)) continue;
      out.push({
        row,
        id,
        field: REGISTER_COLUMNS[field],
        trusted: loggedShown(field, value, timeZone),
        found: foundText(cells, layout, id, field, timeZone).text,
        logRow: 0,
        put: { field, logged: value, inState: false },
        from: FROM_REQUEST,
      });
    }
  }
  return out;
}

/**
 * Gives each text kept as a print (of the findings in `findings`) the request's answer that matches
 * it, so that it can be put back, and adds what rows without a record hold that their request did not
 * give; the response rows named are read for these orders only. A printed text the answers cannot give
 * becomes a finding in words: nothing is put back for it. Findings stay in sheet order.
 */
export function resolveAnswers(
  ss: Spreadsheet,
  findings: RegisterFinding[],
  checks: AnswerChecks,
  layout: RegisterLayout | null,
  timeZone: string,
): RegisterFinding[] {
  const kept = new Set(findings);
  const open = checks.wanted.filter((w) => kept.has(w.finding));
  const added = layout ? unrecordedFindings(ss, checks.unrecorded, layout, timeZone) : [];
  if (open.length === 0 && added.length === 0) return findings;
  const refsOf = new Map<Wanted, string>();
  for (const w of open) if (w.ref !== '') refsOf.set(w.want, w.ref);
  if (refsOf.size > 0) {
    const reference = loadReferenceData(ss);
    tryResponses(ss, refsOf, reference);
    // An order a schedule made: what its schedule fills in now (matching only if the task is unchanged).
    const scheduled = scheduledOrders(
      ss,
      new Map([...refsOf].filter(([w]) => w.value === undefined).map(([w, ref]) => [w.state.order.id, ref])),
      reference,
    );
    for (const [want] of refsOf) {
      const value = scheduled.get(want.state.order.id)?.[want.field];
      if (typeof value === 'string') offer(want, value);
    }
  }
  const resolved = new Map<RegisterFinding, RegisterFinding>();
  for (const { finding, want } of open) {
    const text = want.value;
    resolved.set(
      finding,
      text === undefined
        ? { ...finding, note: notFoundNote(finding) }
        : {
            ...finding,
            trusted: loggedShown(want.field, text, timeZone),
            put: { field: want.field, logged: text, inState: false },
          },
    );
  }
  // A stable sort: a row's own findings keep their order.
  return [...findings.map((f) => resolved.get(f) ?? f), ...added].sort((a, b) => a.row - b.row);
}
