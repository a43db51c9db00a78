/**
 * One setup at a time. Setup holds the document lock only around its short steps (so edits and
 * submissions are never kept waiting long), and builds the forms without it: a second administrator's
 * setup started meanwhile would otherwise make a second form. Each run claims the spreadsheet in the
 * add-on's own state (document properties) under the lock, and marks its claim finished at the end.
 *
 * A setup that Apps Script stopped (the 6-minute limit, a crash) cannot mark its claim: a claim older than
 * that limit is taken as abandoned, and every step of setup is idempotent, so the next run completes
 * whatever the stopped one left missing.
 */
import * as z from '../../../core/validator';
import { PROPERTY_KEYS, getProperty, setProperty } from '../../adapters/document-properties';
import { UserFacingError } from '../../adapters/workbook';
import { formatLocal } from '../../../core/time';

/** Apps Script stops any execution after 6 minutes; a claim older than this has no live run. */
export const SETUP_CLAIM_MS = 6 * 60_000 + 30_000;

const Claim = z.lazySchema(() =>
  z.object({
    by: z.string(),
    startedAt: z.number(),
    finishedAt: z.optional(z.number()),
  }),
);
type Claim = z.infer<typeof Claim>;

function storedClaim(): Claim | null {
  const text = getProperty(PROPERTY_KEYS.setupRun);
  return text ? z.parseStoredJson(Claim, text) : null;
}

const clock = (ms: number, timeZone: string): string => formatLocal(new Date(ms), timeZone);

/** Which run a claim is: its runner and start are unique (claims are made one at a time, under the lock). */
export interface SetupRun {
  by: string;
  startedAt: number;
}

/**
 * Claims the spreadsheet for this setup run (call it holding the document lock). Throws, saying who
 * and since when, while another run's claim is live. Returns the claim finishSetupRun marks.
 */
export function claimSetupRun(email: string, now: Date, timeZone: string): SetupRun {
  const current = storedClaim();
  const started = now.getTime();
  if (current && current.finishedAt === undefined && started - current.startedAt < SETUP_CLAIM_MS) {
    const until = clock(current.startedAt + SETUP_CLAIM_MS, timeZone);
    throw new UserFacingError(
      `Set up work orders is already running for this spreadsheet (started by ${current.by || 'another administrator'} at ${clock(current.startedAt, timeZone)}). ` +
        `Wait for it to finish (at the latest by ${until}), then run it again if something is still missing.`,
    );
  }
  const run: SetupRun = { by: email, startedAt: started };
  setProperty(PROPERTY_KEYS.setupRun, JSON.stringify(run));
  return run;
}

/** Marks this run's claim finished (left as it is when another run has claimed since). */
export function finishSetupRun(run: SetupRun, now: Date): void {
  const current = storedClaim();
  if (!current || current.by !== run.by || current.startedAt !== run.startedAt) return;
  setProperty(PROPERTY_KEYS.setupRun, JSON.stringify({ ...current, finishedAt: now.getTime() }));
}
