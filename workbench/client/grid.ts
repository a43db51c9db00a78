/**
 * One tab of the spreadsheet as a grid, like Sheets shows it (drawn by ./grid-draw.ts, laid out by
 * ./grid-layout.ts), with the note on hover. Only a window of rows is fetched and drawn (the register
 * may hold thousands); scrolling fetches the next window.
 *
 * Editing is what a person does: select a cell and type (or double-click, Enter, F2), pick from a
 * dropdown, Delete to clear, or paste a block (what each key means: ./grid-keys.ts). Every edit goes
 * to the server, which applies Sheets' own validation and protection and fires the edit trigger as
 * the current user.
 */
import { api, type SheetView } from './api';
import { makeCellEditor, type CellEditor } from './cell-editor';
import { clear, columnLetters, h } from './dom';
import { drawCharts, drawTable } from './grid-draw';
import { NotePopup } from './note-popup';
import { ROW_HEIGHT, WINDOW_ROWS, dropdownAt, windowToFetch } from './grid-layout';
import { keyCommand, pastedCells } from './grid-keys';

export interface GridHost {
  user(): string;
  /** Sheets' "There was a problem" dialog. */
  problem(title: string, message: string): Promise<void>;
  /** A yes/no question; resolves true for the affirmative button. */
  confirm(title: string, message: string, ok: string): Promise<boolean>;
  toast(message: string, kind?: 'info' | 'error'): void;
  /** The selection changed: its A1 notation and the cell's content (formula or value). */
  selected(a1: string, content: string): void;
  /** A change was made: everything on screen may need refreshing. */
  changed(): void;
}

interface Cell {
  row: number;
  column: number;
}

export class SheetGrid {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLDivElement;
  private view: SheetView | null = null;
  private sheetName = '';
  private selection: Cell | null = null;
  private editor: CellEditor | null = null;
  private readonly note: NotePopup;
  private loading: Promise<void> | null = null;
  private scrollTimer = 0;
  private busy = false;
  /** The view last drawn, as JSON, to skip redrawing what did not change. */
  private drawn = '';
  private pendingRender = false;

  constructor(private readonly host: GridHost) {
    this.canvas = h('div', { class: 'grid-canvas' });
    this.note = new NotePopup(this.canvas);
    this.element = h('div', { class: 'grid-scroll', tabindex: 0, 'data-testid': 'grid' }, this.canvas);
    this.element.addEventListener('scroll', () => this.onScroll());
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.element.addEventListener('paste', (e) => this.onPaste(e));
  }

  get name(): string {
    return this.sheetName;
  }

  get current(): SheetView | null {
    return this.view;
  }

  /** Shows `sheetName` from its first row. */
  async open(sheetName: string): Promise<void> {
    this.closeEditor();
    this.sheetName = sheetName;
    this.selection = null;
    this.drawn = '';
    this.element.scrollTop = 0;
    this.element.scrollLeft = 0;
    await this.fetch(1);
  }

  /** Re-reads the rows in view (after an edit or anything else that may have changed the sheet). */
  async refresh(): Promise<void> {
    if (this.editor || !this.sheetName) return;
    await this.fetch(this.view?.firstRow ?? 1);
  }

  /** Scrolls so that `row` is in view (and selects a cell of it). */
  async reveal(row: number, column = 1): Promise<void> {
    const frozen = this.view?.frozenRows ?? 0;
    this.element.scrollTop = Math.max(0, (row - frozen - 1 - 3) * ROW_HEIGHT);
    await this.fetch(Math.max(1, row - 40));
    this.select({ row, column });
  }

  private async fetch(firstRow: number): Promise<void> {
    const sheetName = this.sheetName;
    const load = api.sheet(sheetName, firstRow, WINDOW_ROWS, this.host.user()).then((view) => {
      if (sheetName !== this.sheetName) return; // another tab was opened meanwhile
      const drawn = JSON.stringify(view);
      // Nothing changed: keep the cells (and whatever the person is pointing at or typing in).
      if (drawn === this.drawn) return;
      this.view = view;
      this.sheetName = view.name;
      // Never redraw under an open editor: it would vanish mid-typing. Drawn when it closes.
      if (this.editor) this.pendingRender = true;
      else this.render();
    });
    this.loading = load;
    try {
      await load;
    } finally {
      if (this.loading === load) this.loading = null;
    }
  }

  // ---- Drawing ----

  private render(): void {
    const view = this.view;
    if (!view) return;
    this.drawn = JSON.stringify(view);
    this.pendingRender = false;
    this.note.hide();
    clear(this.canvas);
    const table = drawTable(view);
    table.addEventListener('mousedown', (e) => this.onMouseDown(e));
    table.addEventListener('dblclick', (e) => this.onDoubleClick(e));
    table.addEventListener('mouseover', (e) => this.note.over(e.target));
    table.addEventListener('mouseleave', () => this.note.hide());
    this.canvas.appendChild(table);
    this.canvas.appendChild(drawCharts(view));
    if (this.selection) this.markSelection();
  }

  private cellElement(cell: Cell): HTMLTableCellElement | null {
    return this.canvas.querySelector<HTMLTableCellElement>(
      `td[data-row="${cell.row}"][data-col="${cell.column}"]`,
    );
  }

  private rawContent(cell: Cell): string {
    const view = this.view;
    if (!view) return '';
    const key = `${cell.row},${cell.column}`;
    if (view.formulas[key]) return view.formulas[key]!;
    const line =
      cell.row <= view.frozenRows ? view.frozen[cell.row - 1] : view.rows[cell.row - view.firstRow];
    return line?.[cell.column - 1] ?? '';
  }

  // ---- Selection ----

  select(cell: Cell): void {
    this.selection = cell;
    this.markSelection();
    this.host.selected(`${columnLetters(cell.column)}${cell.row}`, this.rawContent(cell));
  }

  private markSelection(): void {
    this.canvas.querySelectorAll('td.selected').forEach((td) => td.classList.remove('selected'));
    if (this.selection) this.cellElement(this.selection)?.classList.add('selected');
  }

  private cellOf(target: EventTarget | null): Cell | null {
    const td = (target as HTMLElement | null)?.closest?.('td.cell') as HTMLTableCellElement | null;
    if (!td) return null;
    return { row: Number(td.dataset.row), column: Number(td.dataset.col) };
  }

  private onMouseDown(e: MouseEvent): void {
    const cell = this.cellOf(e.target);
    if (!cell) return;
    if (this.editor) this.commitEditor();
    this.select(cell);
    this.element.focus({ preventScroll: true });
  }

  private onDoubleClick(e: MouseEvent): void {
    const cell = this.cellOf(e.target);
    if (cell) this.startEditing(cell);
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editor || !this.selection || !this.view) return;
    const command = keyCommand(e);
    if (!command) return;
    e.preventDefault();
    if (command.kind === 'move') {
      const { row, column } = this.selection;
      const next = { row: Math.max(1, row + command.rows), column: Math.max(1, column + command.columns) };
      this.select(next);
      this.cellElement(next)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    } else if (command.kind === 'edit') this.startEditing(this.selection, command.typed);
    else void this.write(this.selection, [['']]);
  }

  /** A pasted block (tab-separated, as Sheets copies) lands at the selected cell. */
  private onPaste(e: ClipboardEvent): void {
    if (this.editor || !this.selection) return;
    const cells = pastedCells(e.clipboardData?.getData('text/plain') ?? '');
    if (!cells) return;
    e.preventDefault();
    void this.write(this.selection, cells);
  }

  // ---- Editing ----

  private startEditing(cell: Cell, typed?: string): void {
    this.closeEditor();
    this.select(cell);
    const td = this.cellElement(cell);
    if (!td) return;
    const editor = makeCellEditor({
      td,
      row: cell.row,
      column: cell.column,
      current: this.rawContent(cell),
      typed,
      dropdown: dropdownAt(this.view, cell.row, cell.column),
      commit: () => this.commitEditor(),
      cancel: () => {
        this.closeEditor();
        this.element.focus({ preventScroll: true });
      },
      isOpen: (e) => this.editor === e,
    });
    this.editor = editor;
    this.canvas.appendChild(editor);
    editor.focus();
    if (editor instanceof HTMLInputElement && typed !== undefined)
      editor.setSelectionRange(editor.value.length, editor.value.length);
  }

  private closeEditor(): void {
    const editor = this.editor;
    this.editor = null;
    editor?.remove();
    if (this.pendingRender) this.render();
  }

  private commitEditor(): void {
    const editor = this.editor;
    if (!editor) return;
    const cell = { row: Number(editor.dataset.row), column: Number(editor.dataset.col) };
    const value = editor.value;
    const unchanged = value === editor.dataset.initial;
    this.closeEditor();
    this.element.focus({ preventScroll: true });
    if (!unchanged) void this.write(cell, [[value]]);
  }

  /** Sends an edit as the current user; shows Sheets' warning or refusal when there is one. */
  async write(cell: Cell, values: string[][], confirmed = false): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.element.classList.add('saving');
    try {
      const reply = await api.edit({
        user: this.host.user(),
        sheet: this.sheetName,
        row: cell.row,
        column: cell.column,
        values,
        confirmed,
      });
      if (!reply.ok && 'confirm' in reply) {
        this.busy = false;
        const go = await this.host.confirm(
          'Heads up!',
          `You are trying to edit part of this sheet that should not be changed accidentally (${reply.confirm.join('; ')}). Edit anyway?`,
          'OK',
        );
        if (go) await this.write(cell, values, true);
        return;
      }
      if (!reply.ok && 'refused' in reply) {
        await this.refresh();
        await this.host.problem('There was a problem', reply.refused);
        return;
      }
      if (reply.ok) {
        for (const f of reply.triggerFailures) this.host.toast(`${f.entry} failed: ${f.message}`, 'error');
      }
      this.host.changed();
      await this.refresh();
      if (this.selection) this.select(this.selection);
    } finally {
      this.busy = false;
      this.element.classList.remove('saving');
    }
  }

  // ---- Scrolling ----

  private onScroll(): void {
    this.note.hide();
    window.clearTimeout(this.scrollTimer);
    this.scrollTimer = window.setTimeout(() => {
      const view = this.view;
      if (!view || this.editor) return;
      const first = windowToFetch(view, this.element.scrollTop, this.element.clientHeight);
      if (first !== null) void this.fetch(first);
    }, 60);
  }
}
