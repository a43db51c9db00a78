/**
 * A realistic history for report tests: the benchmark's seeded generator (bench/fixtures), written
 * straight into the Register, Change Log and Form Responses sheets of a set-up workbook through the
 * host model, as the add-on's own writes would have left them.
 */
import { generateHistory, type History, type HistoryOptions } from '../../bench/fixtures/history';
import { installHistory, type Installed } from '../../bench/fixtures/install';
import { ADMIN, SUPERVISOR, TECH, TECH2, type TestWorkbook } from './workbook';

export interface InstalledHistory {
  history: History;
  installed: Installed;
}

export function installReportHistory(
  wb: TestWorkbook,
  options: Partial<Pick<HistoryOptions, 'orders' | 'seed' | 'logRowsPerOrder'>> & {
    /** Changes an order before it is written (e.g. to plant hostile text in a cell). */
    edit?: (history: History) => void;
  } = {},
): InstalledHistory {
  const history = generateHistory({
    orders: options.orders ?? 400,
    seed: options.seed ?? 6,
    logRowsPerOrder: options.logRowsPerOrder,
    now: wb.rt.world.clock.now(),
    timeZone: wb.model.timeZone,
    supervisors: [SUPERVISOR],
    technicians: [TECH, TECH2],
  });
  options.edit?.(history);
  const installed = installHistory(wb.rt.world, wb.ssId, history, { owner: ADMIN });
  return { history, installed };
}
