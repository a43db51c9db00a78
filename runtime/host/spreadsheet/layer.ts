/**
 * One sparse attribute of a sheet's cells (values, formulas, notes, styles), stored as an array of
 * row arrays. A missing row or cell is the default (empty), so a new 1000×26 sheet costs nothing
 * and 100,000 rows × 30 columns is 100,000 small arrays. Coordinates here are 0-based.
 */
export class Layer<T> {
  rows: (T[] | undefined)[] = [];

  get(r: number, c: number): T | undefined {
    return this.rows[r]?.[c];
  }

  set(r: number, c: number, value: T | undefined): void {
    let row = this.rows[r];
    if (!row) {
      if (value === undefined) return;
      row = [];
      this.rows[r] = row;
    }
    if (value === undefined) {
      if (c < row.length) delete row[c];
      return;
    }
    row[c] = value;
  }

  /** Clears a rectangle (0-based, exclusive ends), touching only rows that exist. */
  clear(r0: number, c0: number, r1: number, c1: number): void {
    const end = Math.min(r1, this.rows.length);
    for (let r = r0; r < end; r++) {
      const row = this.rows[r];
      if (!row) continue;
      if (c0 === 0 && c1 >= row.length) {
        this.rows[r] = undefined;
        continue;
      }
      const stop = Math.min(c1, row.length);
      for (let c = c0; c < stop; c++) delete row[c];
    }
  }

  insertRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows = this.rows.slice(0, at).concat(new Array<T[] | undefined>(count), this.rows.slice(at));
  }

  deleteRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, count);
  }

  insertColumns(at: number, count: number): void {
    const gap = new Array<T>(count);
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row || at >= row.length) continue;
      this.rows[r] = row.slice(0, at).concat(gap, row.slice(at));
    }
  }

  deleteColumns(at: number, count: number): void {
    for (const row of this.rows) {
      if (row && at < row.length) row.splice(at, count);
    }
  }

  /** Copies row `from` into rows at..at+count-1 (new rows taking a neighbour's formatting). */
  fillRowsFrom(from: number, at: number, count: number): void {
    const source = this.rows[from];
    if (!source) return;
    for (let r = at; r < at + count; r++) this.rows[r] = source.slice();
  }

  /** Copies column `from` into columns at..at+count-1 of every existing row. */
  fillColumnsFrom(from: number, at: number, count: number): void {
    for (const row of this.rows) {
      if (!row) continue;
      const v = row[from];
      if (v === undefined) continue;
      for (let c = at; c < at + count; c++) row[c] = v;
    }
  }
}
