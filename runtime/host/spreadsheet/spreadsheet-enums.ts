/**
 * SpreadsheetApp's enums as scripts see them: objects, one per value (../gas-enum.ts). The runtime
 * keeps names internally (a protection's type is 'RANGE'); these turn them into the script's values
 * at the boundary, and the script's values back into names.
 */
import { gasEnum } from '../gas-enum';
import { DataValidationCriteria } from './validation-rules';
import { BOOLEAN_CRITERIA_ENUM } from './conditional-format-model';

const table = <N extends string>(...names: N[]): Record<N, N> =>
  Object.fromEntries(names.map((n) => [n, n])) as Record<N, N>;

export const DATA_VALIDATION_CRITERIA = gasEnum(
  'SpreadsheetApp.DataValidationCriteria',
  DataValidationCriteria,
);
export const BOOLEAN_CRITERIA_TYPE = gasEnum('SpreadsheetApp.BooleanCriteria', BOOLEAN_CRITERIA_ENUM);
export const GROUP_CONTROL_TOGGLE_POSITION = gasEnum(
  'SpreadsheetApp.GroupControlTogglePosition',
  table('BEFORE', 'AFTER'),
);
export const PROTECTION_TYPE = gasEnum('SpreadsheetApp.ProtectionType', table('RANGE', 'SHEET'));
/** Reference order: GRID, OBJECT, DATASOURCE. Sheets here are all grids. */
export const SHEET_TYPE = gasEnum('SpreadsheetApp.SheetType', table('GRID', 'OBJECT', 'DATASOURCE'));
export const WRAP_STRATEGY = gasEnum('SpreadsheetApp.WrapStrategy', table('WRAP', 'OVERFLOW', 'CLIP'));

/** SpreadsheetApp's static properties. */
export const SPREADSHEET_APP_ENUMS = {
  BooleanCriteria: BOOLEAN_CRITERIA_TYPE,
  DataValidationCriteria: DATA_VALIDATION_CRITERIA,
  GroupControlTogglePosition: GROUP_CONTROL_TOGGLE_POSITION,
  ProtectionType: PROTECTION_TYPE,
  SheetType: SHEET_TYPE,
  WrapStrategy: WRAP_STRATEGY,
};
