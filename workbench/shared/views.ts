/** What the workbench server sends and its browser client draws: one definition for both. */

export interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  background?: string;
  color?: string;
  align?: string;
  wrap?: boolean;
}

export interface ChartView {
  chartId: number;
  /** Charts.ChartType name: LINE, COLUMN, BAR are drawn as such; anything else as columns. */
  type: string;
  title: string;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  stacked: boolean;
}

export interface SheetView {
  name: string;
  tabs: { name: string; hidden: boolean; color: string | null }[];
  lastRow: number;
  lastColumn: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  /** The rows this view carries: `rows[i]` is sheet row `firstRow + i`. */
  firstRow: number;
  rows: string[][];
  /** Frozen rows, always sent (the header stays in view while scrolling). */
  frozen: string[][];
  formulas: Record<string, string>;
  notes: Record<string, string>;
  formats: Record<string, CellFormat>;
  dropdowns: { rect: Rect; values: string[]; strict: boolean; helpText: string | null }[];
  protections: { rect: Rect; description: string; warningOnly: boolean; canEdit: boolean }[];
  charts: ChartView[];
  /** By column number (JSON object keys are strings). */
  columnWidths: Record<string, number>;
}
