/**
 * What the Register's column reads come to, pure (the reading itself stays in ./register, the only
 * code holding the sheet): columns read in runs of nearby ones (./column-spans) handed out per field
 * and as full-width rows, and the tally of request ids and form responses from raw cells.
 */
import { cellText, type RegisterLayout } from '../../core/columns';
import type { WorkOrderField } from '../../core/model';
import type { ColumnSpan } from './column-spans';

/** Some columns of every data row, as `Register.readFields` read them. */
export interface FieldColumns {
  /** Data rows read: index i of every column is sheet row i + 2. */
  count: number;
  /** The cells of `field`, top to bottom; empty when the sheet has no such column or it was not asked for. */
  cells(field: WorkOrderField): unknown[];
  /**
   * Every data row as a full-width row with the columns read in place (others undefined), ready for
   * parseRegisterRow. A column between two wanted ones may have been read with them (see column-spans).
   */
  rows(): unknown[][];
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

/** The runs read for `fields` over `count` data rows, as `Register.readFields` hands them out. */
export function fieldColumns(
  layout: RegisterLayout,
  fields: readonly WorkOrderField[],
  count: number,
  read: readonly ReadSpan[],
): FieldColumns {
  const width = layout.width;
  return {
    count,
    cells: (field) => {
      const index = fields.includes(field) ? layout.indexOf[field] : -1;
      const at = read.find(({ span }) => index >= span.first && index <= span.last);
      return at ? at.values.map((row) => row[index - at.span.first]) : [];
    },
    rows: () => {
      const rows: unknown[][] = Array.from({ length: count }, () => new Array<unknown>(width));
      for (const { span, values } of read)
        for (let r = 0; r < count; r++) {
          const source = values[r] ?? [];
          const target = rows[r] as unknown[];
          for (let c = span.first; c <= span.last; c++) target[c] = source[c - span.first];
        }
      return rows;
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
