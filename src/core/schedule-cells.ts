/**
 * Where the hourly job's Next Due and Last Created values land on the Schedules tab, pure.
 *
 * The job reads the tab when its run starts and writes back when it ends; meanwhile an administrator
 * may sort the tab, insert or delete rows, or type in those very cells, and nothing locks them out.
 * So just before writing, the tab is read again and each value goes to the row that now holds its
 * schedule's id, and only while that cell still holds what the run read:
 * - a cell the administrator changed keeps their value (the job never reads a cell to decide whether
 *   an occurrence was made: its ledger and the register do, core/schedule-plan.ts), and the next run
 *   plans from what they typed;
 * - a schedule whose id is gone, or now on two rows, is left alone (which row is it?);
 * - columns moved or renamed meanwhile leave the whole write-back to the next run.
 * Each is named, for the job's report. Nothing that moved costs a call: each column is still one
 * write from its first to its last changed row, the rows between written as they were just read.
 */
import { cellText, normalizeHeader } from './headers';
import { isDate } from './time';

export interface ScheduleCellWrite {
  /** 0-based column of the tab, as its header row was read when the run started. */
  column: number;
  /** Schedule ID of the row the value was computed for, as read when the run started. */
  id: string;
  /** The cell as read when the run started. */
  old: unknown;
  value: unknown;
}

/** One write: `cells` down one column from sheet row `top` (1-based). */
export interface ScheduleColumnRun {
  column: number;
  top: number;
  cells: unknown[];
}

export interface PlacedScheduleWrites {
  runs: ScheduleColumnRun[];
  /** What was left as it stands, and why: for the job's report. */
  left: string[];
}

/** Two cells as getValues gives them hold the same thing (dates by their instant). */
export function sameCell(a: unknown, b: unknown): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return (a ?? '') === (b ?? '');
}

/**
 * The writes, placed on the tab as read again. `header` is row 1 as read when the run started;
 * `fresh` the tab as read again, row 1 first, from 0-based column `first` on (wide enough for the
 * id column and every written one); `idColumn` and `names` (header text per written column) as the
 * run's layout says.
 */
export function placeScheduleWrites(
  header: readonly unknown[],
  idColumn: number,
  writes: readonly ScheduleCellWrite[],
  fresh: readonly (readonly unknown[])[],
  first: number,
): PlacedScheduleWrites {
  const at = (row: readonly unknown[] | undefined, column: number): unknown => row?.[column - first] ?? '';
  const name = (column: number): string => cellText(header[column]).trim();
  const columns = [...new Set(writes.map((w) => w.column))];
  const moved = [idColumn, ...columns].some(
    (c) =>
      normalizeHeader(at(fresh[0], c)) !== normalizeHeader(header[c]) || normalizeHeader(header[c]) === '',
  );
  if (moved)
    return {
      runs: [],
      left: [
        `${columns.map(name).join(' and ')} not written back: the Schedules tab's columns changed during the run (the next run writes them).`,
      ],
    };
  const rowsOf = new Map<string, number[]>();
  fresh.forEach((cells, i) => {
    if (i === 0) return;
    const id = cellText(at(cells, idColumn)).trim();
    if (id !== '') rowsOf.set(id, [...(rowsOf.get(id) ?? []), i + 1]);
  });
  const runs: ScheduleColumnRun[] = [];
  const left: string[] = [];
  for (const column of columns) {
    const placed = new Map<number, unknown>();
    for (const write of writes.filter((w) => w.column === column)) {
      const rows = rowsOf.get(write.id) ?? [];
      const why =
        rows.length === 0
          ? 'its row was deleted or its Schedule ID changed during the run'
          : rows.length > 1
            ? `Schedule ID "${write.id}" is now on ${rows.length} rows`
            : null;
      const row = rows[0];
      if (why || row === undefined) {
        left.push(`${write.id}: ${name(column)} not written back: ${why ?? 'no row'}.`);
        continue;
      }
      const now = at(fresh[row - 1], column);
      if (sameCell(now, write.value)) continue;
      if (!sameCell(now, write.old)) {
        left.push(
          `${write.id}: ${name(column)} not written back: it was changed during the run (kept as typed).`,
        );
        continue;
      }
      placed.set(row, write.value);
    }
    if (placed.size === 0) continue;
    const top = Math.min(...placed.keys());
    const bottom = Math.max(...placed.keys());
    const cells: unknown[] = [];
    for (let row = top; row <= bottom; row++)
      cells.push(placed.has(row) ? placed.get(row) : at(fresh[row - 1], column));
    runs.push({ column, top, cells });
  }
  return { runs, left };
}
