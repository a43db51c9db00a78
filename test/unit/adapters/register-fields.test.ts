import { parseRegisterRow, registerLayout, REGISTER_HEADER_ROW } from '../../../src/core/columns';
import type { WorkOrderField } from '../../../src/core/model';
import { columnSpans } from '../../../src/server/adapters/column-spans';
import { fieldColumns, type ReadSpan } from '../../../src/server/adapters/register-fields';

/** Reads `fields` of `sheetRows` (data rows, full width) as Register.readFields does, one span at a time. */
function read(sheetRows: unknown[][], fields: readonly WorkOrderField[]) {
  const layout = registerLayout(REGISTER_HEADER_ROW);
  const spans = columnSpans(
    fields.map((f) => layout.indexOf[f]),
    sheetRows.length,
  );
  const spansRead: ReadSpan[] = spans.map((span) => ({
    span,
    values: sheetRows.map((row) => row.slice(span.first, span.last + 1)),
  }));
  return { layout, columns: fieldColumns(layout, fields, sheetRows.length, spansRead) };
}

/** A full-width row with only the columns read kept, as the reports parsed it before. */
function fullWidth(row: readonly unknown[], layout: ReturnType<typeof registerLayout>, kept: Set<number>) {
  const out = new Array<unknown>(layout.width);
  kept.forEach((c) => (out[c] = row[c]));
  return out;
}

describe('FieldColumns.packed', () => {
  const layout = registerLayout(REGISTER_HEADER_ROW);
  const row = (id: string, extra: Partial<Record<WorkOrderField, unknown>> = {}): unknown[] => {
    const cells: unknown[] = REGISTER_HEADER_ROW.map(() => '');
    const values: Partial<Record<WorkOrderField, unknown>> = {
      id,
      woNumber: `WO-${id}`,
      status: 'Assigned',
      requestedAt: new Date('2026-01-02T03:04:05Z'),
      ...extra,
    };
    for (const [field, value] of Object.entries(values))
      cells[layout.indexOf[field as WorkOrderField]] = value;
    return cells;
  };
  // A bad Revision is not among the fields asked for; a bad Due is.
  const sheetRows = [
    row('REQ-1'),
    row('REQ-2', { revision: 'abc' }),
    row('REQ-3', { due: 'not a date' }),
    row('REQ-4', { heldHours: 'x', notes: 'a note' }),
  ];

  test.each([
    ['the reports', ['id', 'status', 'due', 'requestedAt', 'responseRef'] as WorkOrderField[]],
    ['one column', ['status'] as WorkOrderField[]],
    ['nearby columns read with the gap between', ['id', 'status', 'notes', 'due'] as WorkOrderField[]],
  ])('parses to what the full-width row parses to (%s)', (_name, fields) => {
    // Two rows: spans across a gap are read together, so the gap's cells come along (column-spans).
    for (const rows of [sheetRows, sheetRows.slice(0, 2)]) {
      const { columns } = read(rows, fields);
      const kept = new Set<number>();
      for (const span of columnSpans(
        fields.map((f) => layout.indexOf[f]),
        rows.length,
      ))
        for (let c = span.first; c <= span.last; c++) kept.add(c);
      const packed = columns.packed();
      const into: unknown[] = [];
      rows.forEach((sheetRow, r) => {
        const cells = packed.row(r, into);
        expect(cells).toEqual([...kept].sort((a, b) => a - b).map((c) => sheetRow[c]));
        expect(parseRegisterRow(cells, packed.layout, r + 2)).toEqual(
          parseRegisterRow(fullWidth(sheetRow, layout, kept), layout, r + 2),
        );
      });
    }
  });
});
