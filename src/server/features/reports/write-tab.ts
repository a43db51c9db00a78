/**
 * One report tab's cells as the report decided them (./cells: values only, text kept text, bold and
 * number formats), written by adapters/report-tab.ts with its charts.
 */
import type { ReportTab } from '../../../core/reports';
import type { Sheet, Spreadsheet } from '../../adapters/apps-script-types';
import { writeReportBlock } from '../../adapters/report-tab';
import { fontWeights, numberFormats, tabValues } from './cells';

export function writeReportTab(
  ss: Spreadsheet,
  tab: ReportTab,
  /**
   * Called with the tab before anything is written to it (to protect it), and whether this build made
   * it; true when the tab was someone else's until now.
   */
  guard?: (sheet: Sheet, made: boolean) => boolean,
): Sheet {
  return writeReportBlock(
    ss,
    {
      name: tab.name,
      values: tabValues(tab),
      fontWeights: fontWeights(tab),
      numberFormats: numberFormats(tab),
      charts: tab.charts,
    },
    guard,
  );
}
