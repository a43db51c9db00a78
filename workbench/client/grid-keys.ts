/**
 * What a person's keys and pastes mean to the grid, as in Sheets: arrows and Tab move the selection,
 * Enter or F2 opens the editor, Delete or Backspace clears the cell, a printable key starts typing
 * over it; a pasted block is tab-separated lines, as Sheets copies them.
 */

export type GridKey =
  { kind: 'move'; rows: number; columns: number } | { kind: 'edit'; typed?: string } | { kind: 'clear' };

/** The command for a key pressed on a selected cell (no editor open); null for a key the grid leaves alone. */
export function keyCommand(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): GridKey | null {
  if (e.key === 'ArrowDown') return { kind: 'move', rows: 1, columns: 0 };
  if (e.key === 'ArrowUp') return { kind: 'move', rows: -1, columns: 0 };
  if (e.key === 'ArrowRight' || e.key === 'Tab') return { kind: 'move', rows: 0, columns: 1 };
  if (e.key === 'ArrowLeft') return { kind: 'move', rows: 0, columns: -1 };
  if (e.key === 'Enter' || e.key === 'F2') return { kind: 'edit' };
  if (e.key === 'Delete' || e.key === 'Backspace') return { kind: 'clear' };
  if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) return { kind: 'edit', typed: e.key };
  return null;
}

/** The cells of pasted text: one row a line (a final line break ignored), one cell a tab; null for nothing. */
export function pastedCells(text: string): string[][] | null {
  if (text === '') return null;
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t'));
}
