/**
 * Whether a Google Forms response stands behind a row of a responses tab. A row typed or pasted into
 * a responses tab (or a tab merely named like one, with no form) has none and is never ingested:
 * anyone who can edit a tab could otherwise make the add-on create and acknowledge a request.
 */
import { formResponsesSince } from '../../adapters/installation-services';
import { linkedFormUrl } from '../../adapters/response-tabs';
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
