/**
 * In a world of consumer accounts (Google reveals an editor to the owner's edit trigger only inside
 * one Workspace domain, so never here): a technician takes orders from Assigned to Completed through
 * My work and through the update form; an edit in the sheet is put back with the note that says why.
 */
import { STEP_CHOICES, updateQuestion } from '../../../src/shared/my-work-update-form';
import { TECH, expectOk, setUpWorkbook } from '../../support/workbook';
import { REGISTER, noteAt, rowOf } from '../../support/edits';
import { assignedOrders, step } from './helpers';

test('consumer accounts: My work, the update form, and the sheet edit that Google does not attribute', async () => {
  const wb = await setUpWorkbook({ accounts: { kind: 'consumer' } });
  try {
    const [viaSidebar, viaForm, viaSheet] = await assignedOrders(wb, [TECH, TECH, TECH]);
    // My work: runs as the technician, who authorized the add-on.
    for (const action of ['start', 'complete'] as const) {
      const order = wb.order(viaSidebar!);
      const extra = action === 'complete' ? { results: 'Done', actionsTaken: 'Fixed' } : {};
      const { reply } = await step(wb, TECH, { action, id: order.id, revision: order.revision, ...extra });
      expect(reply).toMatchObject({ ok: true });
    }
    expect(wb.order(viaSidebar!).status).toBe('Completed');
    // The update form: verified emails.
    const form = wb.rt.world.forms.all().find((f) => f.title === 'Work order update')!;
    for (const [choice, more] of [
      [STEP_CHOICES.start, {}],
      [
        STEP_CHOICES.complete,
        { [updateQuestion('results').title]: 'Done', [updateQuestion('actionsTaken').title]: 'Fixed' },
      ],
    ] as const) {
      const submitted = await wb.rt.submitForm(form.id, {
        respondentEmail: TECH,
        answers: {
          [updateQuestion('order').title]: viaForm!,
          [updateQuestion('step').title]: choice,
          ...more,
        },
      });
      submitted.executions.forEach(expectOk);
    }
    expect(wb.order(viaForm!).status).toBe('Completed');
    // The sheet: the edit trigger runs as the owner and is not told who edited.
    await wb.edit(TECH, REGISTER, rowOf(wb, viaSheet!), wb.registerColumn('Status'), [['In Progress']]);
    expect(wb.order(viaSheet!).status).toBe('Assigned');
    expect(noteAt(wb, viaSheet!, 'Status')).toMatch(/Google did not tell Work Orders who made this edit/);
  } finally {
    await wb.close();
  }
});
