/**
 * The type Range.getValue(s) returns follows the cell's number format. Sheets has no date type: a
 * date is a serial day number shown with a date format (Sheets help "DATE": "Google Sheets uses the
 * 1900 date system"; Sheets API DateTimeRenderOption SERIAL_NUMBER: dates are "days since December
 * 30th 1899", the time "a fraction of the day"). Apps Script's Range.getValues ("Values may be of type
 * Number, Boolean, Date, or String, depending on the value of the cell") turns a number under a date,
 * time, date-time or duration format into a Date (the serial read as a wall clock in the
 * spreadsheet's time zone, so a bare time is a Date on 30 December 1899), and a date under a plain
 * number format ("0.00", "#,##0", a currency) into its serial number. Under the automatic format and
 * plain text ("@") the value is what was written.
 *
 * A read of 100,000 rows must not parse formats per cell: a style's kind is worked out once per
 * interned style object (./style interns them) and cached beside it.
 */
import type { Layer } from './layer';
import type { Rect } from './rect';
import type { CellStyle } from './style';
import type { CellValue } from './values';
import { AUTOMATIC_FORMAT, PLAIN_TEXT_FORMAT, isDateFormat, toSerial } from './number-format';
import { serialToDate } from './formula-value';

/** 'keep': the value as written; 'date': numbers read as Dates; 'number': Dates read as serials. */
export type FormatKind = 'keep' | 'date' | 'number';

const kindsByFormat = new Map<string, FormatKind>();
const kindsByStyle = new WeakMap<CellStyle, FormatKind>();

/** What a number format makes of a value's type (parsed once per format string). */
export function formatKind(format: string | undefined): FormatKind {
  if (format === undefined) return 'keep';
  let kind = kindsByFormat.get(format);
  if (kind === undefined) {
    const automatic = format === '' || format === AUTOMATIC_FORMAT || format.toLowerCase() === 'general';
    kind = automatic || format === PLAIN_TEXT_FORMAT ? 'keep' : isDateFormat(format) ? 'date' : 'number';
    if (kindsByFormat.size > 10_000) kindsByFormat.clear();
    kindsByFormat.set(format, kind);
  }
  return kind;
}

function styleKind(style: CellStyle | undefined): FormatKind {
  if (style === undefined) return 'keep';
  let kind = kindsByStyle.get(style);
  if (kind === undefined) {
    kind = formatKind(style.numberFormat);
    kindsByStyle.set(style, kind);
  }
  return kind;
}

/** One value as its cell's format types it. */
export function typedValue(value: CellValue, kind: FormatKind, timeZone: string): CellValue {
  if (kind === 'date' && typeof value === 'number') return serialToDate(value, timeZone);
  if (kind === 'number' && value instanceof Date) return toSerial(value, timeZone);
  return value;
}

/** One cell (1-based) of a read, typed by its style. */
export function typedCell(
  styles: Layer<CellStyle>,
  row: number,
  column: number,
  value: CellValue,
  timeZone: string,
): CellValue {
  return typedValue(value, styleKind(styles.get(row - 1, column - 1)), timeZone);
}

/**
 * Retypes a values read (`out`, the cells of `rect`) in place by each cell's number format, walking
 * only rows that have styles and skipping a run of cells that share one style object.
 */
export function typeByFormat(
  styles: Layer<CellStyle>,
  rect: Rect,
  out: CellValue[][],
  timeZone: string,
): CellValue[][] {
  const end = Math.min(rect.row - 1 + rect.numRows, styles.rows.length);
  let lastStyle: CellStyle | undefined;
  let lastKind: FormatKind = 'keep';
  for (let r0 = rect.row - 1; r0 < end; r0++) {
    const styleRow = styles.rows[r0];
    if (!styleRow) continue;
    const line = out[r0 - rect.row + 1]!;
    const stop = Math.min(rect.column - 1 + rect.numColumns, styleRow.length);
    for (let c0 = rect.column - 1; c0 < stop; c0++) {
      const style = styleRow[c0];
      if (style === undefined) continue;
      if (style !== lastStyle) {
        lastStyle = style;
        lastKind = styleKind(style);
      }
      if (lastKind === 'keep') continue;
      const j = c0 - rect.column + 1;
      line[j] = typedValue(line[j]!, lastKind, timeZone);
    }
  }
  return out;
}
