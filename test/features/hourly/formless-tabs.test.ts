/**
 * Reconciliation asks each tab that is neither the add-on's nor named as Forms names them whether a
 * form writes it (one backend call a tab). A tab found unlinked is remembered in the owner's state and
 * not asked again: linking a form always makes a new tab. A tab a form writes is asked every run, so a
 * renamed responses tab is still reconciled.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { UPDATE_RESPONSES_SHEET } from '../../../src/shared/my-work-update-form';
import { FORMLESS_TABS } from '../../../src/server/features/hourly/reconcile';
import { REQUESTOR, expectOk, setUpWorkbook } from '../../support/workbook';
import { ownerState, runHourly, startAtLocalHour } from '../../support/ops';

// The add-on's tabs, its update form's answers among them: taken by name, never asked.
const OWN = new Set([...Object.values(SHEET_NAMES), UPDATE_RESPONSES_SHEET].map((n) => n.toLowerCase()));

test('an unlinked tab is asked once; a renamed responses tab is still asked and reconciled', async () => {
  const wb = await setUpWorkbook();
  try {
    startAtLocalHour(wb, 9);
    const notes = wb.model.insertSheetModel('Team notes');
    notes.writeValues(1, 1, [['Typed by the team']]);
    const first = expectOk((await runHourly(wb))[0]!);
    const asked = first.stats.calls['Sheet.getFormUrl'] ?? 0;
    expect(asked).toBeGreaterThanOrEqual(1);
    const remembered = JSON.parse(ownerState(wb, FORMLESS_TABS) ?? '[]') as number[];
    expect(remembered).toContain(notes.sheetId);

    // The intake form's tab renamed: it no longer looks like a responses tab, but a form writes it.
    const responses = wb.model.sheetModels().find((s) => /^Form Responses \d+$/.test(s.name))!;
    responses.name = 'Requests';
    const linked = wb.model
      .sheetModels()
      .filter((s) => s.formUrl !== null && !OWN.has(s.name.toLowerCase())).length;
    const second = expectOk((await runHourly(wb))[0]!);
    // Only the tabs a form writes are asked now.
    expect(second.stats.calls['Sheet.getFormUrl'] ?? 0).toBe(linked);

    wb.rt.world.forms.submit(wb.formId, {
      respondentEmail: REQUESTOR,
      answers: wb.answers({ description: 'Missed while the tab was renamed' }),
    });
    expectOk((await runHourly(wb))[0]!);
    expect(wb.register().map((r) => r.order.description)).toContain('Missed while the tab was renamed');
  } finally {
    await wb.close();
  }
});
