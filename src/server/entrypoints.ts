/**
 * Every global function of the add-on, declared once. The build turns each key into a real top-level
 * `function name() {…}` in dist/Code.js, which is what Apps Script's menu, trigger and
 * google.script.run lookups find. Menu items and triggers name handlers by `EntryPointName`, so a
 * handler that does not exist fails to compile.
 *
 * Anyone who can open a sidebar can call any of these from the browser console: each one checks its
 * caller and validates its input itself.
 */
import { onOpen, onInstall } from './features/menu';
import { setUpWorkOrders } from './features/setup/setup';
import { onFormSubmitTrigger } from './features/intake/form-submit';
import { openReviewSidebar, reviewLoad, reviewAct } from './features/review/entry';
import { onEditTrigger } from './features/edits/entry';
import { buildReports } from './features/reports/entry';
import { onHourlyTrigger, runHourlyChecksNow } from './features/hourly/entry';
import { verifyAuditLog } from './features/audit/entry';
import { archiveClosedWorkOrders } from './features/archive/entry';

export const entryPoints = {
  // Simple triggers
  onOpen,
  onInstall,
  // Installable triggers (created by setup)
  onFormSubmitTrigger,
  onEditTrigger,
  onHourlyTrigger,
  // Menu items
  setUpWorkOrders,
  openReviewSidebar,
  buildReports,
  verifyAuditLog,
  archiveClosedWorkOrders,
  runHourlyChecksNow,
  // Called by the review sidebar through google.script.run
  reviewLoad,
  reviewAct,
} satisfies Record<string, (...args: never[]) => unknown>;

export type EntryPointName = keyof typeof entryPoints;
