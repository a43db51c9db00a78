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
import { openReviewSidebar, reviewLoad, reviewAct, reviewFind } from './features/review/entry';
import { reviewPoll, reviewSearch } from './features/review/entry';
import { onEditTrigger } from './features/edits/entry';
import { buildReports } from './features/reports/entry';
import { onHourlyTrigger, runHourlyChecksNow } from './features/hourly/entry';
import { verifyAuditLog } from './features/audit/entry';
import { archiveClosedWorkOrders } from './features/archive/entry';
import { reportingErrors } from './features/errors/reporting';
import { openMyWork, myWorkLoad, myWorkAct } from './features/my-work/entry';
import { myWorkRecord } from './features/labour/entry';
import { asInstallationOwner } from './features/setup/installation';
import { repairWorkOrders } from './features/setup/repair';
import { takeOverInstallation } from './features/setup/take-over';
import { openLabelsDialog, labelsLoad } from './features/assets/labels';
import { protectTabsAsMade } from './features/setup/tab-protection-as-made';
import { keepingZone as z } from './features/errors/zone-guard';

// z: the spreadsheet's time zone, changed in File › Settings, is put back before anything is read
// (features/errors/zone-guard.ts): a round trip to Sheets and one to the properties. Menu items, the
// sidebars' loads and actions check it, and the hourly job first thing every hour. The two executions
// with the tightest budgets, an edit typed into the register and a form submission, do not: what they
// record before the next check carries dates in the other zone, which Verify audit log names.

// Wiring, when Code.js loads: a protected tab the add-on makes again is protected by the execution making it.
protectTabsAsMade();

export const entryPoints = {
  // Simple triggers
  onOpen,
  onInstall,
  // Installable triggers (created by setup)
  // (an error in a trigger or menu item goes to the Errors sheet and the administrators, then is rethrown)
  onFormSubmitTrigger: reportingErrors(
    'onFormSubmitTrigger',
    asInstallationOwner('onFormSubmitTrigger', onFormSubmitTrigger, 'in handler'),
  ),
  onEditTrigger: reportingErrors(
    'onEditTrigger',
    asInstallationOwner('onEditTrigger', onEditTrigger, 'in handler'),
  ),
  onHourlyTrigger: reportingErrors('onHourlyTrigger', onHourlyTrigger),
  // Menu items
  setUpWorkOrders: reportingErrors('setUpWorkOrders', z('setUpWorkOrders', setUpWorkOrders), 'menu'),
  openReviewSidebar: reportingErrors('openReviewSidebar', openReviewSidebar, 'menu'),
  openMyWork: reportingErrors('openMyWork', openMyWork, 'menu'),
  buildReports: reportingErrors('buildReports', z('buildReports', buildReports), 'menu'),
  verifyAuditLog: reportingErrors('verifyAuditLog', z('verifyAuditLog', verifyAuditLog), 'menu'),
  archiveClosedWorkOrders: reportingErrors(
    'archiveClosedWorkOrders',
    z('archiveClosedWorkOrders', archiveClosedWorkOrders),
    'menu',
  ),
  runHourlyChecksNow: reportingErrors('runHourlyChecksNow', runHourlyChecksNow, 'menu'),
  repairWorkOrders: reportingErrors('repairWorkOrders', z('repairWorkOrders', repairWorkOrders), 'menu'),
  takeOverInstallation: reportingErrors(
    'takeOverInstallation',
    z('takeOverInstallation', takeOverInstallation),
    'menu',
  ),
  openLabelsDialog: reportingErrors('openLabelsDialog', openLabelsDialog, 'menu'),
  // Called by the review sidebar through google.script.run
  reviewLoad: z('reviewLoad', reviewLoad),
  reviewAct: z('reviewAct', reviewAct),
  reviewFind,
  reviewSearch,
  reviewPoll,
  // Called by the My work sidebar through google.script.run
  myWorkLoad: z('myWorkLoad', myWorkLoad),
  myWorkAct: z('myWorkAct', myWorkAct),
  myWorkRecord: z('myWorkRecord', myWorkRecord),
  // Called by the labels dialog through google.script.run
  labelsLoad,
} satisfies Record<string, (...args: never[]) => unknown>;

export type EntryPointName = keyof typeof entryPoints;
