/**
 * PROPERTY_KEYS lists the real document-property keys: after a day's work through the entry points
 * (setup, intake, an archive run, the review sidebar with a question put to a requestor, a technician's
 * edit, the hourly job), every key in the document's properties is one
 * of them (or a piece of one, `<key>.<n>`), and each of them is used.
 */
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { act, load, submitRequests, target } from '../../features/review/helpers';
import { DAY, now, runHourly } from '../../support/ops';
import { patchOrderAsAddOn } from '../../support/audit';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook } from '../../support/workbook';
import { typeChecklists } from '../../features/checklists/helpers';
import { type } from '../../support/edits';

test('every document property the add-on writes is declared, and every declared key is used', async () => {
  const wb = await setUpWorkbook();
  try {
    await submitRequests(wb, [{ description: 'Old request' }]);
    // Archiving: a request rejected long ago goes to an archive spreadsheet (its list is kept here).
    // Rejected as the add-on rejects (log rows, sealed record): archiving moves only such rows.
    const old = wb.register().find((r) => r.order.description === 'Old request')!.order.id;
    const longAgo = new Date(now(wb).getTime() - 3 * 365 * DAY);
    patchOrderAsAddOn(wb, old, { status: 'Rejected', requestedAt: longAgo, decidedAt: longAgo });
    expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
    // A category checklist: the approval below copies it onto the order.
    await typeChecklists(wb, [['Plumbing', 'Shut off the water', 'Yes', '1']]);
    await submitRequests(wb, [{ description: 'Leaking tap' }, { description: 'Broken light' }]);
    const loaded = await load(wb, SUPERVISOR);
    if (!loaded.reply.ok) throw new Error(loaded.reply.message);
    const [item, other] = loaded.reply.view.sections.submitted.items;
    if (!item || !other) throw new Error('expected two submitted requests');
    const approved = await act(wb, SUPERVISOR, {
      action: 'approveAssign',
      ...target(item),
      category: 'Plumbing',
      priority: 'P3 Routine',
      assignee: TECH,
    });
    expect(approved.reply.ok).toBe(true);
    // The technician's first edit in the register records when it looked for the hourly job's hand-off.
    await type(wb, TECH, item.id, 'Progress Notes', 'On my way');
    const asked = await act(wb, SUPERVISOR, {
      action: 'clarify',
      ...target(other),
      question: 'Which floor?',
    });
    expect(asked.reply.ok).toBe(true);
    await runHourly(wb);

    const keys = Object.keys(wb.rt.world.properties.document(wb.ssId).entries());
    const declared: string[] = Object.values(PROPERTY_KEYS);
    const undeclared = keys.filter(
      (k) => !declared.includes(k) && !declared.includes(k.replace(/\.\d+$/, '')),
    );
    expect(undeclared).toEqual([]);
    // The archive's progress markers exist only while a chunk is under way (features/archive/progress.ts).
    expect(keys).not.toContain(PROPERTY_KEYS.archiveProgress);
    expect(keys).not.toContain(PROPERTY_KEYS.archiveRecordsProgress);
    // The orders approved with no checklist copy: this day's approvals all got one (features/checklists/tabs.ts).
    // A Verify comparing the register over several runs, and the tests' lower share per run (features/audit/progress.ts).
    // The Outbox's sequence counter: only once mail waits in the Outbox (over the quota, or held for a digest).
    const occasional: string[] = [
      PROPERTY_KEYS.outboxSeq,
      PROPERTY_KEYS.archiveProgress,
      PROPERTY_KEYS.archiveRecordsProgress,
      PROPERTY_KEYS.checklistsNone,
      PROPERTY_KEYS.verifyProgress,
      PROPERTY_KEYS.verifyRowsPerRun,
      // When Verify last read each archived part of the log, and the tests' lower share per run.
      PROPERTY_KEYS.verifyArchivedParts,
      PROPERTY_KEYS.verifyArchivedRowsPerRun,
      // Written by Build reports, which this day does not run (features/reports/tab-guard.ts).
      PROPERTY_KEYS.reportTabIds,
      // Written only when a checklist item is unticked, which this day does not do
      // (features/checklists/unticked.ts; test/features/security/insider-checklist-replay.test.ts).
      PROPERTY_KEYS.checklistUnticks,
      // Copied by intake once the hourly job has kept a week of KPI History, which this day does not
      // (features/kpi-history/keep.ts kpiTabCopy; test/features/security/kpi-history-decoy.test.ts).
      PROPERTY_KEYS.kpiHistoryTab,
      // Only while setup's records of the rows take more than one run, and the tests' lower share
      // per run (adapters/row-state-backfill-runs.ts; test/features/setup/backfill-runs.test.ts).
      PROPERTY_KEYS.rowStateBackfill,
      PROPERTY_KEYS.rowStateBackfillRowsPerRun,
      // Only when the list of archive spreadsheets was unreadable, kept as it was found before the
      // archive run lists the files again (features/archive/relist.ts; test/features/archive/unreadable-list.test.ts).
      PROPERTY_KEYS.archiveFilesUnreadable,
    ];
    expect(declared.filter((k) => !keys.includes(k) && !occasional.includes(k))).toEqual([]);
  } finally {
    await wb.close();
  }
});
