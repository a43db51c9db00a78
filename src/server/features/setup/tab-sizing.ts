/**
 * The add-on's own tabs sized to what they hold. Google makes every new tab 1,000 rows × 26 columns
 * (Spreadsheet.insertSheet), and every cell of every tab, empty or not, counts against the
 * spreadsheet's 10-million-cell limit: a dozen tabs holding a few rows each would cost ~100,000 cells,
 * the room of a thousand work orders with their history.
 *
 * - A tab setup creates (sheets.ts ensureSheet, adapters/tab-sizing.ts) keeps the rows it was given plus SPARE_ROWS; its
 *   columns are already cut to its header.
 * - Tabs made before, or by code that creates a tab when it first needs one (the Errors, Outbox and
 *   KPI History tabs), are trimmed by setup once per workbook: columns past the last one holding
 *   anything in any row (Sheet.getLastColumn: values and formulas), and, on tabs whose writers grow
 *   them, rows past the last one holding anything plus SPARE_ROWS. What a hostile or careless editor
 *   typed anywhere is never deleted: only wholly empty columns and rows go.
 *
 * The register and the change log keep their own row policies (setup's 200 rows and the hourly job's
 * spare rows; the log appender's 300–1,300 empty rows), and their width is their columns'.
 */
import { CHECKLISTS_SHEET } from '../../../core/checklists';
import { CHECKLIST_ITEMS_SHEET } from '../../../core/checklist-items';
import { PARTS_SHEET, TIME_SHEET } from '../../../core/labour';
import { SHEET_NAMES } from '../../../core/model';
import { KPI_HISTORY_SHEET } from '../../../core/reports/weekly';
import { PROPERTY_KEYS, documentProperties } from '../../adapters/document-properties';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { SPARE_ROWS, trimEmptyCells } from '../../adapters/tab-sizing';
import type { SetupReport } from './report';

export { SPARE_ROWS };

/**
 * The tabs sized, and whether their spare rows may go: a tab whose writer does not grow it (KPI
 * History writes its week past the last row) keeps its rows, and only its empty columns are cut.
 */
export const SIZED_TABS: ReadonlyArray<{ name: string; trimRows: boolean }> = [
  { name: SHEET_NAMES.settings, trimRows: true },
  { name: SHEET_NAMES.staff, trimRows: true },
  { name: SHEET_NAMES.procedure, trimRows: true },
  { name: SHEET_NAMES.outbox, trimRows: true },
  { name: SHEET_NAMES.errors, trimRows: true },
  { name: SHEET_NAMES.assets, trimRows: true },
  { name: SHEET_NAMES.schedules, trimRows: true },
  { name: SHEET_NAMES.archive, trimRows: true },
  { name: CHECKLISTS_SHEET, trimRows: true },
  { name: CHECKLIST_ITEMS_SHEET, trimRows: true },
  { name: TIME_SHEET, trimRows: true },
  { name: PARTS_SHEET, trimRows: true },
  { name: KPI_HISTORY_SHEET, trimRows: false },
  // Its writer, the hourly job, appends without the document lock setup holds: rows cut below its last
  // row could be the very rows it is writing.
  { name: SHEET_NAMES.hourlyOutbox, trimRows: false },
];

/**
 * Setup's step: each add-on tab trimmed to what it holds (see the file comment), each under a hold of
 * the document lock of its own (the mailer appends to the Outbox meanwhile). Done once per workbook:
 * a document property records it, so setup's later runs pay one property read.
 */
export function sizeAddOnTabs(
  ss: Spreadsheet,
  report: SetupReport,
  locked: <T>(step: () => T) => T = (step) => step(),
): void {
  const props = documentProperties();
  if (props.getProperty(PROPERTY_KEYS.tabsSized) === '1') return;
  const freed: string[] = [];
  for (const { name, trimRows } of SIZED_TABS) {
    try {
      const cells = locked(() => trimEmptyCells(ss, name, trimRows));
      if (cells > 0) freed.push(`${name} (${cells.toLocaleString('en-US')} empty cells)`);
    } catch (error) {
      // A tab that cannot be trimmed (protected by someone else, say) costs cells, nothing else.
      report.warnings.push(
        `${name}: its empty rows and columns could not be removed (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }
  if (freed.length > 0) report.repaired.push(`removed the empty rows and columns of ${freed.join(', ')}`);
  props.setProperty(PROPERTY_KEYS.tabsSized, '1');
}
