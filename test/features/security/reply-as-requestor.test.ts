/**
 * Only a request's requestor may answer on the reply form, and who that is comes from the add-on's own
 * record (the order's "Created" change-log row, whose MAC no editor can make), never from the
 * register's Requester Email cell: a technician's own script can rewrite that cell without firing the
 * edit trigger, reply as the requestor, and put it back.
 */
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { SHEET_NAMES } from '../../../src/core/model';
import { LOG_COLUMN } from '../../../src/core/change-log-row';
import { REGISTER, assignedOrder, rowOf, sidebarAct } from '../../support/edits';
import { submitMany } from '../../support/ops';
import { REQUESTOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { documentProperties } from '../review/fixtures';
import { withWorkbookKey } from '../../support/row-state';
import { serializeRowState } from '../../../src/server/adapters/row-state';

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterEach(() => wb.close());

/** A cell written by a script of the editor's own: no edit trigger runs. */
function writeOutside(id: string, header: string, value: string): void {
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn(header), [[value]]);
}

async function reply(id: string, answer: string, from: string) {
  const formId = documentProperties(wb)['wo.replyForm.id']!;
  const outcome = await wb.rt.submitForm(formId, {
    respondentEmail: from,
    answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: answer },
  });
  outcome.executions.forEach(expectOk);
}

const refusals = (id: string) =>
  wb
    .changeLogEntries()
    .filter((e) => e.recordId === id && e.field.startsWith('Requestor reply not added'))
    .map((e) => [e.user, e.field]);

async function askedOrder(): Promise<string> {
  const id = await assignedOrder(wb, TECH);
  await sidebarAct(wb, {
    action: 'clarify',
    id,
    revision: wb.order(id).revision,
    question: 'Which floor exactly?',
  });
  return id;
}

/**
 * Requester Email rewritten by script in the cell and in the row's record alike. A record keeps the
 * address whole on a row short enough, where an editor can rewrite it; these rows keep it as a keyed
 * print, so the record is written here as the add-on would write it (with the key no editor has), to
 * stand for such a row.
 */
function forgeRequester(id: string, to: string): void {
  writeOutside(id, 'Requester Email', to);
  const state = withWorkbookKey(wb, () => serializeRowState({ ...wb.order(id), requesterEmail: to }));
  writeOutside(id, 'Last Known State', state);
}

test('Requester Email written by script in the cell alone: the reply is refused as a change made outside Work Orders', async () => {
  const id = await askedOrder();
  writeOutside(id, 'Requester Email', TECH);
  await reply(id, 'Never mind, it works now: please cancel', TECH);
  expect(wb.order(id).notes).not.toContain('Never mind');
  expect(refusals(id)).toEqual([
    [TECH, expect.stringMatching(/^Requestor reply not added \(.*its Requester Email reads "tina/)],
  ]);
  // Once the cell is put back, the requestor's own reply goes on the record.
  writeOutside(id, 'Requester Email', REQUESTOR);
  await reply(id, 'Third floor, by the lift', REQUESTOR);
  expect(wb.order(id).notes).toContain('Requestor: Third floor, by the lift');
});

test('a technician who writes their address into Requester Email and its record by script cannot reply as the requestor', async () => {
  const id = await askedOrder();
  forgeRequester(id, TECH);
  await reply(id, 'Never mind, it works now: please cancel', TECH);
  expect(wb.order(id).notes).not.toContain('Never mind');
  expect(refusals(id)).toEqual([[TECH, 'Requestor reply not added (not sent by the requestor)']]);
  // The requestor's own reply still goes on the record, whatever the cell and record say meanwhile.
  await reply(id, 'Third floor, by the lift', REQUESTOR);
  expect(wb.order(id).notes).toContain('Requestor: Third floor, by the lift');
});

test("with the order's Created row forged too, the requestor cannot be established and the reply is refused", async () => {
  const id = await askedOrder();
  const log = wb.changeLog();
  const created = log.findIndex(
    (r) => String(r[LOG_COLUMN.recordId]) === id && String(r[LOG_COLUMN.changes]).startsWith('Created'),
  );
  expect(created).toBeGreaterThanOrEqual(0);
  wb.sheet(SHEET_NAMES.changeLog).writeValues(created + 2, LOG_COLUMN.user + 1, [[TECH]]);
  forgeRequester(id, TECH);
  const before = wb.rt.world.mail.receivedBy(TECH).length;
  await reply(id, 'Never mind, please cancel', TECH);
  expect(wb.order(id).notes).not.toContain('Never mind');
  expect(refusals(id)).toEqual([
    [TECH, 'Requestor reply not added (its requestor could not be established)'],
  ]);
  const told = wb.rt.world.mail.receivedBy(TECH).slice(before);
  expect(told).toHaveLength(1);
  expect(told[0]!.body).toContain(`who made ${id} could not be confirmed just now`);
});

test("the requestor's reply is added when hundreds of log rows came after their request", async () => {
  const id = await askedOrder();
  // More rows than the search's first read of the log's end.
  await submitMany(wb, 250);
  await reply(id, 'Third floor', REQUESTOR);
  expect(wb.order(id).notes).toContain('Requestor: Third floor');
  expect(refusals(id)).toEqual([]);
}, 120_000);
