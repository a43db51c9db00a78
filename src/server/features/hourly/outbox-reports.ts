/**
 * What the drain found wrong in the Outbox, made visible to the administrators (an Errors row each
 * time; an email at most once a day per kind of finding): rows refused, emails removed before they
 * were sent, statuses changed by hand, messages that failed for good.
 */
import { reportProblem } from '../errors/report';
import type { DrainResult } from '../../adapters/outbox';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export function reportDrain(ss: Spreadsheet, source: string, drained: DrainResult, now: Date): void {
  if (drained.refused > 0) {
    // Someone typed or edited Outbox rows: at most one email a day about it (fixed key), an Errors row each time.
    reportProblem(
      ss,
      {
        source,
        message: `${drained.refused} Outbox row(s) were not written by Work Orders as they stand (typed or edited by hand): marked Refused and not sent.`,
        key: 'outbox rows refused',
      },
      now,
    );
  }
  if (drained.removed.length > 0) {
    // The drain settles each number once reported: every removal is reported once (an Errors row;
    // an email at most once a day, like the other Outbox reports).
    const shown = drained.removed.slice(0, 20);
    const more = drained.removed.length - shown.length;
    reportProblem(
      ss,
      {
        source,
        message:
          shown
            .map((seq) => `Queued email #${seq} was removed from the Outbox before it was sent.`)
            .join(' ') + (more > 0 ? ` And ${more} more.` : ''),
        key: 'outbox rows removed',
      },
      now,
    );
  }
  if (drained.restored + drained.reopened > 0) {
    reportProblem(
      ss,
      {
        source,
        message:
          `The Status of ${drained.restored + drained.reopened} Outbox row(s) was changed by hand: ` +
          `${drained.restored} already sent (or put in a digest) set back to be sent again, put back and not sent; ` +
          `${drained.reopened} still owed marked as done, sent anyway.`,
        key: 'outbox status changed',
      },
      now,
    );
  }
  for (const f of drained.failed) {
    reportProblem(
      ss,
      {
        source,
        message: `${f.tab} row ${f.row} ("${f.subject}") could not be sent: ${f.error}. Fix the address and set its Status back to Queued to retry.`,
      },
      now,
    );
  }
}
