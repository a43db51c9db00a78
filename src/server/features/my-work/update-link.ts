/**
 * The per-order update link for a phone (the update form, pre-filled with the order). Until setup has
 * made the update form there is none, and the cards show no link.
 */
import type { WorkOrder } from '../../../core/model';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function updateLinkFor(_ss: Spreadsheet): (order: WorkOrder) => string {
  return () => '';
}
