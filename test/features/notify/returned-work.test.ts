/**
 * Completed work sent back, through dist/Code.js: the requestor, told "Work done" at the completion, is
 * told when a supervisor returns it to the technician, in an email addressed to them alone, so the next
 * "Work done" makes sense. The return's reason is written to the technician about their work and stays
 * internal (as test/features/edits/hold-reason.test.ts keeps it out of a later hold's email). The Settings switch
 * notifyRequestor silences it like every other requestor email.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { forgetRememberedState } from '../../support/caches';
import { assignedOrder, sidebarAct } from '../../support/edits';
import {
  REQUESTOR,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterEach(() => wb.close());

const mailTo = (who: string) => wb.rt.world.mail.sent.filter((m) => m.to.includes(who));
const titled = (id: string, title: string) =>
  wb.rt.world.mail.sent.filter((m) => m.subject.startsWith(`[${wb.order(id).woNumber}] ${title}:`));

async function myWork(id: string, request: Record<string, unknown>): Promise<void> {
  const reply = expectOk(
    await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, ...request }),
  ).value as { ok: boolean; message?: string };
  if (!reply.ok) throw new Error(reply.message);
}

const complete = (id: string, results: string) =>
  myWork(id, { action: 'complete', results, actionsTaken: 'Replaced the ballast' });

async function completedOrder(): Promise<string> {
  const id = await assignedOrder(wb, TECH);
  await myWork(id, { action: 'start' });
  await complete(id, 'The light works');
  return id;
}

const sendBack = (id: string) =>
  sidebarAct(wb, {
    action: 'return',
    id,
    revision: wb.order(id).revision,
    reason: 'Internal: still flickers, Tina skipped the starter',
  });

test('complete, return, complete again: the requestor is told each step, alone on their emails', async () => {
  const id = await completedOrder();
  expect(titled(id, 'Work done')).toHaveLength(1);
  const before = mailTo(REQUESTOR).length;

  await sendBack(id);
  const told = mailTo(REQUESTOR).slice(before);
  expect(told).toHaveLength(1);
  const theirs = told[0]!;
  expect(theirs.subject).toMatch(new RegExp(`^\\[${wb.order(id).woNumber}\\] Work not finished yet:`));
  expect(theirs.to).toEqual([REQUESTOR]);
  expect([...theirs.cc, ...theirs.bcc]).toEqual([]);
  expect(theirs.body).toContain('sent back to be finished');
  expect(theirs.body).not.toContain('Tina skipped the starter');
  // The register is for staff only.
  expect(theirs.body).not.toContain('Register row');
  // The technician still gets theirs, to them alone, with the reason.
  const tech = titled(id, 'Returned for more work');
  expect(tech.map((m) => m.to)).toEqual([[TECH]]);
  expect(tech[0]!.body).toContain('Reason: Internal: still flickers, Tina skipped the starter');

  await complete(id, 'Ballast and starter replaced; no flicker');
  expect(titled(id, 'Work not finished yet')).toHaveLength(1);
  const done = titled(id, 'Work done');
  expect(done).toHaveLength(2);
  expect(done[1]!.to).toEqual([REQUESTOR]);
  expect(done[1]!.body).toContain('Ballast and starter replaced; no flicker');
});

test('with notifyRequestor off the requestor is not told of the return; the technician is', async () => {
  const id = await completedOrder();
  const settings = wb.values(SHEET_NAMES.settings);
  const header = (settings[0] ?? []).map(String);
  const row = settings.findIndex((r) => r[header.indexOf('Setting')] === 'notifyRequestor');
  wb.sheet(SHEET_NAMES.settings).writeValues(row + 1, header.indexOf('Value') + 1, [[false]]);
  forgetRememberedState(wb.rt.world, wb.ssId);
  const before = mailTo(REQUESTOR).length;
  await sendBack(id);
  expect(mailTo(REQUESTOR).slice(before)).toEqual([]);
  expect(titled(id, 'Returned for more work').map((m) => m.to)).toEqual([[TECH]]);
});

test('a supervisor returning work on their own request is not emailed about it', async () => {
  const id = await assignedOrder(wb, TECH, { description: 'The office blind is stuck' }, SUPERVISOR);
  await myWork(id, { action: 'start' });
  await complete(id, 'Blind rehung');
  const sent = mailTo(SUPERVISOR).length;
  await sendBack(id);
  expect(mailTo(SUPERVISOR).slice(sent)).toEqual([]);
  expect(titled(id, 'Returned for more work').map((m) => m.to)).toEqual([[TECH]]);
});
