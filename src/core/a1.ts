/** A1 notation, declared once: what Sheets calls a column in a range string or a formula. */

/** "A", "B", … "Z", "AA" … for a 1-based column number. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "B7" for the cell at 1-based `row` and `column`. */
export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}
