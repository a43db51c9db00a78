/**
 * The seal on a row's record (core/row-state-codec.ts): SEAL_CHARS characters of an HMAC keyed with
 * the add-on's secret over the record's body, bound to the record's order. The record sits in a
 * sheet, where any editor's script can write it along with the cells it vouches for (Assignee =
 * TECH2 in both); only the add-on can seal it, so a record it did not write reads as no record at all
 * (row-state.ts parseRowState), and every reader treats that as it treats an unreadable record: an
 * action on the row is refused (./row-state-agreement), Verify audit log names the row and puts it
 * back from the change log.
 *
 * Records written before seals existed (unsealed compact 'W|' ones and version-1 JSON) are accepted
 * only until setup has sealed every record the rows have (./row-state-backfill-runs backfillRowStates,
 * in its first run, even when the rows without one take several) and recorded so in
 * the document property PROPERTY_KEYS.rowStatesSealed; from then on an unsealed record is no record
 * either, so writing one is no way around the seal. A workbook set up afresh is sealed from the start.
 * The hourly job, which has no document, reads a copy of that flag in the installation owner's state.
 *
 * Without a key (the secret does not exist yet, or a host's own code that handed over none with
 * useRowStateKey) records are written unsealed, as before, and a sealed one cannot be checked: it is
 * then not accepted.
 */
import type { Sealer } from '../../core/row-state-codec';
import { SEAL_CHARS } from '../../core/row-state-codec';
import type { HmacKey } from '../../core/sha256';
import type { Properties } from './apps-script-types';
import { PROPERTY_KEYS } from './document-properties';
import { readOwnerState } from './owner-state';
import { keyedChars, rowStateKey } from './row-state-prints';
import { documentPropertiesOrNull } from './service-handles';

function sealOf(key: HmacKey, id: string, body: string): string {
  return keyedChars(key, `row-state-seal\n${id}\n`, body, SEAL_CHARS);
}

/** The sealer for the order's records, or null when no key is at hand (records stay unsealed). */
export function sealerFor(id: string): Sealer | null {
  const key = rowStateKey();
  return key ? (body) => sealOf(key, id, body) : null;
}

/**
 * Seals already checked in this execution, by record text, for the key they were checked with: an
 * edit reads a row's record several times, and the text cache in row-state.ts hands back the same
 * record each time, so one HMAC per record and execution. Bounded like that cache.
 */
const checked = new Map<string, boolean>();
let checkedWith: HmacKey | null = null;
const CHECKED_KEPT = 1_000;

/** Whether `cell`'s seal (`mac` over `body`, for order `id`) is the add-on's; false with no key. */
export function sealHolds(cell: string, id: string, seal: { mac: string; body: string }): boolean {
  const key = rowStateKey();
  if (key === null) return false;
  if (key !== checkedWith) {
    checked.clear();
    checkedWith = key;
  }
  let holds = checked.get(cell);
  if (holds === undefined) {
    holds = sealOf(key, id, seal.body) === seal.mac;
    if (checked.size >= CHECKED_KEPT) checked.clear();
    checked.set(cell, holds);
  }
  return holds;
}

/** This execution's answer: whether every row has been sealed (never goes back to false). */
let sealedInstallation: boolean | undefined;

/**
 * Owner state (per spreadsheet): a copy of the document's sealed flag in the installation owner's
 * properties, for the hourly job, which has no document to read the flag from. Written by the owner's
 * own executions in the document: setup and take-over, and intake with the counter it writes anyway.
 */
export const SEALED_COPY = 'rowStatesSealed';

/** The hourly job's spreadsheet, whose owner's copy of the flag stands for the document's. */
let ownersCopyOf: string | null = null;

/**
 * The hourly job (no document): an unsealed record is judged by the installation owner's copy of the
 * sealed flag of `spreadsheetId`, read only when one is met (in a sealed workbook no honest reader
 * meets one, so no round trip in an honest hour).
 */
export function judgeUnsealedByOwnersCopy(spreadsheetId: string): void {
  ownersCopyOf = spreadsheetId;
}

/**
 * Whether a record without a seal is still accepted: until setup has sealed every row. Read once per
 * execution, and only when an unsealed record is met (in a sealed workbook no honest reader meets
 * one): no round trip for a workbook whose records are sealed. With no document, the hourly job asks
 * the owner's copy (judgeUnsealedByOwnersCopy); a workbook whose owner has no copy yet (sealed
 * before copies were kept, and no request or setup since), and a host's own code, accept them.
 */
export function unsealedAccepted(): boolean {
  if (sealedInstallation === undefined) {
    let props: Properties | null;
    try {
      props = documentPropertiesOrNull();
    } catch {
      return true; // no Apps Script services here (a host's own code)
    }
    if (props) sealedInstallation = props.getProperty(PROPERTY_KEYS.rowStatesSealed) !== null;
    else if (ownersCopyOf !== null) sealedInstallation = readOwnerState(ownersCopyOf, SEALED_COPY) !== null;
    else return true;
  }
  return !sealedInstallation;
}

/**
 * In the installation owner's execution in the document: the owner's copy of the sealed flag to write,
 * `{ [SEALED_COPY]: flag }`, when the document has the flag and `copy` (the owner's, as read) is missing;
 * else nothing. Intake adds it to the owner write it makes anyway; setup and take-over write it
 * with the register's id (owner-copies.ts).
 */
export function sealedCopyOwed(copy: string | null): Record<string, string> {
  const sealed = documentPropertiesOrNull()?.getProperty(PROPERTY_KEYS.rowStatesSealed) ?? null;
  return sealed !== null && copy === null ? { [SEALED_COPY]: sealed } : {};
}

/** Setup sealed every row: from now on an unsealed record is refused (stored once, never removed). */
export function markRowStatesSealed(now: Date): void {
  const props = documentPropertiesOrNull();
  if (!props) return;
  if (props.getProperty(PROPERTY_KEYS.rowStatesSealed) === null)
    props.setProperty(PROPERTY_KEYS.rowStatesSealed, now.toISOString());
  sealedInstallation = true;
}
