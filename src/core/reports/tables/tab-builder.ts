/**
 * Lays out a report tab as one rectangular block (one setValues call) and records where each table
 * landed, so chart specs can point at exact sub-ranges. Every string cell is neutralized on the way
 * out: user text (categories, locations, names, descriptions) is mixed with labels, and doing it at
 * the single exit point means no cell can slip through as a formula.
 */
import { neutralize } from '../neutralize';
import type { Cell, ChartSpec, ReportTab, TabRange } from '../types';

/**
 * Where charts go. Each sits right under the table it shows, from column A, over rows kept empty for
 * it: on a laptop screen it is in view without scrolling sideways (its right edge at CHART_WIDTH_PX,
 * column widths being Sheets' default 100 px), and no text can run under it (a long definition in
 * column A overflows to the right, under anything placed beside the tables).
 */
export const CHART_WIDTH_PX = 600;
export const CHART_HEIGHT_PX = 371;
/** Rows kept empty for a chart: its height at Sheets' default 21 px rows, and a little air. */
export const CHART_ROWS = 20;

export class TabBuilder {
  private readonly rows: Cell[][] = [];
  private readonly headers: number[] = [];
  private readonly charts: ChartSpec[] = [];

  constructor(private readonly name: string) {}

  /** The three opening rows every tab has: title, when it was built, what data it covers. */
  opening(builtAt: string, covers: string): this {
    this.heading(this.name);
    this.rows.push(['Built at', builtAt]);
    this.rows.push(['Covers', covers]);
    return this;
  }

  blank(): this {
    this.rows.push([]);
    return this;
  }

  heading(text: string): this {
    this.rows.push([text]);
    this.headers.push(this.rows.length);
    return this;
  }

  line(...cells: Cell[]): this {
    this.rows.push(cells);
    return this;
  }

  /** A header row and its data rows; returns the range they occupy (header included). */
  table(header: string[], body: Cell[][]): TabRange {
    this.rows.push(header);
    this.headers.push(this.rows.length);
    const row = this.rows.length;
    for (const r of body) this.rows.push(r);
    return { row, col: 1, numRows: body.length + 1, numCols: header.length };
  }

  /**
   * A chart of `ranges`, placed at column A on the next CHART_ROWS rows, which stay empty. Charts
   * with no data rows are skipped: an empty chart only says "no data" less clearly than a table. So
   * are charts whose every value is 0 or empty (a new workbook, a quiet week): a blank plot reads
   * like a broken one, so a line under the table says why there is no chart.
   */
  chart(type: ChartSpec['type'], title: string, ranges: TabRange[]): this {
    if (ranges.length === 0 || !ranges.every((r) => r.numRows > 1)) return this;
    if (!this.plotsAnything(ranges)) {
      this.rows.push([`No chart of ${lowerFirst(title)} yet: every value is 0 or empty.`]);
      return this;
    }
    const row = this.rows.length + 1;
    for (let i = 0; i < CHART_ROWS; i++) this.rows.push([]);
    this.charts.push({ type, title, ranges, anchor: { row, col: 1 } });
    return this;
  }

  /** True when a series cell (any column but the first range's first, the labels) is a number other than 0. */
  private plotsAnything(ranges: readonly TabRange[]): boolean {
    const labels = ranges[0]?.col ?? 1;
    return ranges.some((range) => {
      for (let row = range.row + 1; row < range.row + range.numRows; row++) {
        for (let col = range.col; col < range.col + range.numCols; col++) {
          if (col === labels) continue;
          const value = this.rows[row - 1]?.[col - 1];
          if (typeof value === 'number' && value !== 0 && Number.isFinite(value)) return true;
        }
      }
      return false;
    });
  }

  build(): ReportTab {
    const width = this.rows.reduce((w, r) => Math.max(w, r.length), 2);
    const values = this.rows.map((r) => {
      const out: Cell[] = r.map((c) => (typeof c === 'string' ? neutralize(c) : c));
      while (out.length < width) out.push('');
      return out;
    });
    return { name: this.name, values, headerRows: [...this.headers], charts: [...this.charts] };
  }
}

/** "Work orders by status" → "work orders by status", as the middle of a sentence. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A column of a table range, as its own range (for charts fed by non-adjacent columns). */
export function column(range: TabRange, col: number): TabRange {
  return { row: range.row, col: range.col + col - 1, numRows: range.numRows, numCols: 1 };
}

export function columns(range: TabRange, firstCol: number, count: number): TabRange {
  return { row: range.row, col: range.col + firstCol - 1, numRows: range.numRows, numCols: count };
}

export function round(value: number | null, digits: number): number | '' {
  if (value === null || !Number.isFinite(value)) return '';
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const hours = (h: number | null): number | '' => round(h, 2);
export const days = (h: number | null): number | '' => round(h === null ? null : h / 24, 2);
export const percent = (r: number | null): number | '' => round(r === null ? null : r * 100, 1);
