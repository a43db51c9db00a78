/**
 * Menu: Repair work orders (administrators). Rebuilds every store the add-on keeps beside its sheets
 * when one is lost or damaged: the counters (from the highest number issued, never restarted), the
 * cached Settings/Staff, the change log's remembered tail and the review queue (read afresh next
 * time), the accepted copies of Staff and Settings when unreadable, and the intake ledger when
 * unreadable (reconciliation finds recorded responses again by Response Row and content). Then it
 * runs setup's repairs (sheets, headers, protections, the owner's triggers).
 */
import { tellUser } from '../../adapters/installation-services';
import { SHEET_NAMES } from '../../../core/model';
import { parseLedger, serializeLedger } from '../../../core/intake-ledger';
import { requireAdministrator } from '../../adapters/administrators';
import { forgetChangeLogTail } from '../../adapters/change-log-tail';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import { invalidateReferenceData } from '../../adapters/reference-data';
import { invalidateReviewQueue } from '../../adapters/review-queue';
import { currentUserEmail } from '../../adapters/session';
import { activeSpreadsheet, readTabValues } from '../../adapters/workbook';
import { readAcceptedTab, recordAcceptedTab } from '../edits/accepted-tabs';
import { highestIssued, rebuildCounters } from './counters';
import { recordedInstallationOwner } from './installation';
import { runSetup } from './setup';

const INTAKE_LEDGER_STATE = 'intakeLedger';

export function repairStores(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, email: string): string[] {
  const done: string[] = [];
  const asOwner = recordedInstallationOwner() === email;
  // Read before the locks: whole register columns and the whole log (MACs checked), which grow with history.
  const issued = highestIssued(ss);
  withOwnerAndDocumentLocks(() => {
    invalidateReferenceData();
    forgetChangeLogTail();
    invalidateReviewQueue();
    for (const tab of [SHEET_NAMES.staff, SHEET_NAMES.settings] as const) {
      const values = readTabValues(ss, tab);
      if (readAcceptedTab(tab) === null && values) {
        recordAcceptedTab(tab, values);
        done.push(`the accepted copy of ${tab} was recorded again from the tab`);
      }
    }
    if (asOwner) {
      try {
        parseLedger(readOwnerState(ss.getId(), INTAKE_LEDGER_STATE));
      } catch {
        writeOwnerState(ss.getId(), INTAKE_LEDGER_STATE, serializeLedger({}));
        done.push(
          'the intake ledger was unreadable and was started afresh (the hourly check re-finds recorded responses)',
        );
      }
    }
    const counters = rebuildCounters(ss, asOwner, issued);
    if (counters.damaged.length > 0) done.push(`${counters.damaged.join(' and ')} rebuilt`);
    done.push(
      `counters continue after REQ-${String(counters.request).padStart(6, '0')}` +
        Object.entries(counters.workOrder)
          .map(([year, seq]) => ` and WO-${year}-${String(seq).padStart(5, '0')}`)
          .join(''),
    );
  });
  done.push('cached Settings/Staff, change-log tail and review queue are read afresh');
  return done;
}

export function repairWorkOrders(): string {
  const ss = activeSpreadsheet();
  requireAdministrator(ss, 'repair Work Orders');
  const email = currentUserEmail();
  const repaired = repairStores(ss, email);
  const report = runSetup(ss, email, new Date());
  const summary = [`Stores: ${repaired.join('; ')}.`, report.summary()].join('\n');
  tellUser('Work Orders repair', summary);
  return summary;
}
