/**
 * The Google services the installation-owner, protection and take-over code needs (features never
 * name Google services): who runs this execution, the user's own triggers, the sheets' protections
 * (found, laid over a rectangle, moved), a confirmation, and a form's responses.
 */
import { effectiveUserEmail as sessionEffectiveUser } from './session';
import type { CellRect } from './edited-cells';
import type { Protection, Sheet, Spreadsheet, Trigger } from './apps-script-types';

/** The account whose rights this execution runs with (a trigger's owner, or the user), lower-cased. */
export function effectiveUserEmail(): string {
  return sessionEffectiveUser().trim().toLowerCase();
}

/** The container spreadsheet, or null (the hourly job has none). */
export function activeSpreadsheetOrNull(): Spreadsheet | null {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The sheet's own protection (SHEET), if any. */
export function sheetProtection(sheet: Sheet): Protection | undefined {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
}

/** Protects the whole sheet (one call) and returns the new protection. */
export function protectSheet(sheet: Sheet): Protection {
  return sheet.protect();
}

/** The sheet's range protections. */
export function rangeProtections(sheet: Sheet): Protection[] {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
}

/** Where a range protection lies (its range's coordinates: no round trip). */
export function protectedRect(protection: Protection): CellRect {
  const r = protection.getRange();
  return { row: r.getRow(), column: r.getColumn(), numRows: r.getNumRows(), numColumns: r.getNumColumns() };
}

/** Protects a rectangle of the sheet (one call) and returns the new protection. */
export function protectCells(sheet: Sheet, rect: CellRect): Protection {
  return sheet.getRange(rect.row, rect.column, rect.numRows, rect.numColumns).protect();
}

/** Moves a range protection onto another rectangle of the sheet (one call), its editors kept. */
export function moveProtection(protection: Protection, sheet: Sheet, rect: CellRect): void {
  protection.setRange(sheet.getRange(rect.row, rect.column, rect.numRows, rect.numColumns));
}

/** This user's triggers for the spreadsheet (a script sees and deletes only its user's triggers). */
export function ownTriggersFor(ss: Spreadsheet): Trigger[] {
  return ScriptApp.getUserTriggers(ss);
}

export function ownProjectTriggers(): Trigger[] {
  return ScriptApp.getProjectTriggers();
}

export function deleteOwnTrigger(trigger: Trigger): void {
  ScriptApp.deleteTrigger(trigger);
}

/** A Yes/No question; true only for Yes. */
export function confirmWithUser(title: string, message: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

export function tellUser(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** The responses of the form at `formUrl` submitted at or after `since`: timestamp and respondent. */
export function formResponsesSince(formUrl: string, since: Date): { at: Date; email: string }[] {
  return FormApp.openByUrl(formUrl)
    .getResponses(since)
    .map((r) => ({ at: new Date(r.getTimestamp().getTime()), email: r.getRespondentEmail() }));
}
