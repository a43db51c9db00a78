/**
 * A drain's results written back to the Outbox sheet (./outbox.ts): only the columns the drain decides,
 * over the rows it touched, in one write per run of adjacent columns.
 */
import { asText } from '../../core/headers';
import { asCellText } from '../../core/sanitize';
import { isValidDate } from '../../core/time';
import type { OutboxColumn } from './outbox-tabs';
import type { Sheet } from './apps-script-types';

/** The columns a drain writes back, in this order. */
const RESULT_COLUMNS: readonly OutboxColumn[] = ['status', 'sentAt', 'attempts', 'lastError'];

/** Columns written too when the drain numbered rows queued before rows were numbered (once). */
const NUMBERING_COLUMNS: readonly OutboxColumn[] = ['mac', 'kind', 'seq'];

/**
 * Writes Status, Sent At, Attempts and Last Error of rows [first touched … last touched] back, and
 * their MAC, Kind and Seq when `numbered`.
 */
export function writeResults(
  sheet: Sheet,
  values: unknown[][],
  touched: readonly number[],
  indexOf: Record<OutboxColumn, number>,
  numbered = false,
): void {
  if (touched.length === 0) return;
  const first = Math.min(...touched);
  const last = Math.max(...touched);
  const columns = [...RESULT_COLUMNS, ...(numbered ? NUMBERING_COLUMNS : [])]
    .map((c) => indexOf[c])
    .sort((a, b) => a - b);
  // Only these columns are written: every value in them is ours or re-neutralized, whereas rewriting a
  // Body cell read back as text would turn "=…" into a formula.
  const cell = (row: unknown[], index: number): unknown => {
    const v = row[index];
    if (index === indexOf.sentAt) return isValidDate(v) ? v : asCellText(asText(v)).cell;
    if (index === indexOf.attempts || index === indexOf.seq)
      return typeof v === 'number' ? v : asCellText(asText(v)).cell;
    return asCellText(asText(v)).cell;
  };
  // Contiguous result columns (the layout setup writes) are one write; a reordered sheet costs one per run of columns.
  let start = 0;
  while (start < columns.length) {
    let end = start;
    while (end + 1 < columns.length && (columns[end + 1] as number) === (columns[end] as number) + 1) end++;
    const block = values
      .slice(first, last + 1)
      .map((row) => columns.slice(start, end + 1).map((c) => cell(row, c)));
    sheet.getRange(first + 1, (columns[start] as number) + 1, block.length, end - start + 1).setValues(block);
    start = end + 1;
  }
}
