import type { Spreadsheet, Trigger } from './apps-script-types';
/** Installable triggers (ScriptApp), for setup: the only code that creates or deletes them. */

export type SpreadsheetTriggerKind = 'formSubmit' | 'edit';

/** A trigger on this spreadsheet's form submissions or edits, calling `handler`. */
export function createSpreadsheetTrigger(
  handler: string,
  ss: Spreadsheet,
  kind: SpreadsheetTriggerKind,
): Trigger {
  const builder = ScriptApp.newTrigger(handler).forSpreadsheet(ss);
  return kind === 'formSubmit' ? builder.onFormSubmit().create() : builder.onEdit().create();
}

/** A time-driven trigger calling `handler` every hour. */
export function createHourlyTrigger(handler: string): Trigger {
  return ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
}

/** This user's triggers for this spreadsheet (an add-on sees only its own). */
export function userTriggers(ss: Spreadsheet): Trigger[] {
  return ScriptApp.getUserTriggers(ss);
}

export function deleteTrigger(trigger: Trigger): void {
  ScriptApp.deleteTrigger(trigger);
}
