/**
 * What the Register's column reads come to (the reading itself goes through ./register's readBand,
 * the register being the only code holding the sheet): columns read in runs of nearby ones
 * (./column-spans) handed out per field and as rows of the columns read, and the tally of request ids
 * and form responses from raw cells.
 */
import { cellText, type RegisterLayout } from '../../core/columns';
import type { WorkOrderField } from '../../core/model';
import { columnSpans, type ColumnSpan } from './column-spans';
import type { Register } from './register';

/** Some columns of every data row, as `Register.readFields` read them. */
export interface FieldColumns {
  /** Data rows read: index i of every column is sheet row i + 2. */
  count: number;
  /** The cells of `field`, top to bottom; empty when the sheet has no such column or it was not asked for. */
  cells(field: WorkOrderField): unknown[];
  /**
   * Every data row's cells read, ready for parseRegisterRow with `layout`, which places each field among
   * them (-1: not read): `row(r, into)` fills `into` with data row r's cells in column order (a column
   * between two wanted ones may have been read with them, see column-spans) and returns it. One array
   * reused for every row, not a full-width row per register row.
   */
  packed(): PackedRows;
}

export interface PackedRows {
  layout: RegisterLayout;
  row(r: number, into: unknown[]): unknown[];
  /** Where the row's Last Known State lands in a packed row: -1 when it was not read. */
  stateAt: number;
}

export interface RegisterIds {
  /** Request id → how many register rows hold it. */
  counts: Map<string, number>;
  /** Form responses some row's order came from. */
  served: Set<string>;
}

/** One run of nearby columns read in one call: `values[r]` holds the run's cells of data row r. */
export interface ReadSpan {
  span: ColumnSpan;
  values: unknown[][];
}

/**
 * The cells of `fields` in every data row and nothing else: the last row, then one read per run of
 * nearby columns, so a lookup or a report never reads the whole register. `stateIndex` >= 0: the
 * Last Known State column too (packed().stateAt).
 */
export function readFieldColumns(
  register: Pick<Register, 'layout' | 'lastRow' | 'readBand'>,
  fields: readonly WorkOrderField[],
  stateIndex: number,
): FieldColumns {
  const { layout } = register;
  const count = Math.max(0, register.lastRow() - 1);
  const indexes = [...fields.map((field) => layout.indexOf[field]), stateIndex];
  const read: ReadSpan[] = [];
  if (count > 0)
    for (const span of columnSpans(indexes, count))
      read.push({ span, values: register.readBand(2, count, span.first, span.last - span.first + 1) });
  return fieldColumns(layout, fields, count, read, stateIndex);
}

/** The runs read for `fields` over `count` data rows, as `Register.readFields` hands them out. */
export function fieldColumns(
  layout: RegisterLayout,
  fields: readonly WorkOrderField[],
  count: number,
  read: readonly ReadSpan[],
  /** The Last Known State column's index when it was read with the fields, else -1. */
  stateIndex = -1,
): FieldColumns {
  return {
    count,
    cells: (field) => {
      const index = fields.includes(field) ? layout.indexOf[field] : -1;
      const at = read.find(({ span }) => index >= span.first && index <= span.last);
      return at ? at.values.map((row) => row[index - at.span.first]) : [];
    },
    packed: () => packedRows(layout, read, stateIndex),
  };
}

function packedRows(layout: RegisterLayout, read: readonly ReadSpan[], stateIndex: number): PackedRows {
  // Where each column read lands in a packed row.
  const place = new Map<number, number>();
  for (const { span } of read) for (let c = span.first; c <= span.last; c++) place.set(c, place.size);
  const indexOf = { ...layout.indexOf };
  for (const field of Object.keys(indexOf) as WorkOrderField[])
    indexOf[field] = place.get(indexOf[field]) ?? -1;
  return {
    layout: { ...layout, indexOf, width: place.size },
    stateAt: stateIndex < 0 ? -1 : (place.get(stateIndex) ?? -1),
    row: (r, into) => {
      into.length = place.size;
      let at = 0;
      for (const { span, values } of read) {
        const source = values[r] ?? [];
        for (let c = 0; c <= span.last - span.first; c++) into[at++] = source[c];
      }
      return into;
    },
  };
}

/** How many rows hold each request id and which form responses are served, from the raw cells. */
export function countIds(ids: readonly unknown[], responses: readonly unknown[]): RegisterIds {
  const counts = new Map<string, number>();
  const served = new Set<string>();
  for (const cell of ids) {
    const id = cellText(cell).trim();
    if (id !== '') counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  for (const cell of responses) {
    const ref = cellText(cell).trim();
    if (ref !== '') served.add(ref);
  }
  return { counts, served };
}
