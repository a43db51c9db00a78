/**
 * Whether a Google Forms response stands behind a row of a responses tab. A row typed or pasted into
 * a responses tab (or a tab merely named like one, with no form) has none and is never ingested:
 * anyone who can edit a tab could otherwise make the add-on create and acknowledge a request.
 */
import { formResponsesSince } from '../../adapters/installation-services';
import { findTab } from '../../adapters/workbook';
import { linkedFormUrl, readResponseColumns } from '../../adapters/response-tabs';
import { isValidDate } from '../../../core/time';
import type { Candidate } from './response-rows';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Timestamps of a form's responses are matched to the second (the sheet's Timestamp cell holds seconds). */
const SECOND = 1_000;

/**
 * The candidates a Google Forms response stands behind: same second and, when both have one, the same
 * respondent email, among the responses of the form linked to the row's tab.
 */
export function fromTheForm(ss: Spreadsheet, candidates: readonly Candidate[]): Candidate[] {
  const bySheet = new Map<string, Candidate[]>();
  for (const c of candidates) bySheet.set(c.sheetName, [...(bySheet.get(c.sheetName) ?? []), c]);
  const genuine: Candidate[] = [];
  for (const [sheetName, list] of bySheet) {
    const url = linkedFormUrl(ss, sheetName);
    if (!url) continue;
    const earliest = Math.min(...list.map((c) => c.submittedAt.getTime())) - SECOND;
    const responses = responsesOrSay(url, sheetName, new Date(earliest));
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

/** Google's headers of a response tab's submission time and collected (verified) email. */
const TIMESTAMP = 'Timestamp';
const EMAIL = 'Email Address';

/** The respondent of a candidate row as the form collected it, lower-cased ('' when none). */
const respondentOf = (c: Candidate): string =>
  String(c.namedValues[EMAIL]?.[0] ?? '')
    .trim()
    .toLowerCase();

/**
 * The answers to the add-on's own forms (reply, update) a Google Forms response stands behind. Stricter
 * than a request's check, as the respondent is the authority the answer acts with: the row must name the
 * respondent the form verified, at the response's second; and a response vouches for one row only, the
 * first of the tab's rows claiming its second and respondent (Forms writes each response once, at the
 * bottom), so a copy of another's answer, typed or pasted lower in the tab, is never applied as theirs.
 * The tab's Timestamp and Email columns are read for that (two reads, only when an answer is missing).
 */
export function answersFromTheForm(ss: Spreadsheet, candidates: readonly Candidate[]): Candidate[] {
  const bySheet = new Map<string, Candidate[]>();
  for (const c of candidates) bySheet.set(c.sheetName, [...(bySheet.get(c.sheetName) ?? []), c]);
  const genuine: Candidate[] = [];
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1;
  for (const [sheetName, list] of bySheet) {
    const url = linkedFormUrl(ss, sheetName);
    const sheet = findTab(ss, sheetName);
    const claimed = list.filter((c) => respondentOf(c) !== '');
    if (!url || !sheet || claimed.length === 0) continue;
    const earliest = Math.min(...claimed.map((c) => c.submittedAt.getTime())) - SECOND;
    const responses = responsesOrSay(url, sheetName, new Date(earliest)).map((r) => ({
      second: Math.floor(r.at.getTime() / SECOND),
      email: r.email.trim().toLowerCase(),
    }));
    const columns = readResponseColumns(sheet, [TIMESTAMP, EMAIL]);
    const stamps = columns.get(TIMESTAMP) ?? [];
    const emails = columns.get(EMAIL) ?? [];
    for (const c of claimed) {
      const second = Math.floor(c.submittedAt.getTime() / SECOND);
      const email = respondentOf(c);
      const vouching = responses.filter((r) => r.email === email && near(r.second, second)).length;
      // The tab's rows claiming the same response, top first (sheet row = index + 2).
      const claims: number[] = [];
      stamps.forEach((stamp, i) => {
        const same =
          isValidDate(stamp) &&
          near(Math.floor(stamp.getTime() / SECOND), second) &&
          String(emails[i] ?? '')
            .trim()
            .toLowerCase() === email;
        if (same) claims.push(i + 2);
      });
      if (claims.indexOf(c.row) >= 0 && claims.indexOf(c.row) < vouching) genuine.push(c);
    }
  }
  return genuine;
}

/**
 * The form's responses, or an error that says what to do: a form is private to the account that made it,
 * so after Take over installation the new owner's job cannot open the former owner's forms until they are
 * shared with it. Nothing is taken in unchecked meanwhile; the missed requests wait for the next run.
 */
function responsesOrSay(url: string, sheetName: string, since: Date): { at: Date; email: string }[] {
  try {
    return formResponsesSince(url, since);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The form linked to the "${sheetName}" tab could not be opened (${why}), so requests it missed cannot ` +
        'be checked against Google Forms and wait. Its owner shares it with the installation owner (in the ' +
        "form's Share settings, or by running Extensions › Work Orders › Set up work orders); the next hourly " +
        'run then takes them in.',
    );
  }
}
