import { renderEmail, signatureOf } from '../../../core/email-format';
import { singleLine } from '../../../core/sanitize';
import { sha256Hex } from '../../../core/sha256';
import { formatLocal, formatLocalDate } from '../../../core/time';
import { problemRecipients } from '../../adapters/administrators';
import { deliverAll } from '../../adapters/outbox';
import { loadReferenceData, type ReferenceData } from '../../adapters/reference-data';
import { appendErrorRow } from './errors-sheet';
import { firstTimeToday } from './notified';
import { activeUserEmail, effectiveUserEmail } from '../../adapters/session';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export interface Problem {
  /** The trigger, menu item or job step it happened in, e.g. "onHourlyTrigger". */
  source: string;
  message: string;
  stack?: string;
  /** What the administrators' email calls it: an error, or a repair the job made. */
  kind?: 'error' | 'repair';
  /**
   * What counts as "the same problem" for the one-email-a-day rule; default: its kind, the source and
   * the error's class, never its message (which may quote anything a caller put in an event: varied
   * text must not buy another email). Every occurrence still gets its Errors row.
   */
  key?: string;
  /** The error's class name (Error, TypeError, UserFacingError…), part of the default key. */
  errorName?: string;
}

export type Notified =
  'emailed' | 'queued' | 'already emailed today' | 'no administrator to email' | 'email failed';

/** "active user (as effective user)" when they differ: who was at the keyboard, and whose rights ran. */
export function executionUser(): string {
  const active = activeUserEmail();
  const effective = effectiveUserEmail();
  if (active && active !== effective) return `${active} (as ${effective})`;
  return effective || active || 'unknown';
}

/**
 * Makes a problem visible: one row on the Errors sheet, and an email to the administrators the first
 * time this message is seen today (per spreadsheet, remembered in the owner's state), sent through
 * the quota-aware mailer so it queues rather than disappears. Returns what happened to the email.
 */
export function reportProblem(ss: Spreadsheet, problem: Problem, now: Date = new Date()): Notified {
  const user = executionUser();
  let reference: ReferenceData | null = null;
  try {
    reference = loadReferenceData(ss);
  } catch (error) {
    // The Staff or Settings tab may be what is broken: the row below is still written.
    console.error('Work Orders could not read Settings and Staff to report a problem', error);
  }
  const day = formatLocalDate(now, reference?.timeZone ?? ss.getSpreadsheetTimeZone());
  const kind = problem.key ?? `${problem.kind ?? 'error'}:${problem.errorName ?? 'Error'}`;
  const key = sha256Hex(`${problem.source}\n${kind}`).slice(0, 16);
  let notified: Notified = 'already emailed today';
  if (!reference) notified = 'email failed';
  else if (firstTimeToday(ss.getId(), key, day)) {
    const to = problemRecipients(reference, effectiveUserEmail());
    if (to.length === 0) notified = 'no administrator to email';
    else {
      try {
        const delivery = deliverAll(
          ss,
          [
            composeProblemEmail(
              ss,
              problem,
              to,
              reference.settings.organizationName,
              reference.timeZone,
              now,
            ),
          ],
          now,
        );
        notified = delivery.sent > 0 ? 'emailed' : 'queued';
      } catch (error) {
        notified = 'email failed';
        console.error('Work Orders could not email the administrators about a problem', error);
      }
    }
  }
  appendErrorRow(ss, {
    at: now,
    trigger: problem.source,
    user,
    message: problem.message,
    stack: problem.stack ?? '',
    emailed: notified,
  });
  return notified;
}

/**
 * What of a message may go in a subject: its lead clause (up to the first colon), which the add-on
 * writes, with anything quoted — where messages put values that came from outside — elided, on one
 * line. The whole message is in the body and on the Errors sheet.
 */
export function leadClause(message: string): string {
  const elided = message.replace(/"[^"]*"|“[^”]*”/g, '…').replace(/["“”]/g, '');
  const lead = elided.split(':')[0] ?? '';
  return singleLine(lead, 100) || 'details on the Errors sheet';
}

function composeProblemEmail(
  ss: Spreadsheet,
  problem: Problem,
  to: string[],
  organizationName: string,
  timeZone: string,
  now: Date,
): { to: string[]; subject: string; body: string; htmlBody: string; recordId: string } {
  const org = signatureOf(organizationName);
  const repair = problem.kind === 'repair';
  const title = repair ? 'Work Orders repaired something' : 'Work Orders error';
  const subject = singleLine(`[${org}] ${title} in ${problem.source}: ${leadClause(problem.message)}`, 200);
  const rendered = renderEmail(
    {
      title,
      intro: [
        repair
          ? `The hourly checks of "${ss.getName()}" found and repaired a problem:`
          : `${problem.source} failed in "${ss.getName()}" at ${formatLocal(now, timeZone)} (${timeZone}):`,
        problem.message,
        'Details are on the Errors sheet. You get one email per problem per day.',
      ],
      details: [],
    },
    ss.getUrl(),
    org,
  );
  return { to, subject, ...rendered, recordId: '' };
}
