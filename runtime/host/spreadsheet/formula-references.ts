/**
 * Inserting or deleting rows or columns rewrites the references of every formula that points at the
 * tab, as Sheets does: a reference past the change moves with its cells, a range spanning inserted
 * lines grows and one losing lines shrinks, and a reference whose cells are all deleted becomes
 * `#REF!` (Sheets help, "Insert, delete or move cells": formulas referring to moved cells follow them).
 * Without this a formula would, once computed (./formula-read), read whatever cells slid under it.
 */
import { columnToLetters, lettersToColumn } from './a1';
import { REFERENCE_PATTERN } from './formula-parse';
import type { SheetModel } from './sheet-model';

export interface LineChange {
  axis: 'rows' | 'columns';
  /** The first inserted or deleted line (1-based). */
  at: number;
  count: number;
  kind: 'insert' | 'delete';
}

const REFERENCE_IN_TEXT = new RegExp(`(?<![A-Za-z0-9_.$'"])${REFERENCE_PATTERN}`, 'g');
const ENDPOINT = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$/;

/** Rewrites every formula of `changed`'s spreadsheet that refers to `changed`. */
export function shiftFormulaReferences(changed: SheetModel, change: LineChange): void {
  for (const sheet of changed.spreadsheet.sheetModels()) {
    const rows = sheet.formulas.rows;
    for (let r = 0; r < rows.length; r++) {
      const line = rows[r];
      if (!line) continue;
      for (let c = 0; c < line.length; c++) {
        const formula = line[c];
        if (formula === undefined) continue;
        const moved = rewrite(formula, sheet, changed, change);
        if (moved !== formula) line[c] = moved;
      }
    }
  }
}

/** The formula with its references to `changed` shifted; text inside "…" is left alone. */
function rewrite(formula: string, home: SheetModel, changed: SheetModel, change: LineChange): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REFERENCE_IN_TEXT, (ref) => shiftReference(ref, home, changed, change)),
    )
    .join('');
}

function shiftReference(ref: string, home: SheetModel, changed: SheetModel, change: LineChange): string {
  const bang = ref.lastIndexOf('!');
  const prefix = bang < 0 ? '' : ref.slice(0, bang + 1);
  const quoted = prefix.startsWith("'") ? prefix.slice(1, -2).replace(/''/g, "'") : prefix.slice(0, -1);
  const target =
    prefix === ''
      ? home
      : home.spreadsheet.sheetModels().find((s) => s.name.toLowerCase() === quoted.toLowerCase());
  if (target !== changed) return ref;
  const [start = '', end] = ref.slice(bang + 1).split(':');
  const a = ENDPOINT.exec(start);
  const b = end === undefined ? a : ENDPOINT.exec(end);
  if (!a || !b) return ref;
  const rows = change.axis === 'rows';
  const lineOf = (m: RegExpExecArray) =>
    rows ? (m[4] ? Number(m[4]) : null) : m[2] ? lettersToColumn(m[2]) : null;
  const from = lineOf(a);
  const to = lineOf(b);
  const shifted = shiftSpan(from, to, change);
  if (shifted === null) return '#REF!';
  const write = (m: RegExpExecArray, line: number | null) => {
    if (line === null) return m[0];
    return rows ? `${m[1]}${m[2]}${m[3]}${line}` : `${m[1]}${columnToLetters(line)}${m[3]}${m[4]}`;
  };
  const startText = write(a, shifted[0]);
  return end === undefined ? `${prefix}${startText}` : `${prefix}${startText}:${write(b, shifted[1])}`;
}

/** The span's new first and last line (null where open), or null when all its lines are deleted. */
function shiftSpan(
  from: number | null,
  to: number | null,
  change: LineChange,
): [number | null, number | null] | null {
  const { at, count } = change;
  if (change.kind === 'insert') {
    const move = (n: number | null) => (n !== null && n >= at ? n + count : n);
    return [move(from), move(to)];
  }
  const last = at + count - 1;
  const lo = from ?? 1;
  const hi = to ?? Number.MAX_SAFE_INTEGER;
  if (from !== null && lo >= at && hi <= last) return null;
  const start = from === null ? null : from < at ? from : from > last ? from - count : at;
  const end = to === null ? null : to < at ? to : to > last ? to - count : at - 1;
  return [start, end];
}
