/**
 * How much of the day's mail quota an Outbox drain (./outbox) may use now, keeping a reserve for the
 * mail of the rest of the day that must go at once.
 */
/** The share of what is left of a day's quota the drain leaves, at the day's start, for mail that must go at once. */
const IMMEDIATE_SHARE = 0.2;

/**
 * How many recipients the drain may use now: what is left today (MailApp's count for the sending
 * account: 100 a day for consumer accounts, 1,500 for Workspace), less a reserve for the rest of the
 * day's immediate mail (emergency alerts, a step's email sent as it is taken), projected as a share
 * that shrinks hour by hour to nothing at midnight. Queued mail beyond it waits for later runs (the
 * next day's quota, oldest first): deferred, never dropped.
 */
export function drainAllowance(remaining: number, hourOfDay: number): number {
  const hoursLeft = Math.min(24, Math.max(0, 24 - hourOfDay));
  const reserve = Math.floor((remaining * IMMEDIATE_SHARE * hoursLeft) / 24);
  return Math.max(0, remaining - reserve);
}

/**
 * Emails one execution sends at most; the rest waits in the Outbox for later runs. The wall-clock
 * deadlines stop a run that Google's mail makes slow, but a count holds however long each send takes
 * (about 1.2 s for a 100 KB email, the one published figure): 60 take about 72 s of the 6-minute limit,
 * and 24 hourly runs can still send 1,440 a day, about a Workspace account's whole quota.
 */
export const MAX_SENDS_PER_RUN = 60;

/** The hour of the day (0–23) in the script's time zone, where MailApp's day turns. */
export function hourOfDay(now: Date): number {
  return Number(Utilities.formatDate(now, Session.getScriptTimeZone(), 'H'));
}
