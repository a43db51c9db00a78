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
 * it (a response row edited, which Verify reports on its own, or a schedule's order), the finding
 * says so in words and nothing is put back for it.
 */
import type { RegisterLayout } from '../../../core/columns';
import { cellText } from '../../../core/headers';
import { REGISTER_COLUMNS, type WorkOrderField } from '../../../core/model';
import type { TrustedValue } from '../../../core/register-audit';
import { loadReferenceData } from '../../adapters/reference-data';
import { fingerprintMatches, sameFieldValue, type RowState } from '../../adapters/row-state';
import { printAgrees } from '../../adapters/row-state-prints';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { foundText, loggedShown, readField, type RegisterFinding } from './register-check';
import { tryResponses, type Wanted } from './unkept-wants';

/** The fields intake fills from the request's answers and no person may type (core/intake.ts). */
const ANSWER_FIELDS: readonly WorkOrderField[] = [
  'description',
  'requesterEmail',
  'requesterName',
  'location',
  'urgency',
  'resources',
  'asset',
];

/** What a finding of this check says the value comes from (instead of a Change Log row). */
export const FROM_REQUEST = 'the request gave';

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
 * The answered fields of one row (`state`: its sealed record, already read) that no log line vouches
 * for and whose cell is not what the record keeps. Values kept whole are findings at once; texts kept
 * as prints go to `wanted`, to be looked for in the request's answers.
 */
export function checkAnswers(
  cells: readonly unknown[],
  rowNumber: number,
  id: string,
  state: RowState,
  trusted: readonly TrustedValue[],
  layout: RegisterLayout,
  timeZone: string,
  out: RegisterFinding[],
  wanted: AnswerWanted[],
): void {
  for (const field of ANSWER_FIELDS) {
    if (layout.indexOf[field] < 0 || trusted.some((t) => t.field === field)) continue;
    const read = readField(cells, layout, id, field);
    const held = read.ok ? read.value : cellText(cells[layout.indexOf[field]]);
    const base = {
      row: rowNumber,
      id,
      field: REGISTER_COLUMNS[field],
      found: foundText(cells, layout, id, field, timeZone).text,
      logRow: 0,
      from: FROM_REQUEST,
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
    wanted.push({
      finding,
      want: { row: rowNumber, field, state, tries: 0 },
      ref: recordedRef(state, cells, layout),
    });
  }
}

/**
 * Gives each text kept as a print (of the findings still in `findings`) the request's answer that
 * matches it, so that it can be put back; one read of the response rows named, only for these orders.
 * A text the answers cannot give becomes a finding in words: nothing is put back for it.
 */
export function resolveAnswers(
  ss: Spreadsheet,
  findings: RegisterFinding[],
  wanted: readonly AnswerWanted[],
  timeZone: string,
): RegisterFinding[] {
  const kept = new Set(findings);
  const open = wanted.filter((w) => kept.has(w.finding));
  if (open.length === 0) return findings;
  const refsOf = new Map<Wanted, string>();
  for (const w of open) if (w.ref !== '') refsOf.set(w.want, w.ref);
  if (refsOf.size > 0) tryResponses(ss, refsOf, loadReferenceData(ss));
  const resolved = new Map<RegisterFinding, RegisterFinding>();
  for (const { finding, want } of open) {
    const text = want.value;
    resolved.set(
      finding,
      text === undefined
        ? {
            ...finding,
            note:
              `its ${finding.field} reads ${finding.found}, not the text ${FROM_REQUEST} (which Work Orders keeps as a ` +
              'keyed print), and neither its form response row nor anything else Verify reads holds that text, so it is not ' +
              'put back: the emails sent about the request quote it, and actions on the order stay refused until it is back',
          }
        : {
            ...finding,
            trusted: loggedShown(want.field, text, timeZone),
            put: { field: want.field, logged: text, inState: false },
          },
    );
  }
  return findings.map((f) => resolved.get(f) ?? f);
}
