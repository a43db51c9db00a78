/**
 * The spreadsheet's time zone, and the one the add-on recorded. Sheets keeps a date cell as a wall
 * clock in the spreadsheet's zone, so after File › Settings › Time zone changes, Apps Script reads
 * every date the add-on wrote as another instant: every register row would look changed outside Work
 * Orders and the Change Log's chain broken. The zone setup found is the trusted one: kept in document
 * properties, with a copy in the installation owner's properties for the hourly job, which has no
 * document (./owner-state).
 */
import type { Spreadsheet } from './apps-script-types';
import { PROPERTY_KEYS } from './document-properties';
import { readOwnerState, writeOwnerState } from './owner-state';
import { documentPropertiesOrNull } from './service-handles';

/** The owner's copy, per spreadsheet (ownerKey). */
export const ZONE_COPY = 'timeZone';

export interface SpreadsheetZones {
  /** What File › Settings says now. */
  live: string;
  /** What the add-on recorded; null before any setup recorded it. */
  recorded: string | null;
}

/** One Spreadsheet read and one property read (the document's, or the owner's copy without one). */
export function readSpreadsheetZones(ss: Spreadsheet): SpreadsheetZones {
  const live = ss.getSpreadsheetTimeZone();
  const props = documentPropertiesOrNull();
  const recorded = props
    ? props.getProperty(PROPERTY_KEYS.spreadsheetTimeZone)
    : readOwnerState(ss.getId(), ZONE_COPY);
  return { live, recorded };
}

/** Every date cell reads again as the instant it was written as (nothing is rewritten). */
export function putZoneBack(ss: Spreadsheet, zone: string): void {
  ss.setSpreadsheetTimeZone(zone);
}

/** Setup, in the document: the zone recorded when none is yet; returns the recorded one. */
export function recordSpreadsheetZone(ss: Spreadsheet, live: string): string {
  const props = documentPropertiesOrNull();
  if (!props) return live;
  const recorded = props.getProperty(PROPERTY_KEYS.spreadsheetTimeZone);
  if (recorded !== null) return recorded;
  props.setProperty(PROPERTY_KEYS.spreadsheetTimeZone, live);
  return live;
}

/** As the installation owner, in the document: the owner's copy brought in step (one read, a write when it differs). */
export function copyZoneToOwner(spreadsheetId: string): void {
  const recorded = documentPropertiesOrNull()?.getProperty(PROPERTY_KEYS.spreadsheetTimeZone) ?? null;
  if (recorded !== null && readOwnerState(spreadsheetId, ZONE_COPY) !== recorded)
    writeOwnerState(spreadsheetId, ZONE_COPY, recorded);
}
