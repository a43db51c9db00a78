/**
 * The register's header row, remembered in the document cache for the edit trigger.
 *
 * Reading row 1 costs a Spreadsheet call, and the trigger runs on every edit with a budget of six.
 * The header changes rarely: setup, or an administrator renaming, moving, inserting or deleting a
 * column. Renaming is an edit (the trigger sees it and forgets the cache); moves, inserts and deletes
 * fire no edit event, so the cache is also *verified* on every use, for free, by the rows the trigger
 * reads anyway: each row carries its Last Known State, and the cells outside the edited range must
 * agree with it under the remembered layout. When they do not, the trigger reads row 1 again (one
 * more call, only after such a structural change) and goes on with the fresh layout.
 */
import {
  DATE_TIME_FIELDS,
  DATE_TIME_NUMBER_FORMAT,
  SYSTEM_FIELDS,
  registerLayout,
  type RegisterLayout,
} from '../../core/columns';
import { REGISTER_COLUMNS } from '../../core/model';
import { findRowStateColumn } from './row-state';
import { readHeaderRow } from './workbook';
import { documentCache } from './service-handles';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SHAPE_KEY = 'wo.register.header.v1';
const SHAPE_SECONDS = 21_600;

export interface RegisterShape {
  header: string[];
  layout: RegisterLayout;
  /** Index of the Last Known State column, -1 when setup has not added it yet. */
  stateIndex: number;
  /** Columns to read so that every owned column and the state column are included. */
  width: number;
  /** True when this came from the cache (and so may be stale). */
  cached: boolean;
}

function shapeOf(header: string[], cached: boolean): RegisterShape {
  return {
    header,
    layout: registerLayout(header),
    stateIndex: findRowStateColumn(header),
    width: Math.max(1, header.length),
    cached,
  };
}

/** The remembered header, or null. */
export function cachedRegisterShape(): RegisterShape | null {
  const text = documentCache()?.get(SHAPE_KEY);
  if (!text) return null;
  try {
    const header: unknown = JSON.parse(text);
    if (Array.isArray(header) && header.every((h) => typeof h === 'string'))
      return shapeOf(header as string[], true);
  } catch {
    // Treated as no cache.
  }
  return null;
}

/** Reads row 1 (one call) and remembers it. */
export function readRegisterShape(sheet: Sheet): RegisterShape {
  const header = readHeaderRow(sheet);
  rememberRegisterHeader(header);
  return shapeOf(header, false);
}

/**
 * Remembers a header row just read (Register.open shares what it read anyway: one Cache.put, no
 * Spreadsheet call; intake does not, see Register's OpenOptions).
 */
export function rememberRegisterHeader(header: readonly string[]): void {
  documentCache()?.put(SHAPE_KEY, JSON.stringify(header), SHAPE_SECONDS);
}

export function forgetRegisterShape(): void {
  documentCache()?.remove(SHAPE_KEY);
}

/**
 * How the register looks to the people who edit it (setup, on a new or an existing register): date
 * columns in the one date-time format, and the add-on's own columns hidden (core/columns.ts). Nothing
 * is moved or rewritten: columns stay where an administrator put them and are found by header.
 * Returns the headers of the columns it hid (none when they already were).
 */
export function presentRegister(sheet: Sheet, header: readonly string[]): string[] {
  const layout = registerLayout(header);
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  // Row 2 tells whether a column already has the format (one read): formatting every row of a large
  // register again on each setup would write a cell per row.
  const formats = sheet.getRange(2, 1, 1, Math.max(header.length, 1)).getNumberFormats()[0] ?? [];
  for (const field of DATE_TIME_FIELDS) {
    const index = layout.indexOf[field];
    if (index < 0 || formats[index] === DATE_TIME_NUMBER_FORMAT) continue;
    sheet.getRange(2, index + 1, rows, 1).setNumberFormat(DATE_TIME_NUMBER_FORMAT);
  }
  const hidden: string[] = [];
  for (const field of SYSTEM_FIELDS) {
    const index = layout.indexOf[field];
    if (index < 0 || sheet.isColumnHiddenByUser(index + 1)) continue;
    sheet.hideColumns(index + 1);
    hidden.push(REGISTER_COLUMNS[field]);
  }
  return hidden;
}
