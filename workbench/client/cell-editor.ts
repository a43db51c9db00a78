/**
 * The box a person types in over a cell, as in Sheets: a list for a dropdown cell (opened without a
 * typed key), a text box otherwise, starting from the typed key or the cell's content. Enter or Tab
 * commits, Escape cancels, clicking elsewhere commits. The grid owns when it opens and what a commit does.
 */
import type { SheetView } from './api';
import { h } from './dom';

export type CellEditor = HTMLInputElement | HTMLSelectElement;

export interface CellEditorOptions {
  td: HTMLTableCellElement;
  row: number;
  column: number;
  /** The cell's formula or value, as the formula bar shows it. */
  current: string;
  /** The key that opened the editor by typing, if any: it replaces the content. */
  typed?: string;
  dropdown?: SheetView['dropdowns'][number];
  commit(): void;
  cancel(): void;
  /** True while this editor is still the open one (a blur after Enter or Escape does nothing). */
  isOpen(editor: CellEditor): boolean;
}

export function makeCellEditor(o: CellEditorOptions): CellEditor {
  let editor: CellEditor;
  if (o.dropdown && o.typed === undefined) {
    const select = h('select', { class: 'cell-editor', 'data-testid': 'cell-editor' });
    const listed = o.dropdown.values;
    const values = listed.includes(o.current) || o.current === '' ? listed : [o.current, ...listed];
    select.appendChild(h('option', { value: '' }, ''));
    for (const v of values) select.appendChild(h('option', { value: v, selected: v === o.current }, v));
    select.addEventListener('change', () => o.commit());
    editor = select;
  } else {
    const input = h('input', { class: 'cell-editor', 'data-testid': 'cell-editor', type: 'text' });
    input.value = o.typed ?? o.current;
    editor = input;
  }
  editor.addEventListener('keydown', (e) => {
    const key = (e as KeyboardEvent).key;
    if (key === 'Enter' || key === 'Tab') {
      e.preventDefault();
      o.commit();
    } else if (key === 'Escape') {
      e.preventDefault();
      o.cancel();
    }
    e.stopPropagation();
  });
  editor.addEventListener('blur', () => {
    // Clicking elsewhere commits, as in Sheets (unless the editor was already handled).
    if (o.isOpen(editor)) o.commit();
  });
  editor.style.left = `${o.td.offsetLeft}px`;
  editor.style.top = `${o.td.offsetTop}px`;
  editor.style.width = `${Math.max(o.td.offsetWidth, 160)}px`;
  editor.style.height = `${o.td.offsetHeight}px`;
  editor.dataset.row = String(o.row);
  editor.dataset.col = String(o.column);
  // A typed start is always a change (even typing the same text again writes it, as in Sheets).
  editor.dataset.initial =
    editor instanceof HTMLInputElement ? (o.typed === undefined ? o.current : '\u0000') : o.current;
  return editor;
}
