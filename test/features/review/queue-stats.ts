/**
 * What the queue-index tests share: the width of a register row as read, and a supervisor's load of
 * the sidebar with what it cost (Spreadsheet calls, cells read).
 */
import { REGISTER_HEADER_ROW } from '../../../src/core/register-row';
import { SUPERVISOR, type TestWorkbook } from '../../support/workbook';
import { load, sheetCalls } from './helpers';

// The register's columns plus the hidden Last Known State column.
export const REGISTER_WIDTH = REGISTER_HEADER_ROW.length + 1;

export async function loadStats(wb: TestWorkbook) {
  const { reply, record } = await load(wb, SUPERVISOR);
  if (!reply.ok) throw new Error(reply.message);
  return { view: reply.view, calls: sheetCalls(record), cellsRead: record.stats.cellsRead, record };
}
