/**
 * What the edit trigger writes back over the edited rows, as ONE rectangle of values and at most one
 * rectangle of notes, whatever the number of rows (a 50-row paste included).
 *
 * The values rectangle spans, over the edited rows, the columns that need a value in any row: cells
 * put back or tidied ("in progress" → "In Progress"), stamps (Started At, Completed At, Assigned At),
 * Revision and the Last Known State; in a row the edit did not change, its edited work-order cells
 * only (a formula typed there must not stay one). Cells inside that span that need nothing are written back as they
 * were read, neutralized like any text, so they do not change; a column of the organization's own
 * inside the span keeps its formulas (they are read first, only when there is such a column).
 */
import { fieldToCell, type RegisterLayout } from '../../../core/columns';
import type { WorkOrderField } from '../../../core/model';
import { asCellText } from '../../../core/sanitize';
import { parseRowState, restampedRowState, serializeRowState } from '../../adapters/row-state';
import { FIELDS } from './cells';
import type { RowVerdict } from './judge';

export interface PlannedRow {
  /** 0-based column → value to write. */
  values: Map<number, unknown>;
  /** 0-based column → note ('' clears). */
  notes: Map<number, string>;
}

/** The cells a verdict needs written, by column. */
export function plannedRow(
  verdict: RowVerdict,
  layout: RegisterLayout,
  stateIndex: number,
  edited: (index: number) => boolean,
  noteText: (reason: string) => string,
  /** The row's state cell as read (its record), kept when only its noted fields change. */
  recorded?: unknown,
): PlannedRow {
  const values = new Map<number, unknown>();
  const notes = new Map<number, string>();
  const at = (field: WorkOrderField): number => layout.indexOf[field];
  if (verdict.kind === 'unchecked') return { values, notes };
  if (verdict.kind === 'stray') {
    for (const r of verdict.refused) {
      // A record pasted with a row that held no work order goes with it.
      if (r.field === 'state') {
        if (stateIndex >= 0) values.set(stateIndex, '');
        continue;
      }
      values.set(at(r.field), '');
      notes.set(at(r.field), noteText(r.reason));
    }
    return { values, notes };
  }
  const { next, changes, refused, notes: fieldNotes, noted } = verdict;
  // A Reason typed again unchanged renews it for the next step: only the record says so.
  const renews = verdict.reasonRenewed && parseRowState(recorded)?.reasonRenewed !== true;
  if (changes.length === 0 && refused.length === 0 && fieldNotes.size === 0 && !renews) {
    // A row whose edit changed nothing (a value typed again, an organization's column) is not written,
    // except its edited work-order cells, as text: one may hold a formula that reads, for now, as the
    // value the cell had (=IF(TODAY()>DATE(2030,1,1),"Completed","Assigned")), and a formula changes
    // its value later where no trigger sees it. (An edit that changes anything writes its cells anyway.)
    for (const field of FIELDS) {
      const index = at(field);
      if (index >= 0 && edited(index)) values.set(index, fieldToCell(field, next));
    }
    return { values, notes };
  }
  for (const field of FIELDS) {
    const index = at(field);
    if (index < 0) continue;
    // Every edited cell is written back in its accepted or restored form; stamps and revision too.
    const stamped = changes.some((c) => c.field === field) || field === 'revision';
    if (edited(index) || stamped) values.set(index, fieldToCell(field, next));
  }
  if (stateIndex >= 0) {
    // A row whose cells were all put back (most of a refused paste) keeps its record, new notes aside.
    const kept =
      changes.length === 0 &&
      !renews &&
      verdict.fromRecord &&
      !edited(stateIndex) &&
      !refused.some((r) => r.field === 'state')
        ? restampedRowState(recorded, next, noted)
        : null;
    values.set(stateIndex, kept ?? serializeRowState(next, noted, verdict.reasonRenewed));
  }
  for (const [field, reason] of fieldNotes) {
    const index = at(field);
    if (index >= 0) notes.set(index, reason === '' ? '' : noteText(reason));
  }
  return { values, notes };
}

export interface Rectangle {
  /** 0-based first column. */
  column: number;
  width: number;
  /** Per row (top to bottom), one value per column of the rectangle. */
  grid: unknown[][];
}

/** A value read with getValues, written back so that it reads the same (text stays text). */
export function rewritten(value: unknown): unknown {
  return typeof value === 'string' ? asCellText(value).cell : value;
}

/** Columns spanned by the rows' planned cells of one kind, or null when none. */
export function spanOf(rows: readonly PlannedRow[], kind: 'values' | 'notes'): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of rows) {
    for (const c of row[kind].keys()) {
      if (c < lo) lo = c;
      if (c > hi) hi = c;
    }
  }
  return lo === Infinity ? null : [lo, hi];
}

/**
 * The values rectangle: planned cells, everything else in the span as read (or its formula, when
 * `formulas` is given for the span).
 */
export function valuesRectangle(
  rows: readonly PlannedRow[],
  read: readonly (readonly unknown[])[],
  span: [number, number],
  formulas: readonly (readonly string[])[] | null,
): Rectangle {
  const [lo, hi] = span;
  const grid = rows.map((row, i) => {
    const line: unknown[] = [];
    for (let c = lo; c <= hi; c++) {
      if (row.values.has(c)) line.push(row.values.get(c));
      else {
        const formula = formulas?.[i]?.[c - lo] ?? '';
        line.push(formula !== '' ? formula : rewritten(read[i]?.[c] ?? ''));
      }
    }
    return line;
  });
  return { column: lo, width: hi - lo + 1, grid };
}

/** The notes rectangle: planned notes, '' elsewhere (it lies inside the edited range, see below). */
export function notesRectangle(
  rows: readonly PlannedRow[],
  span: [number, number],
): { column: number; width: number; grid: string[][] } {
  const [lo, hi] = span;
  const grid = rows.map((row) => {
    const line: string[] = [];
    for (let c = lo; c <= hi; c++) line.push(row.notes.get(c) ?? '');
    return line;
  });
  return { column: lo, width: hi - lo + 1, grid };
}

/**
 * Contiguous runs of planned cells in one row, for the slow path: when the one-rectangle write is
 * refused (a strict validation rule no longer accepts a value the span would write back unchanged),
 * each row's planned cells are written run by run instead.
 */
export function runsOf(row: PlannedRow): Array<{ column: number; values: unknown[] }> {
  const columns = [...row.values.keys()].sort((a, b) => a - b);
  const runs: Array<{ column: number; values: unknown[] }> = [];
  for (const c of columns) {
    const last = runs[runs.length - 1];
    if (last && last.column + last.values.length === c) last.values.push(row.values.get(c));
    else runs.push({ column: c, values: [row.values.get(c)] });
  }
  return runs;
}
