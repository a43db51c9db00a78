/**
 * A paste whose every cell is put back changes nothing in its rows but the notes on those cells: the
 * row's record keeps its values and prints, and records which cells now carry a Work Orders note, so
 * that a later legal paste clears those notes (a paste carries no old value: only the record tells
 * which notes are the add-on's). Rows whose record has room for that are not encoded again; rows
 * whose record is full are (one more text kept as a print); both must end the same way.
 */
import { utf8Bytes } from '../../../src/core/row-state-codec';
import { TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, logFor, noteAt, onlyExecution, rowOf } from '../../support/edits';
import { disagreements, recordOf, stateCell } from '../../support/row-state';

let wb: TestWorkbook;
const ids: string[] = [];
const LONG = 'The boiler in the basement plant room knocks whenever the heating starts up, most mornings. ';

beforeAll(async () => {
  wb = await setUpWorkbook();
  // Short answers leave the record room; long ones fill it to its 150 bytes.
  ids.push(await assignedOrder(wb, TECH2, { requesterName: 'Al', description: 'Leak', resources: '' }));
  ids.push(await assignedOrder(wb, TECH2, { description: LONG.repeat(3), requesterName: 'R'.repeat(60) }));
  ids.push(await assignedOrder(wb, TECH2, { resources: 'Ladder and a torch' }));
}, 120_000);
afterAll(() => wb.close());

const paste = async (user: string, values: string[]) => {
  const top = rowOf(wb, ids[0] as string);
  const outcome = await wb.edit(
    user,
    REGISTER,
    top,
    wb.registerColumn('Progress Notes'),
    values.map((v) => [v]),
  );
  return onlyExecution(outcome.executions);
};

test('the orders sit on consecutive rows', () => {
  const top = rowOf(wb, ids[0] as string);
  expect(ids.map((id) => rowOf(wb, id))).toEqual([top, top + 1, top + 2]);
});

test('a refused paste keeps each record, now naming the noted cell; a later legal paste clears the notes', async () => {
  const before = ids.map((id) => recordOf(wb, stateCell(wb, id)));
  // TECH is not these orders' assignee: every cell goes back, with a note saying why.
  await paste(TECH, ['Not mine 1', 'Not mine 2', 'Not mine 3']);
  ids.forEach((id, i) => {
    expect(wb.order(id).notes).toBe('');
    expect(noteAt(wb, id, 'Progress Notes')).toMatch(/^Work Orders put this cell back/);
    const record = recordOf(wb, stateCell(wb, id));
    expect(record?.noted).toEqual(['notes']);
    expect(record?.order.revision).toBe(before[i]?.order.revision);
    expect(utf8Bytes(stateCell(wb, id))).toBeLessThanOrEqual(150);
    expect(disagreements(wb, id)).toEqual([]);
    expect(logFor(wb, id).at(-1)).toMatchObject({ field: 'Progress Notes (refused)', user: TECH });
  });

  // The assignee's own paste counts, and the notes of the earlier refusal go.
  const legal = await paste(TECH2, ['Checked 1', 'Checked 2', 'Checked 3']);
  expect(legal.stats.calls['Range.setNotes']).toBe(1);
  ids.forEach((id, i) => {
    expect(wb.order(id).notes).toBe(`Checked ${i + 1}`);
    expect(noteAt(wb, id, 'Progress Notes')).toBe('');
    expect(recordOf(wb, stateCell(wb, id))?.noted).toEqual([]);
    expect(disagreements(wb, id)).toEqual([]);
  });

  // No note left to clear and none to write: the paste writes no notes at all.
  const again = await paste(TECH2, ['Checked again 1', 'Checked again 2', 'Checked again 3']);
  expect(again.stats.calls['Range.setNotes']).toBeUndefined();
  ids.forEach((id, i) => expect(wb.order(id).notes).toBe(`Checked again ${i + 1}`));
});

test('refused twice over: the record keeps naming the noted cell, and one legal paste still clears it', async () => {
  await paste(TECH, ['Not mine', 'Not mine', 'Not mine']);
  await paste(TECH, ['Still not mine', 'Still not mine', 'Still not mine']);
  ids.forEach((id, i) => {
    expect(wb.order(id).notes).toBe(`Checked again ${i + 1}`);
    expect(recordOf(wb, stateCell(wb, id))?.noted).toEqual(['notes']);
    expect(disagreements(wb, id)).toEqual([]);
  });
  await paste(TECH2, ['Done 1', 'Done 2', 'Done 3']);
  ids.forEach((id) => expect(noteAt(wb, id, 'Progress Notes')).toBe(''));
});
