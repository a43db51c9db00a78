/**
 * When Google hides who edited (the edit trigger runs as its owner and gets a blank email for an
 * editor outside the owner's Workspace domain), the value is put back with a note that says so plainly
 * and points to My work and the update link; the refused value is kept in the change log.
 */
import { TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, cell, logFor, noteAt, rowOf, toastsOf } from '../../support/edits';

describe('an edit by someone Google does not name', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    // Consumer accounts: Google tells the owner's edit trigger nobody's email but the owner's own.
    wb = await setUpWorkbook({ accounts: { kind: 'consumer' } });
  });
  afterAll(() => wb.close());

  test('is put back with a note that says why and where to go instead; the value is in the log', async () => {
    const id = await assignedOrder(wb, TECH);
    const outcome = await wb.edit(TECH, REGISTER, rowOf(wb, id), wb.registerColumn('Status'), [
      ['In Progress'],
    ]);
    expect(outcome.executions.every((e) => e.ok)).toBe(true);
    expect(cell(wb, id, 'Status')).toBe('Assigned');
    const note = noteAt(wb, id, 'Status');
    expect(note).toMatch(/Google did not tell Work Orders who made this edit/);
    expect(note).toMatch(/My work/);
    expect(note).toMatch(/update link/);
    expect(note).not.toMatch(/unknown user/);
    const refused = logFor(wb, id).find((e) => e.field === 'Status (refused)');
    expect(refused?.new).toMatch(/^In Progress \[Google did not tell Work Orders who made this edit/);
    expect(toastsOf(wb, TECH).join(' ')).toMatch(/My work/);
  });
});
