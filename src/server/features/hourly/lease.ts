import { ownerKey, ownerProperties, readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import { withUserLock } from '../../adapters/document-lock';

const LEASE = 'hourlyLease';
/** Longer than Apps Script's 6-minute limit: a run that died is presumed gone after this. */
const LEASE_MS = 7 * 60_000;

/**
 * One hourly job at a time per spreadsheet (the trigger and "Run hourly checks now" both run as the
 * owner): taken and released under the owner's user lock, but not held during the job, so form
 * submissions and edits (which take that lock) never wait for the mail the job sends.
 */
export function takeLease(spreadsheetId: string, now: Date): boolean {
  return withUserLock(() => {
    const until = Number(readOwnerState(spreadsheetId, LEASE));
    if (Number.isFinite(until) && until > now.getTime()) return false;
    writeOwnerState(spreadsheetId, LEASE, String(now.getTime() + LEASE_MS));
    return true;
  });
}

export function releaseLease(spreadsheetId: string): void {
  ownerProperties().deleteProperty(ownerKey(spreadsheetId, LEASE));
}
