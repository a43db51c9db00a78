/**
 * A requestor's reply killed between its change-log row and its register write (test/support/kill.ts),
 * through dist/Code.js: the next append judges the uncommitted row by the order's Progress Notes, where
 * the reply lands, and writes it over, so the log never says a reply was added that the notes lack.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { verifyLog } from '../../support/audit';
import { REGISTER, assignedOrder, rowOf, submitOne } from '../../support/edits';
import { killAtCall, recordCalls } from '../../support/kill';
import { REQUESTOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { documentProperties } from './fixtures';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

test('killed after its log row and before its register write, the reply is not left logged as added', async () => {
  const witness = await assignedOrder(wb, TECH);
  const id = await submitOne(wb, { description: 'Window will not close' });
  const form = documentProperties(wb)['wo.replyForm.id']!;
  const reply = () =>
    wb.rt.submitForm(form, {
      respondentEmail: REQUESTOR,
      answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: 'Room 4' },
    });
  const saved = encodeWorldState(exportWorld(wb.rt.world));
  const clean = recordCalls(wb.rt.world);
  (await reply()).executions.forEach(expectOk);
  clean.stop();
  expect(wb.order(id).notes).toContain('Requestor: Room 4');
  // The log row is the first write; the register's row the second.
  const logWrite = clean.calls.indexOf('Range.setValues');
  const registerWrite = clean.calls.indexOf('Range.setValues', logWrite + 1);
  expect(registerWrite).toBeGreaterThan(logWrite);
  importWorld(wb.rt.world, decodeWorldState(saved));
  const kill = killAtCall(wb.rt.world, registerWrite + 1);
  await reply();
  kill.disarm();
  expect(kill.hit).toBe('Range.setValues');
  // The next append (a technician's note) settles the uncommitted row.
  (
    await wb.edit(TECH, REGISTER, rowOf(wb, witness), wb.registerColumn('Progress Notes'), [['Bulb ordered']])
  ).executions.forEach(expectOk);
  expect(wb.order(id).notes).not.toContain('Room 4');
  expect(wb.changeLogEntries().filter((e) => e.recordId === id && e.field === 'Requestor Reply')).toEqual([]);
  expect(verifyLog(wb)).toMatchObject({ ok: true });
});
