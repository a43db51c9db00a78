import { ROLES, SHEET_NAMES, type StaffMember } from '../../core/model';
import { parseSettings, defaultSettings, SettingsSchema, type Settings } from '../../core/settings';
import { parseStaff } from '../../core/staff';
import { z } from 'zod';
import { documentCache } from './service-handles';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Settings and Staff: small, read on almost every execution, changed rarely. */
export interface ReferenceData {
  settings: Settings;
  staff: StaffMember[];
  /** The spreadsheet's time zone: due dates, "same day" and email times are local to it. */
  timeZone: string;
  /** Readable problems found in the Settings and Staff tabs (shown to administrators, never fatal). */
  problems: string[];
}

const CACHE_KEY = 'wo.reference.v1';
/** Edits to Settings/Staff clear the cache at once (edit trigger, setup): the TTL (CacheService's longest) only bounds drift from changes no trigger sees. */
const CACHE_SECONDS = 21_600;

/** The cached snapshot is re-validated like anything else read back. */
const CachedSchema = z.object({
  settings: SettingsSchema,
  staff: z.array(z.object({ email: z.string(), name: z.string(), role: z.enum(ROLES), active: z.boolean() })),
  timeZone: z.string().min(1),
  problems: z.array(z.string()),
});

function readSheetValues(ss: Spreadsheet, name: string): unknown[][] | null {
  const sheet = ss.getSheetByName(name);
  return sheet ? sheet.getDataRange().getValues() : null;
}

/** Reads both tabs (no cache). Missing tabs fall back to defaults and say so. */
export function readReferenceData(ss: Spreadsheet): ReferenceData {
  const problems: string[] = [];
  const settingsValues = readSheetValues(ss, SHEET_NAMES.settings);
  let settings = defaultSettings();
  if (settingsValues) {
    const parsed = parseSettings(settingsValues);
    settings = parsed.settings;
    problems.push(...parsed.problems);
  } else problems.push('The Settings tab is missing: defaults are in use until setup restores it.');
  const staffValues = readSheetValues(ss, SHEET_NAMES.staff);
  let staff: StaffMember[] = [];
  if (staffValues) {
    const parsed = parseStaff(staffValues);
    staff = parsed.staff;
    problems.push(...parsed.problems);
  } else problems.push('The Staff tab is missing: nobody has a role until setup restores it.');
  return { settings, staff, timeZone: ss.getSpreadsheetTimeZone(), problems };
}

/**
 * Settings and Staff through the document cache (no Spreadsheet call when warm). Outside a document
 * (the hourly job) there is no document cache, so the tabs are read directly.
 */
export function loadReferenceData(ss: Spreadsheet): ReferenceData {
  const cache = documentCache();
  const cached = cache?.get(CACHE_KEY);
  if (cached) {
    const parsed = CachedSchema.safeParse(JSON.parse(cached));
    if (parsed.success) return parsed.data;
  }
  const fresh = readReferenceData(ss);
  const json = JSON.stringify(fresh);
  if (cache && json.length < 90_000) cache.put(CACHE_KEY, json, CACHE_SECONDS);
  return fresh;
}

export function invalidateReferenceData(): void {
  documentCache()?.remove(CACHE_KEY);
}
