/**
 * How the register looks to the people who edit it, set by every setup on a new or an existing
 * register: the one date-time format on its date columns (core/time.ts), the add-on's own columns
 * grouped and collapsed, and its colours (core/register-colours.ts). Nothing is moved or rewritten:
 * columns stay where an administrator put them and are found by header. A register in use keeps its
 * column order (moving columns under people's filters, formulas and open edits is not worth the
 * risk); its add-on columns fold away instead, so the technician's columns sit among those shown.
 */
import { DATE_TIME_FIELDS, SYSTEM_FIELDS, registerLayout } from '../../../core/columns';
import { DATE_TIME_NUMBER_FORMAT } from '../../../core/time';
import { registerColourRules } from '../../../core/register-colours';
import type { Settings } from '../../../core/settings';
import { findRowStateColumn } from '../../adapters/row-state';
import { readHeaderRow } from '../../adapters/workbook';
import { applyColourRules } from '../../adapters/register-colours';
import {
  applyColumnFormats,
  foldColumns,
  groupColumns,
  readColumnFolding,
  rowNumberFormats,
  rowsBelowHeader,
} from '../../adapters/column-rules';
import type { Sheet } from '../../adapters/apps-script-types';

interface Notes {
  repaired: string[];
}

/**
 * Formats, groups and colours the register.
 * `report` is null for a register setup has just created: nothing there is a repair worth reporting.
 */
export function presentRegister(sheet: Sheet, settings: Settings, report: Notes | null): void {
  // Read after setup added any missing column and the row-state column.
  const header = readHeaderRow(sheet);
  formatDateColumns(sheet, header);
  const hidden = foldSystemColumns(sheet, header);
  if (hidden.length > 0)
    report?.repaired.push(`hid the add-on's own register columns (${hidden.join(', ')})`);
  if (applyColours(sheet, header, settings))
    report?.repaired.push('Work Orders: set the register’s colours for status, priority and overdue');
}

/** The change log's Timestamp column (the first: the log is written by position) in the one format. */
export function presentChangeLog(sheet: Sheet | null): void {
  if (!sheet) return;
  formatColumns(sheet, [0], 1);
}

function formatDateColumns(sheet: Sheet, header: readonly string[]): void {
  const layout = registerLayout(header);
  const indexes = DATE_TIME_FIELDS.map((f) => layout.indexOf[f]).filter((i) => i >= 0);
  formatColumns(sheet, indexes, Math.max(header.length, 1));
}

/**
 * Row 2 tells whether a column already has the format (one read): formatting every row of a large
 * sheet again on each setup would write a cell per row.
 */
function formatColumns(sheet: Sheet, indexes: readonly number[], width: number): void {
  if (indexes.length === 0) return;
  const rows = rowsBelowHeader(sheet);
  const formats = rowNumberFormats(sheet, 2, width);
  const unformatted = indexes.filter((index) => formats[index] !== DATE_TIME_NUMBER_FORMAT);
  applyColumnFormats(
    sheet,
    rows,
    unformatted.map((index) => [index, DATE_TIME_NUMBER_FORMAT] as const),
  );
}

/** Runs of adjacent columns, as 1-based [first, last]. */
function runsOf(columns: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const c of [...columns].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/**
 * The add-on's own columns (core/columns.ts SYSTEM_FIELDS and Last Known State) put in a column group
 * and collapsed: one click on the group's toggle shows them, and they fold back the same way. Grouped
 * only where not grouped yet (a re-run adds no depth); collapsed when any of them shows. A wider group
 * someone made around them is left as it is: then only the add-on's columns are hidden.
 * Returns the headers of the columns it hid.
 */
function foldSystemColumns(sheet: Sheet, header: readonly string[]): string[] {
  const layout = registerLayout(header);
  const columns = SYSTEM_FIELDS.map((f) => layout.indexOf[f] + 1).filter((c) => c > 0);
  const stateColumn = findRowStateColumn(header) + 1;
  if (stateColumn > 0) columns.push(stateColumn);
  const hidden: string[] = [];
  for (const [first, last] of runsOf(columns)) {
    const { ungrouped, shown } = readColumnFolding(sheet, first, last);
    for (const [a, b] of runsOf(ungrouped)) groupColumns(sheet, a, b);
    if (shown.length === 0) continue;
    foldColumns(sheet, first, last);
    for (const c of shown) hidden.push(header[c - 1] ?? '');
  }
  return hidden;
}

/** The register's colours for its layout and the Settings' priorities (adapters/register-colours.ts). True when written. */
function applyColours(sheet: Sheet, header: readonly string[], settings: Settings): boolean {
  const layout = registerLayout(header);
  const specs = registerColourRules(
    layout,
    settings.priorities.map((p) => p.name),
  );
  return applyColourRules(
    sheet,
    specs.map((rule) => ({ rule, column: layout.indexOf[rule.field] + 1 })),
  );
}
