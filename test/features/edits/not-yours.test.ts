/**
 * A technician types into the register row of an order that is not theirs, through dist/Code.js: the
 * cell is put back, and the note and toast say whom the order is assigned to (or that nobody is yet)
 * and what to do if it should be theirs, not only that the assignee or a supervisor may edit it.
 */
import { TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { approvedOrder, assignedOrder, cell, noteAt, toastsOf, type } from '../../support/edits';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

test('another technician’s order: the refusal names its assignee and says to ask a supervisor', async () => {
  const id = await assignedOrder(wb, TECH);
  await type(wb, TECH2, id, 'Progress Notes', 'I did it');
  expect(cell(wb, id, 'Progress Notes')).toBe('');
  const reason =
    'Only the assignee or a supervisor can edit this work order, and it is assigned to Tina Tech, not to you: ' +
    'if it should be yours, ask a supervisor to reassign it in Review & assign';
  expect(noteAt(wb, id, 'Progress Notes')).toMatch(new RegExp(`\\): ${escape(reason)}\\.$`));
  expect(toastsOf(wb, TECH2).at(-1)).toBe(`Change undone. Progress Notes: ${reason}.`);
});

test('an order nobody is assigned to yet: the refusal says so and to ask a supervisor to assign it', async () => {
  const id = await approvedOrder(wb);
  await type(wb, TECH2, id, 'Status', 'In Progress');
  expect(wb.order(id).status).toBe('Approved');
  expect(toastsOf(wb, TECH2).at(-1)).toBe(
    'Change undone. Status: Only the assignee or a supervisor can edit this work order, and nobody is assigned ' +
      'to it yet: if it should be yours, ask a supervisor to assign it to you in Review & assign.',
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
