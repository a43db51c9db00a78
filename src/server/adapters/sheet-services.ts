import type { Spreadsheet } from './apps-script-types';
/**
 * Spreadsheet service calls features need that are not a method of a sheet or range they hold:
 * opening by id, the data-validation builder, chart types.
 */

/** The spreadsheet with this id (the hourly job runs with no active document). */
export function openSpreadsheet(id: string): Spreadsheet {
  return SpreadsheetApp.openById(id);
}

/** A drop-down of `values` with help text; `strict` rejects other input, otherwise it is only flagged. */
export function listValidation(
  values: readonly string[],
  help: string,
  strict: boolean,
): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList([...values], true)
    .setAllowInvalid(!strict)
    .setHelpText(help)
    .build();
}

export type ChartKind = 'line' | 'column' | 'bar';

export function chartType(kind: ChartKind): GoogleAppsScript.Charts.ChartType {
  switch (kind) {
    case 'line':
      return Charts.ChartType.LINE;
    case 'column':
      return Charts.ChartType.COLUMN;
    case 'bar':
      return Charts.ChartType.BAR;
  }
}
