/**
 * Lays out a report tab as one rectangular block (one setValues call) and records where each table
 * landed, so chart specs can point at exact sub-ranges. Every string cell is neutralized on the way
 * out: user text (categories, locations, names, descriptions) is mixed with labels, and doing it at
 * the single exit point means no cell can slip through as a formula.
 */
import { neutralize } from '../neutralize';
import type { Cell, ChartSpec, ReportTab, TabRange } from '../types';

/** Rows a chart needs so the next one placed below it does not overlap (Sheets' default height). */
const CHART_ROWS = 20;

export class TabBuilder {
  private readonly rows: Cell[][] = [];
  private readonly headers: number[] = [];
  private readonly charts: { type: ChartSpec['type']; title: string; ranges: TabRange[] }[] = [];

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

  /** Charts with no data rows are skipped: an empty chart only says "no data" less clearly than a table. */
  chart(type: ChartSpec['type'], title: string, ranges: TabRange[]): this {
    if (ranges.length > 0 && ranges.every((r) => r.numRows > 1)) this.charts.push({ type, title, ranges });
    return this;
  }

  build(): ReportTab {
    const width = this.rows.reduce((w, r) => Math.max(w, r.length), 2);
    const values = this.rows.map((r) => {
      const out: Cell[] = r.map((c) => (typeof c === 'string' ? neutralize(c) : c));
      while (out.length < width) out.push('');
      return out;
    });
    // Charts sit to the right of the tables, beside the data they show, stacked without overlap.
    let nextFree = 1;
    const charts: ChartSpec[] = this.charts.map((c) => {
      const row = Math.max(c.ranges[0]?.row ?? 1, nextFree);
      nextFree = row + CHART_ROWS;
      return { ...c, anchor: { row, col: width + 2 } };
    });
    return { name: this.name, values, headerRows: [...this.headers], charts };
  }
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
