/**
 * The daily anchor: once a day (the first run from 23:00 local; when Apps Script skipped that hour's
 * run, the next day's first run sends it, late and saying so) the hourly job emails the administrators where the change log's keyed
 * chain stands (position and MAC of its last verifiable row). The email is outside the spreadsheet,
 * where no editor of it can change it: a log later found shorter than an anchor, or not holding the
 * anchor's MAC at the anchor's position, was tampered with even if every other record had been reset.
 * A position lower than the previous anchor's is reported at once as a problem.
 */
import { verifiedTail } from '../../../core/keyed-verify';
import { formatAnchor } from '../../../core/log-anchor';
import { escapeHtml } from '../../../core/sanitize';
import { administratorEmails } from '../../../core/staff';
import { formatLocalDate, localParts } from '../../../core/time';
import { addCalendarDays, isoDate, pad2 } from '../../../core/calendar-dates';
import { addonKey } from '../../adapters/addon-secret';
import { readLastLogRows } from '../../adapters/change-log-read';
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import type { ReferenceData } from '../../adapters/reference-data';
import type { JobMail } from './job-mail';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Owner state (per spreadsheet): the last anchor sent, JSON { day, seq, mac }. */
export const LAST_ANCHOR = 'auditAnchor';
/** Rows read at the end of the log to find two that chain (the hand-offs of a day fit easily). */
const TAIL_ROWS = 20;

/**
 * Local hour from which the day's anchor is sent: the end of the working day, so that it records the
 * day's log and comes after the day's reminders in the mail quota.
 */
export const ANCHOR_HOUR = 23;

export type AnchorOutcome =
  'not yet' | 'already sent today' | 'no keyed rows yet' | 'no key' | 'no recipient' | 'delivered';

interface Anchor {
  day: string;
  seq: number;
  mac: string;
}

function previousAnchor(spreadsheetId: string): Anchor | null {
  try {
    const parsed = JSON.parse(readOwnerState(spreadsheetId, LAST_ANCHOR) ?? 'null') as Anchor | null;
    return parsed && typeof parsed.day === 'string' && Number.isInteger(parsed.seq) ? parsed : null;
  } catch {
    return null;
  }
}

/** Sends today's anchor if not sent yet; throws (a job problem) when the chain went backwards. */
export function sendDailyAnchor(
  ss: Spreadsheet,
  reference: ReferenceData,
  now: Date,
  mail: JobMail,
): AnchorOutcome {
  const id = ss.getId();
  const local = localParts(now, reference.timeZone);
  const previous = previousAnchor(id);
  // Apps Script does not promise every hourly run: a day whose 23:00 run never came gets its anchor
  // from the next day's first run (once a day has had one: the first anchor waits for 23:00).
  const yesterday = isoDate(addCalendarDays(local, -1));
  const late = local.hour < ANCHOR_HOUR && previous !== null && previous.day < yesterday;
  if (local.hour < ANCHOR_HOUR && !late) return 'not yet';
  const today = late ? yesterday : formatLocalDate(now, reference.timeZone);
  if (previous?.day === today) return 'already sent today';
  const key = addonKey(id);
  if (!key) return 'no key';
  const { rows, first } = readLastLogRows(ss, TAIL_ROWS);
  const head = verifiedTail(key, rows, first); // null below two rows: no pair to chain
  if (!head) return 'no keyed rows yet';
  const to = administratorEmails(reference.staff);
  if (to.length === 0) return 'no recipient';
  const shorter = previous !== null && head.seq < previous.seq;
  const lines = [
    `Change log anchor for ${today}: chain position ${head.seq}, MAC ${head.mac}, at sheet row ${head.row}.` +
      (late
        ? ` Sent late, at ${formatLocalDate(now, reference.timeZone)} ${pad2(local.hour)}:${pad2(local.minute)}: Apps Script did not run the hourly job from 23:00 that day, so the position includes any change made since midnight.`
        : ''),
    shorter
      ? `WARNING: the previous anchor (${previous.day}) was at chain position ${previous.seq}: the log is shorter now. Run Verify audit log.`
      : previous
        ? `The previous anchor (${previous.day}) was at chain position ${previous.seq}.`
        : 'This is the first anchor.',
    'Keep this email. The Change Log row holding "k' +
      `${head.seq}.${head.mac.slice(0, 12)}…" must stay at that position; Verify audit log must report a chain position at least ${head.seq}.`,
    "To check the log against this anchor, even if the add-on's own record of it was reset, run Extensions › Work Orders › Verify audit log and paste this line when asked:",
    formatAnchor(head),
  ];
  mail.deliver([
    {
      to,
      subject: `Work Orders: change log anchor for ${today}${shorter ? ' (log shorter than before)' : ''}`,
      body: lines.join('\n\n'),
      htmlBody: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(''),
      recordId: '',
    },
  ]);
  writeOwnerState(
    id,
    LAST_ANCHOR,
    JSON.stringify({ day: today, seq: head.seq, mac: head.mac } satisfies Anchor),
  );
  if (shorter) {
    throw new Error(
      `The change log's chain position went back from ${previous.seq} (anchor of ${previous.day}) to ${head.seq}: rows were removed. Run Verify audit log.`,
    );
  }
  return 'delivered';
}
