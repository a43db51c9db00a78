import type { WorkOrder } from '../../../core/model';
import { composeDigest } from '../../../core/notifications';
import { administratorEmails, supervisorEmails } from '../../../core/staff';
import { formatLocalDate, localParts } from '../../../core/time';
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import type { ReferenceData } from '../../adapters/reference-data';
import type { JobMail } from './job-mail';
import type { HourlyRegister } from './register-view';

/** What the digest shows of each open order. */
const DIGEST_FIELDS = [
  'woNumber',
  'priority',
  'assignee',
  'due',
  'requestedAt',
  'description',
  'reason',
] as const;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Owner state (per spreadsheet): the local date of the last digest, "YYYY-MM-DD". */
export const LAST_DIGEST = 'lastDigest';

export type DigestOutcome = 'off' | 'not yet' | 'already sent today' | 'no recipient' | 'delivered';

/**
 * The supervisors' daily digest (Settings: dailyDigest, digestHour): sent by the first run at or after
 * the digest hour of each local day, so a run that was late or missed still sends it that day.
 */
export function sendDailyDigest(
  ss: Spreadsheet,
  reference: ReferenceData,
  register: HourlyRegister,
  now: Date,
  mail: JobMail,
): DigestOutcome {
  const { settings, staff, timeZone } = reference;
  if (!settings.dailyDigest) return 'off';
  if (localParts(now, timeZone).hour < settings.digestHour) return 'not yet';
  const today = formatLocalDate(now, timeZone);
  if (readOwnerState(ss.getId(), LAST_DIGEST) === today) return 'already sent today';
  const supervisors = supervisorEmails(staff);
  const to = supervisors.length > 0 ? supervisors : administratorEmails(staff);
  // Only open orders are in the digest: their fields are read, from the first open row down.
  const orders: readonly WorkOrder[] = register.openWork(DIGEST_FIELDS);
  const email = composeDigest({
    orders,
    now,
    timeZone,
    to,
    organizationName: settings.organizationName,
    link: ss.getUrl(),
  });
  if (email.to.length === 0) return 'no recipient';
  mail.deliver([{ ...email, recordId: '' }]);
  writeOwnerState(ss.getId(), LAST_DIGEST, today);
  return 'delivered';
}
