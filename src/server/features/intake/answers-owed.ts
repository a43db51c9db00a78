/**
 * Answers to the add-on's own forms (the requestors' reply form, the technicians' update form) that no
 * form-submit execution recorded, found by the hourly job (hourly/missed-answers.ts) and owed to their
 * handlers. The job has no document, so no document lock to rewrite a register row under: it records
 * them here, in the installation owner's state, and the owner's next execution in the document that
 * holds the owner's lock applies them (./owed-answers.ts). Each is kept with a digest of its answers as
 * the job checked them against Google Forms, so a row changed since is never applied unchecked.
 */
import { sha256Hex } from '../../../core/sha256';
import { ANSWERS_OWED } from '../../adapters/change-log-handoff';
import { ownerKey, ownerProperties, readOwnerState, writeOwnerState } from '../../adapters/owner-state';

/** Owner state (per spreadsheet): the owed answers, as JSON. Edits look for it as for the hand-off. */
export { ANSWERS_OWED };
/** At most this many are owed at once (each is one row read and one handler run to settle). */
export const MAX_OWED = 20;

export interface OwedAnswer {
  sheetName: string;
  row: number;
  digest: string;
}

const isOwed = (v: unknown): v is OwedAnswer => {
  const o = v as Partial<OwedAnswer> | null;
  return (
    !!o &&
    typeof o.sheetName === 'string' &&
    Number.isInteger(o.row) &&
    (o.row as number) >= 2 &&
    typeof o.digest === 'string'
  );
};

export const sameRow = (a: { sheetName: string; row: number }, b: { sheetName: string; row: number }) =>
  a.sheetName === b.sheetName && a.row === b.row;

/** The answers owed (none when unreadable: the hourly job finds them again, as they are not in the ledger). */
export function readOwed(ssId: string): OwedAnswer[] {
  try {
    const parsed: unknown = JSON.parse(readOwnerState(ssId, ANSWERS_OWED) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isOwed) : [];
  } catch {
    return [];
  }
}

/**
 * Written under the owner's lock, which every reader that rewrites it holds. Deleted when nothing is
 * owed: an edit takes the owner's lock when the key is there (change-log-handoff.ts holdsHandOff).
 */
export function writeOwed(ssId: string, owed: readonly OwedAnswer[]): void {
  if (owed.length > 0) writeOwnerState(ssId, ANSWERS_OWED, JSON.stringify(owed));
  else ownerProperties().deleteProperty(ownerKey(ssId, ANSWERS_OWED));
}

/** The digest of a row's answers, as the job checked them and the replay reads them. */
export function answerDigest(namedValues: Readonly<Record<string, readonly string[]>>): string {
  return sha256Hex(JSON.stringify(namedValues));
}
