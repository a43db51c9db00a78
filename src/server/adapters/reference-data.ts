import { SHEET_NAMES, type StaffMember } from '../../core/model';
import { parseSettings, defaultSettings, type Settings } from '../../core/settings';
import { parseStaff } from '../../core/staff';
import { forgetSnapshot, readSnapshot, writeSnapshot } from './durable-snapshot';
import { parseReferenceSnapshot } from './reference-snapshot';
import { PROPERTY_KEYS } from './document-properties';
import { noteSender } from './sender';
import { documentPropertiesOrNull } from './service-handles';
import type { Spreadsheet } from './apps-script-types';
import { readTabValues } from './workbook';

/** Settings and Staff: small, read on almost every execution, changed rarely. */
export interface ReferenceData {
  settings: Settings;
  staff: StaffMember[];
  /** The spreadsheet's time zone: due dates, "same day" and email times are local to it. */
  timeZone: string;
  /** Readable problems found in the Settings and Staff tabs (shown to administrators, never fatal). */
  problems: string[];
  /**
   * The account whose triggers serve the spreadsheet (document property, see
   * features/setup/installation.ts); null before the first setup or outside a document.
   */
  installationOwner: string | null;
}

/** Where the snapshot lives in document properties (tests drop it after writing the tabs directly). */
export const REFERENCE_SNAPSHOT_KEY = PROPERTY_KEYS.referenceSnapshot;
/**
 * Edits to Settings/Staff drop the snapshot at once (edit trigger, setup); the age limit bounds drift
 * from changes no edit trigger sees: a Staff row deleted (how people remove someone), cells written
 * through the API. Within the hour, a removed person's register edits are still judged by their old
 * role (the sidebars and forms check the tab itself, currentStaff); the hourly job re-applies the
 * protections in the same hour (setup/protections.ts). A re-read costs the first execution of the hour
 * two sheet reads and a property write.
 */
const MAX_AGE_MS = 3_600_000;

/** Reads both tabs (no cache). Missing tabs fall back to defaults and say so. */
export function readReferenceData(ss: Spreadsheet): ReferenceData {
  const problems: string[] = [];
  const timeZone = ss.getSpreadsheetTimeZone();
  const settingsValues = readTabValues(ss, SHEET_NAMES.settings);
  let settings = defaultSettings();
  if (settingsValues) {
    const parsed = parseSettings(settingsValues, timeZone);
    settings = parsed.settings;
    problems.push(...parsed.problems);
  } else problems.push('The Settings tab is missing: defaults are in use until setup restores it.');
  const staffValues = readTabValues(ss, SHEET_NAMES.staff);
  let staff: StaffMember[] = [];
  if (staffValues) {
    const parsed = parseStaff(staffValues);
    staff = parsed.staff;
    problems.push(...parsed.problems);
  } else problems.push('The Staff tab is missing: nobody has a role until setup restores it.');
  const owner = documentPropertiesOrNull()?.getProperty(PROPERTY_KEYS.installationOwner) ?? null;
  return {
    settings,
    staff,
    timeZone,
    problems,
    installationOwner: owner ? owner.trim().toLowerCase() : null,
  };
}

/**
 * Settings and Staff through a snapshot in document properties (no Spreadsheet call when present).
 * Outside a document (the hourly job) there are no document properties, so the tabs are read directly.
 */
/**
 * What this execution already loaded (Apps Script starts each execution in a fresh global scope, so
 * this never outlives it); dropped by invalidateReferenceData when Staff or Settings change.
 */
let loadedThisExecution: ReferenceData | null = null;
/** Whether loadedThisExecution was read from the tabs in this execution, not taken from the snapshot. */
let readFromTabs = false;

export function loadReferenceData(ss: Spreadsheet): ReferenceData {
  if (loadedThisExecution) return loadedThisExecution;
  loadedThisExecution = loadFresh(ss);
  return loadedThisExecution;
}

function loadFresh(ss: Spreadsheet): ReferenceData {
  const now = Date.now();
  const stored = readSnapshot(REFERENCE_SNAPSHOT_KEY, MAX_AGE_MS, now);
  // An unreadable snapshot, or one of another shape, is read afresh below (./reference-snapshot.ts).
  const cached = stored ? parseReferenceSnapshot(stored) : null;
  if (cached) return withSender(ss, cached);
  const fresh = readReferenceData(ss);
  rememberReferenceData(fresh);
  return withSender(ss, fresh);
}

/**
 * The Staff tab as it is now, for a caller's rights before they change anything. A row deleted from
 * Staff (how people remove someone) fires no edit trigger, so the snapshot would keep a removed
 * supervisor's role for up to an hour; this reads the tab unless this execution just did. When the tab
 * no longer matches the snapshot, the snapshot is dropped, so every later execution reads it afresh.
 */
export function currentStaff(ss: Spreadsheet): StaffMember[] {
  const loaded = loadReferenceData(ss);
  if (readFromTabs) return loaded.staff;
  const values = readTabValues(ss, SHEET_NAMES.staff);
  // A missing tab: nobody has a role until setup restores it (as readReferenceData says).
  const staff = values ? parseStaff(values).staff : [];
  if (rightsKey(staff) !== rightsKey(loaded.staff)) invalidateReferenceData();
  return staff;
}

/**
 * The reference data with Staff as the tab has it now (currentStaff): what every caller about to change
 * something (a sidebar action, a My work step, an update-form answer) is judged by.
 */
export function referenceWithCurrentStaff(ss: Spreadsheet): ReferenceData {
  return { ...loadReferenceData(ss), staff: currentStaff(ss) };
}

/** Who has which role, in an order the snapshot's round trip cannot change. */
function rightsKey(staff: readonly StaffMember[]): string {
  return staff
    .map((m) => `${m.email.trim().toLowerCase()}|${m.role}|${m.active ? 1 : 0}|${m.name}`)
    .sort()
    .join('\n');
}

/** Every email's sender name and reply-to come from these Settings (adapters/sender.ts). */
function withSender(ss: Spreadsheet, data: ReferenceData): ReferenceData {
  noteSender(ss, data.settings);
  return data;
}

/** Stores what was just read, so the next execution starts warm (setup ends with this). */
export function rememberReferenceData(data: ReferenceData): void {
  loadedThisExecution = data;
  // Every caller passes what it has just read from the tabs.
  readFromTabs = true;
  writeSnapshot(REFERENCE_SNAPSHOT_KEY, JSON.stringify(data), Date.now());
}

export function invalidateReferenceData(): void {
  loadedThisExecution = null;
  readFromTabs = false;
  forgetSnapshot(REFERENCE_SNAPSHOT_KEY);
}
