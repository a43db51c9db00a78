/**
 * A tab's window of rows drawn as Sheets draws it: column letters, row numbers, frozen rows kept in
 * view, formats, notes as a corner mark, dropdown cells, long texts running on over empty cells, and
 * the charts floating over the cells at their anchor. Only the rows of the view are drawn; spacer rows
 * stand for the rest so the scrollbar matches the whole tab.
 */
import type { CellFormat, SheetView } from './api';
import { drawChart } from './charts';
import { columnLetters, h } from './dom';
import {
  HEADER_HEIGHT,
  ROW_HEIGHT,
  ROW_NUMBER_WIDTH,
  WINDOW_ROWS,
  columnLeft,
  columnWidth,
  dropdownAt,
  extent,
  spills,
  type Spill,
} from './grid-layout';

export function drawTable(view: SheetView): HTMLTableElement {
  const { rows: totalRows, columns } = extent(view);
  const colgroup = h('colgroup', {}, h('col', { style: `width:${ROW_NUMBER_WIDTH}px` }));
  for (let c = 1; c <= columns; c++)
    colgroup.appendChild(h('col', { style: `width:${columnWidth(view, c)}px` }));
  const head = h('thead');
  const letters = h('tr', { class: 'col-header' }, h('th', { class: 'corner' }));
  for (let c = 1; c <= columns; c++) letters.appendChild(h('th', { class: 'col-name' }, columnLetters(c)));
  head.appendChild(letters);
  view.frozen.forEach((cells, i) => head.appendChild(rowElement(view, i + 1, cells, columns, i)));
  const body = h('tbody');
  const bodyFirst = view.frozenRows + 1;
  const windowEnd = Math.min(totalRows, view.firstRow + WINDOW_ROWS - 1);
  const topPad = (view.firstRow - bodyFirst) * ROW_HEIGHT;
  if (topPad > 0) body.appendChild(h('tr', { class: 'spacer', style: `height:${topPad}px` }));
  for (let r = view.firstRow; r <= windowEnd; r++) {
    body.appendChild(rowElement(view, r, view.rows[r - view.firstRow] ?? [], columns, null));
  }
  const bottomPad = (totalRows - windowEnd) * ROW_HEIGHT;
  if (bottomPad > 0) body.appendChild(h('tr', { class: 'spacer', style: `height:${bottomPad}px` }));
  const width = columnLeft(view, columns + 1);
  return h('table', { class: 'grid', style: `width:${width}px` }, colgroup, head, body);
}

/** The charts, each in a box placed over the cells at its anchor and offset. */
export function drawCharts(view: SheetView): HTMLDivElement {
  const layer = h('div', { class: 'chart-layer' });
  for (const chart of view.charts) {
    const box = h('div', {
      class: 'chart-box',
      'data-chart-title': chart.title,
      style: `left:${columnLeft(view, chart.anchorColumn) + chart.offsetX}px;top:${HEADER_HEIGHT + (chart.anchorRow - 1) * ROW_HEIGHT + chart.offsetY}px`,
    });
    box.appendChild(drawChart(chart));
    layer.appendChild(box);
  }
  return layer;
}

function rowElement(
  view: SheetView,
  row: number,
  cells: string[],
  columns: number,
  frozenIndex: number | null,
): HTMLTableRowElement {
  const tr = h('tr', { 'data-row': row, class: frozenIndex === null ? 'row' : 'row frozen' });
  const stickyTop = frozenIndex === null ? '' : `top:${HEADER_HEIGHT + frozenIndex * ROW_HEIGHT}px`;
  tr.appendChild(h('th', { class: 'row-num', style: stickyTop || null }, row));
  const spilled = frozenIndex === null ? spills(view, row, cells, columns) : new Map<number, Spill>();
  for (let c = 1; c <= columns; c++) {
    const key = `${row},${c}`;
    const text = cells[c - 1] ?? '';
    const format: CellFormat | undefined = view.formats[key];
    const classes = ['cell'];
    const note = view.notes[key];
    if (note) classes.push('has-note');
    if (dropdownAt(view, row, c)) classes.push('has-dropdown');
    const spill = spilled.get(c);
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
          : h('span', { class: 'v', style: spill?.kind === 'spill' ? `width:${spill.room}px` : null }, text),
      ),
    );
  }
  return tr;
}
