/**
 * The day's mail of one sending account, seen coming. MailApp counts recipients per account per day
 * (100 for consumer accounts, 1,500 for Workspace) and tells only what is left; the add-on keeps, in
 * that account's own properties, what it saw left hour by hour over the last days. From that it
 * projects today's volume: sent so far + what waits in the Outbox + what the rest of the day usually
 * brings. When the projection passes the quota, notices that need no action now go into each person's
 * daily digest (for a week, so the next quiet-looking day does not undo it) and the administrators are
 * told once that day, with the figures, before the quota runs out.
 */
import * as z from './validator';
import { cleanRecipients, renderEmail, signatureOf, type Email } from './email-format';
import { EMAIL_KINDS, type EmailKind } from './notifications';
import { singleLine } from './sanitize';
import { addCalendarDays, formatLocal, isoDate, parseIsoDate } from './time';

/** Days of history the projection averages over. */
export const HISTORY_DAYS = 7;
/** Once a day is projected over the quota, notices are held for digests this many days. */
export const HOLD_DAYS = 7;

/**
 * Notices that ask nothing of their reader now: a receipt, a confirmation, news of progress, work to
 * review and close at leisure. On a day the account's quota is short they wait for the reader's daily
 * digest; everything else (emergencies, questions, assignments, reminders, refusals, changes of date
 * or priority) is sent at once.
 */
export const DIGEST_KINDS: ReadonlySet<EmailKind> = new Set<EmailKind>([
  'acknowledgment',
  'approved',
  'unassigned',
  'completed',
  'workDone',
  'workReopened',
  'closed',
  'delayed',
]);

export function isDigestKind(kind: EmailKind | undefined): boolean {
  return kind !== undefined && DIGEST_KINDS.has(kind);
}

const HOURS = 24;
const Hours = z.lazySchema(() => z.array(z.number()));

export const MailVolumeSchema = z.lazySchema(() =>
  z.object({
    /** The local day `byHour` is about ("YYYY-MM-DD"). */
    day: z.string(),
    /** Recipients used by each hour of that day as observed (-1: not observed that hour). */
    byHour: Hours,
    /** Earlier days, newest last, at most HISTORY_DAYS. */
    recent: z.array(z.object({ day: z.string(), byHour: Hours })),
    /** The most MailApp ever said was left: the daily quota (seen when a day starts). */
    maxRemaining: z.number(),
    /** Notices of DIGEST_KINDS are held for digests through this day ('' when never). */
    holdThrough: z.string(),
    /** The last day the administrators were warned. */
    warnedDay: z.string(),
  }),
);
export type MailVolume = z.infer<typeof MailVolumeSchema>;

export function emptyVolume(): MailVolume {
  return { day: '', byHour: [], recent: [], maxRemaining: 0, holdThrough: '', warnedDay: '' };
}

/** Stored text back to a volume; anything unreadable starts afresh (it is only a forecast). */
export function parseVolume(text: string | null | undefined): MailVolume {
  if (!text) return emptyVolume();
  return z.parseStoredJson(MailVolumeSchema, text) ?? emptyVolume();
}

/** Cumulative recipients by the end of `hour`: the last observation at or before it, else 0. */
function usedBy(byHour: readonly number[], hour: number): number {
  for (let h = Math.min(hour, HOURS - 1); h >= 0; h--) {
    const v = byHour[h] ?? -1;
    if (v >= 0) return v;
  }
  return 0;
}

function totalOf(byHour: readonly number[]): number {
  return Math.max(0, ...byHour);
}

/** The volume after MailApp said `remaining` at `hour` (0–23) of local `day`. Pure: returns a new state. */
export function observeVolume(state: MailVolume, day: string, hour: number, remaining: number): MailVolume {
  let { byHour, recent } = state;
  if (state.day !== day) {
    recent =
      state.day !== '' && byHour.some((v) => v >= 0) ? [...recent, { day: state.day, byHour }] : recent;
    recent = recent.slice(-HISTORY_DAYS);
    byHour = Array.from({ length: HOURS }, () => -1);
  } else byHour = [...byHour];
  const maxRemaining = Math.max(state.maxRemaining, remaining);
  const used = Math.max(0, maxRemaining - remaining);
  byHour[hour] = Math.max(byHour[hour] ?? -1, used);
  return { ...state, day, byHour, recent, maxRemaining };
}

export interface MailForecast {
  quota: number;
  sentSoFar: number;
  remaining: number;
  /** Recipients of mail waiting in the Outbox to be sent. */
  queued: number;
  /** What the rest of the day usually brings (the recent days' average), or today's pace with no history. */
  expectedRest: number;
  /** How many earlier days the expectation comes from (0: today's pace). */
  historyDays: number;
  projected: number;
  /** Recipients of notices held for digests today: what the day would have sent on top without holding. */
  heldToday: number;
  /** Recipients that will wait for a later day: what the projection passes the quota by. */
  deferred: number;
  over: boolean;
}

/**
 * Today's projection at `hour`, after observeVolume. `queued`: recipients waiting in the Outbox;
 * `digestsDue`: recipients of the personal digests still to be sent today; `heldToday`: recipients
 * of notices held for digests today (not part of the projection: they go in the digests).
 */
export function forecastDay(
  state: MailVolume,
  hour: number,
  remaining: number,
  pending: { queued: number; digestsDue?: number; heldToday?: number },
): MailForecast {
  const quota = Math.max(state.maxRemaining, remaining);
  const sentSoFar = Math.max(0, quota - remaining);
  const history = state.recent.filter((d) => d.day !== state.day);
  let expectedRest: number;
  if (history.length > 0) {
    const rests = history.map((d) => Math.max(0, totalOf(d.byHour) - usedBy(d.byHour, hour)));
    expectedRest = Math.round(rests.reduce((a, b) => a + b, 0) / rests.length);
  } else {
    // No earlier day yet: today's pace since sending started (the first hour seen with mail sent),
    // carried to midnight. It overstates a working day's evening, which errs towards warning early.
    const first = state.byHour.findIndex((v) => v > 0);
    const elapsed = first < 0 ? 0 : hour - first + 1;
    const since = sentSoFar;
    expectedRest = elapsed > 0 ? Math.round((since / elapsed) * (HOURS - 1 - hour)) : 0;
  }
  const queued = Math.max(0, pending.queued) + Math.max(0, pending.digestsDue ?? 0);
  const projected = sentSoFar + queued + expectedRest;
  return {
    quota,
    sentSoFar,
    remaining,
    queued,
    expectedRest,
    historyDays: history.length,
    projected,
    heldToday: Math.max(0, pending.heldToday ?? 0),
    deferred: Math.max(0, projected - quota),
    over: projected > quota,
  };
}

function plusDays(day: string, days: number): string {
  const date = parseIsoDate(day);
  return date ? isoDate(addCalendarDays(date, days)) : day;
}

/** Whether notices of DIGEST_KINDS are held for digests on `day`. */
export function holdsOn(state: MailVolume, day: string): boolean {
  return state.holdThrough !== '' && day <= state.holdThrough;
}

/**
 * The state after a forecast: holding extended when it is over, and whether to warn the
 * administrators now (once a day per account). While holding, the days recorded are the held ones
 * (lighter): holding is extended as long as the day would pass the quota without it, so a week of
 * held days does not end in a day that runs short again.
 */
export function afterForecast(
  state: MailVolume,
  day: string,
  forecast: MailForecast,
): { state: MailVolume; warn: boolean } {
  const stillNeeded = holdsOn(state, day) && forecast.projected + forecast.heldToday > forecast.quota;
  if (!forecast.over && !stillNeeded) return { state, warn: false };
  const holdThrough = plusDays(day, HOLD_DAYS - 1);
  const warn = forecast.over && state.warnedDay !== day;
  return {
    state: {
      ...state,
      holdThrough: holdThrough > state.holdThrough ? holdThrough : state.holdThrough,
      warnedDay: warn ? day : state.warnedDay,
    },
    warn,
  };
}

export interface QuotaWarningInput {
  account: string;
  forecast: MailForecast;
  to: readonly string[];
  now: Date;
  timeZone: string;
  organizationName?: string;
  link?: string;
}

/** The administrators' warning, sent before the account runs out: the figures and what happens next. */
export function composeQuotaWarning(input: QuotaWarningInput): Email {
  const f = input.forecast;
  const org = signatureOf(input.organizationName);
  const basis =
    f.historyDays > 0
      ? `the average of the last ${f.historyDays} day${f.historyDays === 1 ? '' : 's'}`
      : "today's pace so far (no earlier day recorded yet)";
  const rendered = renderEmail(
    {
      title: 'Email quota: today will run short',
      intro: [
        `Work Orders sends from ${input.account}, whose daily quota is ${f.quota} recipients. As of ${formatLocal(input.now, input.timeZone)} (${input.timeZone}) today's mail is projected at ${f.projected}, ${f.deferred} more than the quota.`,
        "Emergencies and emails that need action now are sent first. Receipts, confirmations and other notices that need no action now go into each person's daily digest (for the next 7 days). Whatever does not fit waits in the Outbox sheet for the next day, in order: nothing is dropped.",
        'To avoid it: install Work Orders from a Google Workspace account (1,500 recipients a day), or turn off notices you do not need in Settings (Notify Requestor, Notify Supervisors).',
      ],
      details: [
        ['Sent so far today', String(f.sentSoFar)],
        ['Remaining today', String(f.remaining)],
        ['Waiting in the Outbox', String(f.queued)],
        ['Expected for the rest of the day', `${f.expectedRest} (${basis})`],
        ['Projected for today', String(f.projected)],
        ['Will wait for a later day', String(f.deferred)],
      ],
    },
    input.link ?? '',
    org,
  );
  return {
    to: cleanRecipients(input.to),
    subject: singleLine(
      `[${org}] Email quota: ${f.projected} projected today, ${f.quota} allowed (${input.account})`,
      250,
    ),
    ...rendered,
  };
}

/**
 * The order the Outbox drain sends queued mail in, when a day's quota cannot cover it all: emergencies
 * first, then what needs someone to act, then notices that need no action; oldest first within each.
 * A row with no kind (queued before kinds were recorded) counts as needing action, so it keeps its place.
 * The kind cell is not signed: a person who edits it can only reorder mail the add-on signed.
 */
export function drainRank(kind: string): number {
  if (kind === 'emergency') return 0;
  return (EMAIL_KINDS as readonly string[]).includes(kind) && isDigestKind(kind as EmailKind) ? 2 : 1;
}
