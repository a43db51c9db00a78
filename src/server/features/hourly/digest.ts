import { composePersonalDigests } from '../../../core/digest';
import { composeQuotaWarning, type MailForecast } from '../../../core/mail-forecast';
import type { WorkOrder } from '../../../core/model';
import { composeDigest } from '../../../core/notifications';
import { administratorEmails, supervisorEmails } from '../../../core/staff';
import { formatLocalDate, localParts, startOfLocalDay } from '../../../core/time';
import { problemRecipients } from '../../adapters/administrators';
import { observeAccount } from '../../adapters/mail-volume';
import { sendOrQueue } from '../../adapters/mailer';
import { recipientsHeldSince, recipientsLeftQueued } from '../../adapters/outbox';
import { readHeldNotices } from '../../adapters/outbox-digest';
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import { effectiveUserEmail } from '../../adapters/session';
import type { ReferenceData } from '../../adapters/reference-data';
import type { JobMail } from './job-mail';
import type { HourlyRegister } from './register-view';
import { asRecorded } from './recorded-work';
import type { Spreadsheet } from '../../adapters/apps-script-types';

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

/** Owner state (per spreadsheet): the local date of the last digest, "YYYY-MM-DD". */
export const LAST_DIGEST = 'lastDigest';
/** Owner state (per spreadsheet): the local date the personal digests of held notices last went. */
export const LAST_PERSONAL_DIGESTS = 'lastPersonalDigests';

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
  // As recorded where a script wrote the cells (a Status written Closed would leave the order out).
  const orders: readonly WorkOrder[] = asRecorded(register, register.openWork(DIGEST_FIELDS), timeZone).open;
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

export interface DayMailOutcome {
  /** Personal digests delivered this run (one per person with held notices). */
  personalDigests: number;
  /** Held notices they gathered. */
  notices: number;
  forecast: MailForecast | null;
  /** The administrators were warned this run (once a day per sending account). */
  warned: boolean;
}

/**
 * The day's mail of the account running the job (the trigger owner): at the digest hour, everyone's
 * held notices go out as one digest per person; then the day is projected (sent so far, waiting,
 * expected) and, the first time today it passes the quota, the administrators are told at once.
 */
export function keepMailWithinQuota(
  ss: Spreadsheet,
  reference: ReferenceData,
  now: Date,
  mail: JobMail,
): DayMailOutcome {
  const { settings, timeZone } = reference;
  const outcome: DayMailOutcome = { personalDigests: 0, notices: 0, forecast: null, warned: false };
  const today = formatLocalDate(now, timeZone);
  if (
    localParts(now, timeZone).hour >= settings.digestHour &&
    readOwnerState(ss.getId(), LAST_PERSONAL_DIGESTS) !== today
  ) {
    const held = readHeldNotices(ss);
    if (held.notices.length > 0) {
      const digests = composePersonalDigests({
        notices: held.notices,
        now,
        timeZone,
        organizationName: settings.organizationName,
      });
      // Queued or sent, the digests now carry the notices: the held rows are marked in the same run.
      mail.deliver(digests.map((d) => ({ ...d, recordId: '' })));
      held.markDigested(now);
      outcome.personalDigests = digests.length;
      outcome.notices = held.notices.length;
    }
    writeOwnerState(ss.getId(), LAST_PERSONAL_DIGESTS, today);
  }
  const { forecast, warn } = observeAccount(now, timeZone, {
    queued: (recipientsLeftQueued() ?? 0) + mail.queued,
    heldToday: recipientsHeldSince(startOfLocalDay(now, timeZone).getTime()),
  });
  outcome.forecast = forecast;
  const account = effectiveUserEmail();
  const to = problemRecipients(reference, account);
  // Ahead of the shortfall, while the warning can still be sent; once the quota is spent it is too
  // late for today (the logs say so) and tomorrow's forecast, with today in its history, warns in time.
  if (warn && forecast.remaining < to.length)
    console.warn(
      `The mail of ${account} passed its daily quota before a forecast could warn: ${JSON.stringify(forecast)}`,
    );
  if (warn && forecast.remaining >= to.length) {
    const email = composeQuotaWarning({
      account,
      forecast,
      to,
      now,
      timeZone,
      organizationName: settings.organizationName,
      link: ss.getUrl(),
    });
    // Sent at once, not behind the queue: it must arrive before the quota runs out.
    if (email.to.length > 0) sendOrQueue(ss, { ...email, recordId: '' }, now);
    outcome.warned = email.to.length > 0;
  }
  return outcome;
}
