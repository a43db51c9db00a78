import { userProperties } from './service-handles';

/**
 * State shared between this spreadsheet's trigger executions and the hourly job.
 *
 * An add-on's time-driven trigger runs with no container document: there, getDocumentProperties()
 * and getDocumentLock() return null. The form-submit, edit and hourly triggers are all created by the
 * same administrator during setup and all run as that user, so the request counter and the intake
 * ledger live in *that user's* properties, namespaced by spreadsheet id, and are guarded by that
 * user's lock (plus the document lock where one exists).
 */
export function ownerKey(spreadsheetId: string, name: string): string {
  return `wo.${spreadsheetId}.${name}`;
}

export function ownerProperties(): GoogleAppsScript.Properties.Properties {
  return userProperties();
}

export function readOwnerState(spreadsheetId: string, name: string): string | null {
  return ownerProperties().getProperty(ownerKey(spreadsheetId, name));
}

/**
 * Several of the owner's values for this spreadsheet in one round trip (intake reads its ledger and
 * counter together): the Properties service has no get-by-keys, so this reads the owner's whole store
 * with getProperties(). It holds a handful of keys per spreadsheet the owner set up (the hourly job's
 * chunked reminder state the largest), never more than the service's 500 KB per store: a larger
 * answer, but one round trip instead of one per value. Missing values are null.
 */
export function readOwnerStates<N extends string>(
  spreadsheetId: string,
  names: readonly N[],
): Record<N, string | null> {
  const all = ownerProperties().getProperties();
  lastRead = all;
  lastSeen = all;
  const out = {} as Record<N, string | null>;
  for (const name of names) out[name] = all[ownerKey(spreadsheetId, name)] ?? null;
  return out;
}

export function writeOwnerState(spreadsheetId: string, name: string, value: string): void {
  ownerProperties().setProperty(ownerKey(spreadsheetId, name), value);
  if (lastRead) lastRead[ownerKey(spreadsheetId, name)] = value;
  if (lastSeen && lastSeen !== lastRead) lastSeen[ownerKey(spreadsheetId, name)] = value;
}

/**
 * Several of the owner's values for this spreadsheet in one round trip (setProperties): intake writes
 * its counter with its pending acknowledgment, and its ledger with that acknowledgment's release.
 */
export function writeOwnerStates(spreadsheetId: string, values: Readonly<Record<string, string>>): void {
  const keyed: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) keyed[ownerKey(spreadsheetId, name)] = value;
  ownerProperties().setProperties(keyed);
  for (const [key, value] of Object.entries(keyed)) {
    if (lastRead) lastRead[key] = value;
    if (lastSeen && lastSeen !== lastRead) lastSeen[key] = value;
  }
}

/** The owner's whole store as first read in this execution, for a look-up that must cost no round trip. */
let lastSeen: Record<string, string> | null = null;

/** A key of the owner's store as read earlier in this execution (null: absent), or undefined when it was not read. */
export function peekOwnerProperty(key: string): string | null | undefined {
  return lastSeen ? (lastSeen[key] ?? null) : undefined;
}

/** The owner's whole store as readOwnerStates last read it in this execution (kept current by writeOwnerState). */
let lastRead: Record<string, string> | null = null;

/**
 * What readOwnerStates read earlier in this execution under the same lock (intake reads it first), or
 * null. Single use, so a later caller never gets an old copy.
 */
export function takeOwnerProperties(): Record<string, string> | null {
  const all = lastRead;
  lastRead = null;
  return all;
}

/** Which spreadsheet each of this user's hourly triggers works on (trigger uid → spreadsheet id). */
export const HOURLY_TRIGGER_MAP = 'wo.hourly.triggers';
