/**
 * The locks of a register edit, and how long it keeps them.
 *
 * The trigger runs as the administrator who set up, as does the hourly job, which has no document lock
 * (see owner-state.ts). But the job never appends to the change log (it hands its rows off,
 * change-log-handoff.ts) nor rewrites a register row, and an edit touches none of the owner's state
 * (request counter, intake ledger): the owner's user lock serializes only the hand-off. So an edit
 * takes the document lock alone, and appends the hand-off only when it finds one and the owner's lock
 * is free at that instant (tryOwnerLockWithinDocumentLock: a try that never waits cannot deadlock).
 *
 * The hourly job's owed form answers are handed off the same way (intake/owed-answers.ts): an edit that
 * took the owner's lock applies them after its own work.
 *
 * Looking costs a round trip to the owner's properties (getKeys), and hand-offs come at most once an
 * hour, so an edit looks only when no edit looked in the last HAND_OFF_LOOK_EVERY_MS: the time of the
 * last look is a document property, read for free from the store's one read under the lock
 * (document-properties-memo.ts) and recorded in the change-log checkpoint's round trip. Entries handed
 * off wait at most that long for an edit to append them (a form submission appends them at once), and
 * are never lost meanwhile: they stay in the owner's properties until appended.
 *
 * The document lock is kept to the trigger's end (keepToExit in document-lock.ts), when Apps Script
 * gives it back, unless emails follow: judging, writing and logging are nearly all the trigger does,
 * and a release is a round trip. When emails follow, releasing their intent (releaseMailIntent in
 * change-log-mail.ts) deletes it under the kept lock and then gives the lock back, before sending.
 */
import { handOffWaiting } from '../../adapters/change-log';
import { handOffLookRecord } from '../../adapters/change-log-handoff';
import { tryOwnerLockWithinDocumentLock, withDocumentLock } from '../../adapters/document-lock';
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { replayOwedAnswers } from '../intake/owed-answers';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** How long after an edit looked for the hourly job's hand-off the next edits skip the look. */
export const HAND_OFF_LOOK_EVERY_MS = 10 * 60_000;

/** The hand-off look of one edit (see above). */
export interface HandOffLook {
  /**
   * Looks when due, and takes the owner's lock when something waits and the lock is free, so that the
   * edit's change-log append takes the hand-off in. Returns what to record with the log's checkpoint.
   */
  join(): Readonly<Record<string, string>>;
}

/** Runs the locked part of a register edit under the document lock, with the hand-off look (see above). */
export function withEditLocks<T>(ss: Spreadsheet, now: Date, body: (handOff: HandOffLook) => T): T {
  return withDocumentLock(
    () => {
      let release: (() => void) | null = null;
      const look: HandOffLook = {
        join: () => {
          const joined = joinHandOff(ss, now);
          release = joined.release;
          return joined.record;
        },
      };
      try {
        const result = body(look);
        if ((release as (() => void) | null) !== null) replayOwed(ss);
        return result;
      } finally {
        (release as (() => void) | null)?.();
      }
    },
    { keepToExit: true },
  );
}

/** Whether an edit looked for a hand-off less than HAND_OFF_LOOK_EVERY_MS before `now`. */
export function lookedRecently(lookedAt: string | null, now: Date): boolean {
  const at = Number(lookedAt);
  if (lookedAt === null || !Number.isFinite(at)) return false;
  const age = now.getTime() - at;
  // A time ahead of the clock (set by a clock that ran ahead) counts as no look at all.
  return age >= 0 && age < HAND_OFF_LOOK_EVERY_MS;
}

/**
 * The reply and update-form answers the hourly job owes (intake/owed-answers.ts), applied once the edit's
 * own work is done, under the owner's lock the edit joined for the hand-off. A failure there is reported
 * and leaves them owed: it must not fail (and so put back) the edit, which is done and logged.
 */
function replayOwed(ss: Spreadsheet): void {
  try {
    replayOwedAnswers(ss);
  } catch (error) {
    console.error(`Work Orders could not apply the form answers owed: ${String(error)}`);
  }
}

function joinHandOff(
  ss: Spreadsheet,
  now: Date,
): { record: Readonly<Record<string, string>>; release: (() => void) | null } {
  const props = documentPropertiesOrNull();
  if (!props || lookedRecently(props.getProperty(PROPERTY_KEYS.handOffLookedAt), now))
    return { record: {}, release: null };
  const looked = handOffLookRecord(now);
  if (!handOffWaiting(ss.getId())) return { record: looked, release: null };
  const release = tryOwnerLockWithinDocumentLock();
  // Busy (the hourly job or a submission holds it): the look is not recorded, so the next edit looks again.
  return release ? { record: looked, release } : { record: {}, release: null };
}
