/**
 * Which report tabs Build reports has protected, by sheet id, kept in document properties (the
 * add-on's own state: a tab's name can be taken by anyone who makes a tab before the first build).
 * A tab of a report's name whose id is not recorded (made by someone else before the build, or
 * built before report tabs were protected) is protected before anything is written to it, and
 * recorded, so a technician cannot pre-make a report tab and keep typing over the figures in it.
 * One property read per build, one write only when a tab was protected.
 */
import * as z from '../../../core/validator';
import { PROPERTY_KEYS, getProperty, setProperty } from '../../adapters/document-properties';
import type { Sheet } from '../../adapters/apps-script-types';

const TabIdsSchema = z.lazySchema(() => z.array(z.number()));

export interface ReportTabGuard {
  /**
   * Protects the tab unless this build, or an earlier one, already did. True when the tab was found
   * and not recorded: until now someone else's, so whatever else they left on it goes too.
   */
  guard(sheet: Sheet, made: boolean): boolean;
  /** Records the tabs protected in this build (call once the tabs are written). */
  save(): void;
}

export function reportTabGuard(protect: (sheet: Sheet) => void): ReportTabGuard {
  const text = getProperty(PROPERTY_KEYS.reportTabIds);
  const known = new Set(text ? (z.parseStoredJson(TabIdsSchema, text) ?? []) : []);
  let added = false;
  return {
    guard(sheet, made) {
      const id = sheet.getSheetId();
      if (!made && known.has(id)) return false;
      protect(sheet);
      known.add(id);
      added = true;
      return !made;
    },
    save() {
      if (added) setProperty(PROPERTY_KEYS.reportTabIds, JSON.stringify([...known]));
    },
  };
}
