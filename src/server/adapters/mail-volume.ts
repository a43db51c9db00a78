/**
 * The sending account's mail volume (core/mail-forecast.ts), kept in that account's own user
 * properties: MailApp's quota is per account, whichever spreadsheet or trigger sends, and every path
 * that sends (the hourly job and the triggers as their owner, a sidebar as the person acting) can read
 * and write its own user properties. Read at most once per execution.
 */
import {
  afterForecast,
  forecastDay,
  holdsOn,
  observeVolume,
  parseVolume,
  type MailForecast,
  type MailVolume,
} from '../../core/mail-forecast';
import { formatLocalDate, localParts } from '../../core/time';
import { peekOwnerProperty } from './owner-state';
import { userProperties } from './service-handles';

/** User-properties key (account-wide, not per spreadsheet: the quota is the account's). */
export const MAIL_VOLUME_KEY = 'wo.mail.volume';

let cached: MailVolume | null = null;

function readVolume(): MailVolume {
  if (cached) return cached;
  // The trigger paths have usually read the owner's whole store already: no second round trip.
  const seen = peekOwnerProperty(MAIL_VOLUME_KEY);
  cached = parseVolume(seen === undefined ? userProperties().getProperty(MAIL_VOLUME_KEY) : seen);
  return cached;
}

function writeVolume(state: MailVolume): void {
  userProperties().setProperty(MAIL_VOLUME_KEY, JSON.stringify(state));
  cached = state;
}

/** Whether notices that need no action now wait for the digest today (a forecast passed the quota this week). */
export function holdingForDigests(now: Date, timeZone: string): boolean {
  try {
    return holdsOn(readVolume(), formatLocalDate(now, timeZone));
  } catch (error) {
    // Unknown: the notice is sent (or queued) as usual rather than lost with a failed read.
    console.warn(`The mail volume of this account could not be read: ${String(error)}`);
    return false;
  }
}

export interface AccountOutlook {
  forecast: MailForecast;
  /** True the first time today the projection passes the quota: the administrators are to be told now. */
  warn: boolean;
}

/**
 * Asks MailApp what is left, records it, and projects the day (see forecastDay). One quota read, one
 * property read (unless already read) and one write when something changed.
 */
export function observeAccount(
  now: Date,
  timeZone: string,
  pending: { queued: number; digestsDue?: number; heldToday?: number },
): AccountOutlook {
  const remaining = MailApp.getRemainingDailyQuota();
  const day = formatLocalDate(now, timeZone);
  const hour = localParts(now, timeZone).hour;
  const before = readVolume();
  const observed = observeVolume(before, day, hour, remaining);
  const forecast = forecastDay(observed, hour, remaining, pending);
  const { state, warn } = afterForecast(observed, day, forecast);
  if (JSON.stringify(state) !== JSON.stringify(before)) writeVolume(state);
  return { forecast, warn };
}
