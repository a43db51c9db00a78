/**
 * The shape check of the Settings/Staff snapshot read back from document properties
 * (./reference-data.ts), as plain predicates rather than a zod schema.
 *
 * Why: nearly every execution starts by reading this snapshot, and in a fresh Apps Script context zod
 * builds the Settings schema and runs its checks cold each time: about a fifth of a technician
 * edit's own CPU time and more of a submission's (sampled profiles). The values need no second
 * judging: only the add-on writes its document properties, it writes this one only from what it has
 * just parsed out of the Settings and Staff tabs (parseSettings, parseStaff: every rule of the
 * Settings schema applied there), and a torn write reads as missing (./chunked-property.ts). What can
 * still differ is the shape: a snapshot written by another version of the add-on, with a setting
 * added, dropped or of another type, or a role or unit this version does not know. That is what is
 * checked here, against the declarations themselves (the default settings' keys and types, ROLES,
 * COMPLETE_UNITS), so a setting added to the defaults is checked with no change here; a snapshot that
 * fails is read afresh from the tabs.
 */
import { ROLES } from '../../core/model';
import { isJsonObject, parseCheckedJson } from '../../core/validator';
import { COMPLETE_UNITS, defaultSettings } from '../../core/settings-model';
import type { ReferenceData } from './reference-data';

type Json = Record<string, unknown>;

const isText = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const nonEmpty = (v: unknown): boolean => isText(v) && v.trim() !== '';
const oneOf =
  (values: readonly string[]) =>
  (v: unknown): boolean =>
    isText(v) && values.includes(v);

function everyItem(v: unknown, check: (item: unknown) => boolean, atLeast = 0): boolean {
  return Array.isArray(v) && v.length >= atLeast && v.every(check);
}

const isPriority = (v: unknown): boolean =>
  isJsonObject(v) &&
  nonEmpty(v.name) &&
  (v.respondHours === null || isNumber(v.respondHours)) &&
  isNumber(v.completeWithin) &&
  oneOf(COMPLETE_UNITS)(v.completeUnit);

const isStaffMember = (v: unknown): boolean =>
  isJsonObject(v) &&
  isText(v.email) &&
  isText(v.name) &&
  oneOf(ROLES)(v.role) &&
  typeof v.active === 'boolean';

/** The settings: exactly the defaults' keys, each scalar of the default's type, and the three lists. */
function isSettings(v: unknown): boolean {
  if (!isJsonObject(v)) return false;
  const model = defaultSettings() as unknown as Json;
  const keys = Object.keys(model);
  if (Object.keys(v).length !== keys.length) return false;
  for (const key of keys) {
    const value = v[key];
    if (key === 'categories') {
      if (!everyItem(value, nonEmpty, 1)) return false;
    } else if (key === 'locations') {
      if (!everyItem(value, nonEmpty)) return false;
    } else if (key === 'priorities') {
      if (!everyItem(value, isPriority, 1)) return false;
    } else if (typeof value !== typeof model[key] || (isNumber(model[key]) && !isNumber(value))) return false;
  }
  return true;
}

function isReferenceData(v: unknown): v is ReferenceData {
  return (
    isJsonObject(v) &&
    Object.keys(v).length === 5 &&
    isSettings(v.settings) &&
    everyItem(v.staff, isStaffMember) &&
    nonEmpty(v.timeZone) &&
    everyItem(v.problems, isText) &&
    (v.installationOwner === null || isText(v.installationOwner))
  );
}

/** The snapshot's JSON when it has the shape this version writes, else null (then the tabs are read). */
export function parseReferenceSnapshot(text: string): ReferenceData | null {
  return parseCheckedJson(text, isReferenceData);
}
