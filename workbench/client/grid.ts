/**
 * One tab of the spreadsheet as a grid, like Sheets draws it: column letters and row numbers, frozen
 * rows kept in view, notes as a corner mark with the note on hover, dropdown cells, charts floating
 * over the cells at their anchor. Only a window of rows is fetched and drawn (the register may hold
 * thousands); scrolling fetches the next window.
 *
 * Editing is what a person does: select a cell and type (or double-click, Enter, F2), pick from a
 * dropdown, Delete to clear, or paste a block. Every edit goes to the server, which applies Sheets'
 * own validation and protection and fires the edit trigger as the current user.
 */
import { api, type CellFormat, type SheetView } from './api';
import { drawChart } from './charts';
import { clear, columnLetters, h } from './dom';

export const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 24;
const ROW_NUMBER_WIDTH = 46;
const DEFAULT_COLUMN_WIDTH = 100;
const WINDOW_ROWS = 150;
const MARGIN_ROWS = 20;

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

/** A cell whose text runs on over empty cells (with the width it may take), or a cell run over. */
interface Spill {
  kind: 'spill' | 'spilled-over';
  room: number;
}

export class SheetGrid {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLDivElement;
  private view: SheetView | null = null;
  private sheetName = '';
  private selection: Cell | null = null;
  private editor: HTMLInputElement | HTMLSelectElement | null = null;
  private notePopup: HTMLDivElement | null = null;
  private loading: Promise<void> | null = null;
  private scrollTimer = 0;
  private busy = false;
  /** The view last drawn, as JSON, to skip redrawing what did not change. */
  private drawn = '';
  private pendingRender = false;

  constructor(private readonly host: GridHost) {
    this.canvas = h('div', { class: 'grid-canvas' });
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

  // ---- Geometry ----

  private columnWidth(column: number): number {
    return Math.max(40, this.view?.columnWidths[String(column)] ?? DEFAULT_COLUMN_WIDTH);
  }

  private columnLeft(column: number): number {
    let x = ROW_NUMBER_WIDTH;
    for (let c = 1; c < column; c++) x += this.columnWidth(c);
    return x;
  }

  private extent(view: SheetView): { rows: number; columns: number } {
    let rows = Math.max(view.lastRow + 20, 40);
    let columns = Math.max(view.lastColumn + 2, 8);
    for (const chart of view.charts) {
      rows = Math.max(rows, chart.anchorRow + Math.ceil((chart.height + chart.offsetY) / ROW_HEIGHT) + 2);
      columns = Math.max(
        columns,
        chart.anchorColumn + Math.ceil((chart.width + chart.offsetX) / DEFAULT_COLUMN_WIDTH) + 1,
      );
    }
    return {
      rows: Math.min(rows, view.maxRows),
      columns: Math.min(columns, Math.max(view.maxColumns, view.lastColumn)),
    };
  }

  // ---- Drawing ----

  private render(): void {
    const view = this.view;
    if (!view) return;
    this.drawn = JSON.stringify(view);
    this.pendingRender = false;
    this.hideNote();
    clear(this.canvas);
    const { rows: totalRows, columns } = this.extent(view);
    const colgroup = h('colgroup', {}, h('col', { style: `width:${ROW_NUMBER_WIDTH}px` }));
    for (let c = 1; c <= columns; c++)
      colgroup.appendChild(h('col', { style: `width:${this.columnWidth(c)}px` }));
    const head = h('thead');
    const letters = h('tr', { class: 'col-header' }, h('th', { class: 'corner' }));
    for (let c = 1; c <= columns; c++) letters.appendChild(h('th', { class: 'col-name' }, columnLetters(c)));
    head.appendChild(letters);
    view.frozen.forEach((cells, i) => head.appendChild(this.rowElement(i + 1, cells, columns, i)));
    const body = h('tbody');
    const bodyFirst = view.frozenRows + 1;
    const windowEnd = Math.min(totalRows, view.firstRow + WINDOW_ROWS - 1);
    const topPad = (view.firstRow - bodyFirst) * ROW_HEIGHT;
    if (topPad > 0) body.appendChild(h('tr', { class: 'spacer', style: `height:${topPad}px` }));
    for (let r = view.firstRow; r <= windowEnd; r++) {
      body.appendChild(this.rowElement(r, view.rows[r - view.firstRow] ?? [], columns, null));
    }
    const bottomPad = (totalRows - windowEnd) * ROW_HEIGHT;
    if (bottomPad > 0) body.appendChild(h('tr', { class: 'spacer', style: `height:${bottomPad}px` }));
    const width = this.columnLeft(columns + 1);
    const table = h('table', { class: 'grid', style: `width:${width}px` }, colgroup, head, body);
    table.addEventListener('mousedown', (e) => this.onMouseDown(e));
    table.addEventListener('dblclick', (e) => this.onDoubleClick(e));
    table.addEventListener('mouseover', (e) => this.onHover(e));
    table.addEventListener('mouseleave', () => this.hideNote());
    this.canvas.appendChild(table);
    const layer = h('div', { class: 'chart-layer' });
    for (const chart of view.charts) {
      const box = h('div', {
        class: 'chart-box',
        'data-chart-title': chart.title,
        style: `left:${this.columnLeft(chart.anchorColumn) + chart.offsetX}px;top:${HEADER_HEIGHT + (chart.anchorRow - 1) * ROW_HEIGHT + chart.offsetY}px`,
      });
      box.appendChild(drawChart(chart));
      layer.appendChild(box);
    }
    this.canvas.appendChild(layer);
    if (this.selection) this.markSelection();
  }

  private rowElement(
    row: number,
    cells: string[],
    columns: number,
    frozenIndex: number | null,
  ): HTMLTableRowElement {
    const view = this.view!;
    const tr = h('tr', { 'data-row': row, class: frozenIndex === null ? 'row' : 'row frozen' });
    const stickyTop = frozenIndex === null ? '' : `top:${HEADER_HEIGHT + frozenIndex * ROW_HEIGHT}px`;
    tr.appendChild(h('th', { class: 'row-num', style: stickyTop || null }, row));
    const spills = frozenIndex === null ? this.spills(row, cells, columns) : new Map<number, Spill>();
    for (let c = 1; c <= columns; c++) {
      const key = `${row},${c}`;
      const text = cells[c - 1] ?? '';
      const format: CellFormat | undefined = view.formats[key];
      const classes = ['cell'];
      const note = view.notes[key];
      if (note) classes.push('has-note');
      if (this.dropdownAt(row, c)) classes.push('has-dropdown');
      const spill = spills.get(c);
      if (spill) classes.push(spill.kind);
      if (format?.bold) classes.push('bold');
      if (format?.italic) classes.push('italic');
      const styles: string[] = [];
      if (stickyTop) styles.push(stickyTop);
      if (format?.background) styles.push(`background:${format.background}`);
      if (format?.color) styles.push(`color:${format.color}`);
      const align = format?.align?.toLowerCase();
      if (align === 'center' || align === 'right') styles.push(`text-align:${align}`);
      else if (!align && text !== '' && /^-?[\d,.]+%?$/.test(text)) styles.push('text-align:right');
      tr.appendChild(
        h(
          'td',
          {
            class: classes.join(' '),
            'data-row': row,
            'data-col': c,
            'data-a1': `${columnLetters(c)}${row}`,
            'data-note': note ?? null,
            style: styles.length ? styles.join(';') : null,
          },
          // The text in its own box, so text running on over the next cells never takes their clicks;
          // a spilling text stops where the empty cells it runs over end, as in Sheets.
          text === ''
            ? null
            : h(
                'span',
                { class: 'v', style: spill?.kind === 'spill' ? `width:${spill.room}px` : null },
                text,
              ),
        ),
      );
    }
    return tr;
  }

  /**
   * Text too long for its cell runs on over empty cells to its right, as in Sheets: `spill` on the
   * cell, `spilled-over` on the cells it covers (their gridline hidden), by an estimate of its width.
   */
  private spills(row: number, cells: string[], columns: number): Map<number, Spill> {
    const out = new Map<number, Spill>();
    const view = this.view!;
    for (let c = 1; c <= columns; c++) {
      const text = cells[c - 1] ?? '';
      const align = view.formats[`${row},${c}`]?.align?.toLowerCase();
      if (text === '' || align === 'right' || align === 'center' || /^-?[\d,.]+%?$/.test(text)) continue;
      let room = this.columnWidth(c) - 8;
      const needed = text.length * (view.formats[`${row},${c}`]?.bold ? 7.6 : 7);
      let next = c + 1;
      while (
        room < needed &&
        next <= columns &&
        (cells[next - 1] ?? '') === '' &&
        !this.dropdownAt(row, next)
      ) {
        room += this.columnWidth(next);
        next++;
      }
      if (next === c + 1) continue;
      out.set(c, { kind: 'spill', room });
      for (let k = c + 1; k < next - 1; k++) out.set(k, { kind: 'spilled-over', room: 0 });
      c = next - 1;
    }
    return out;
  }

  private dropdownAt(row: number, column: number): SheetView['dropdowns'][number] | undefined {
    return this.view?.dropdowns.find(
      (d) =>
        row >= d.rect.row &&
        row < d.rect.row + d.rect.numRows &&
        column >= d.rect.column &&
        column < d.rect.column + d.rect.numColumns,
    );
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

  private onHover(e: MouseEvent): void {
    const td = (e.target as HTMLElement).closest('td.has-note') as HTMLTableCellElement | null;
    if (!td) {
      this.hideNote();
      return;
    }
    const note = td.dataset.note ?? '';
    if (this.notePopup?.dataset.for === td.dataset.a1) return;
    this.hideNote();
    this.notePopup = h(
      'div',
      { class: 'note-popup', role: 'tooltip', 'data-for': td.dataset.a1 ?? '' },
      note,
    );
    this.notePopup.style.left = `${td.offsetLeft + td.offsetWidth + 2}px`;
    this.notePopup.style.top = `${td.offsetTop}px`;
    this.canvas.appendChild(this.notePopup);
  }

  private hideNote(): void {
    this.notePopup?.remove();
    this.notePopup = null;
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editor || !this.selection || !this.view) return;
    const { row, column } = this.selection;
    const move = (dr: number, dc: number) => {
      e.preventDefault();
      const next = { row: Math.max(1, row + dr), column: Math.max(1, column + dc) };
      this.select(next);
      this.cellElement(next)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    };
    if (e.key === 'ArrowDown') move(1, 0);
    else if (e.key === 'ArrowUp') move(-1, 0);
    else if (e.key === 'ArrowRight' || e.key === 'Tab') move(0, 1);
    else if (e.key === 'ArrowLeft') move(0, -1);
    else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.startEditing(this.selection);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void this.write(this.selection, [['']]);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEditing(this.selection, e.key);
    }
  }

  /** A pasted block (tab-separated, as Sheets copies) lands at the selected cell. */
  private onPaste(e: ClipboardEvent): void {
    if (this.editor || !this.selection) return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (text === '') return;
    e.preventDefault();
    const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    void this.write(
      this.selection,
      lines.map((line) => line.split('\t')),
    );
  }

  // ---- Editing ----

  private startEditing(cell: Cell, typed?: string): void {
    this.closeEditor();
    this.select(cell);
    const td = this.cellElement(cell);
    if (!td) return;
    const dropdown = this.dropdownAt(cell.row, cell.column);
    const current = this.rawContent(cell);
    let editor: HTMLInputElement | HTMLSelectElement;
    if (dropdown && typed === undefined) {
      const select = h('select', { class: 'cell-editor', 'data-testid': 'cell-editor' });
      const values =
        dropdown.values.includes(current) || current === '' ? dropdown.values : [current, ...dropdown.values];
      select.appendChild(h('option', { value: '' }, ''));
      for (const v of values) select.appendChild(h('option', { value: v, selected: v === current }, v));
      select.addEventListener('change', () => this.commitEditor());
      editor = select;
    } else {
      const input = h('input', { class: 'cell-editor', 'data-testid': 'cell-editor', type: 'text' });
      input.value = typed ?? current;
      editor = input;
    }
    editor.addEventListener('keydown', (e) => {
      const key = (e as KeyboardEvent).key;
      if (key === 'Enter' || key === 'Tab') {
        e.preventDefault();
        this.commitEditor();
      } else if (key === 'Escape') {
        e.preventDefault();
        this.closeEditor();
        this.element.focus({ preventScroll: true });
      }
      e.stopPropagation();
    });
    editor.addEventListener('blur', () => {
      // Clicking elsewhere commits, as in Sheets (unless the editor was already handled).
      if (this.editor === editor) this.commitEditor();
    });
    editor.style.left = `${td.offsetLeft}px`;
    editor.style.top = `${td.offsetTop}px`;
    editor.style.width = `${Math.max(td.offsetWidth, 160)}px`;
    editor.style.height = `${td.offsetHeight}px`;
    this.editor = editor;
    editor.dataset.row = String(cell.row);
    editor.dataset.col = String(cell.column);
    editor.dataset.initial =
      editor instanceof HTMLInputElement ? (typed === undefined ? current : '\u0000') : current;
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
    this.hideNote();
    window.clearTimeout(this.scrollTimer);
    this.scrollTimer = window.setTimeout(() => {
      const view = this.view;
      if (!view || this.editor) return;
      const { rows: totalRows } = this.extent(view);
      const first = view.frozenRows + 1 + Math.floor(this.element.scrollTop / ROW_HEIGHT);
      const last = first + Math.ceil(this.element.clientHeight / ROW_HEIGHT);
      const loadedEnd = view.firstRow + WINDOW_ROWS - 1;
      const needsEarlier = first < view.firstRow + MARGIN_ROWS && view.firstRow > view.frozenRows + 1;
      const needsLater = last > loadedEnd - MARGIN_ROWS && loadedEnd < totalRows;
      if (needsEarlier || needsLater) void this.fetch(Math.max(1, first - 50));
    }, 60);
  }
}
