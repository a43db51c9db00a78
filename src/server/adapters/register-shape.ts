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
import { registerLayout, type RegisterLayout } from '../../core/columns';
import { findRowStateColumn } from './row-state';
import { readHeaderRow } from './workbook';
import { documentCache } from './service-handles';
import type { Sheet } from './apps-script-types';

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
