/**
 * A request's form response edited after it was taken in ("Allow response editing" turned on by an
 * administrator), through dist/Code.js: Google overwrites the response row and fires the form-submit
 * trigger again for it. The work order keeps its first answers, the edit is on the order's change log,
 * and the requestor and the supervisors are told it was not applied and what to do instead; the same
 * edit delivered twice is told once, and a replay of the first answers still changes nothing.
 */
import { fireFormSubmit } from '../../../runtime/host/events';
import type { FormSubmission } from '../../../runtime/host/form-events';
import { FORM_QUESTIONS } from '../../../src/core/intake';
import {
  ADMIN,
  REQUESTOR,
  SUPERVISOR,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { mailLog } from '../review/helpers';
import { writesSnapshot } from '../review/fixtures';

let wb: TestWorkbook;
let submitted: FormSubmission;
let id: string;
const description = FORM_QUESTIONS.find((q) => q.key === 'description')!.title;

beforeAll(async () => {
  wb = await setUpWorkbook();
  submitted = await wb.submit({ description: 'Tap leaks in the kitchen' });
  submitted.executions.forEach(expectOk);
  id = wb.register().at(-1)!.order.id;
});
afterAll(() => wb.close());

/** Google fires the trigger for the response row, with the answers the row now holds. */
async function deliver(namedValues: Record<string, string[]>) {
  const { sheetName, row } = submitted.response;
  const trigger = wb.rt.world.triggers.matching('ON_FORM_SUBMIT', 'SPREADSHEETS', wb.ssId)[0]!;
  return expectOk(
    await fireFormSubmit(wb.rt, trigger, wb.ssId, {
      sheetName: sheetName!,
      row: row!,
      values: Object.values(namedValues).map((v) => v[0] ?? ''),
      namedValues,
    }),
  );
}

/** The requestor edits the description: Google overwrites the row, then fires the trigger again. */
async function editDescription(text: string) {
  const { sheetName, row } = submitted.response;
  const sheet = wb.sheet(sheetName!);
  const header = wb.values(sheetName!)[0]!.map(String);
  sheet.writeValues(row!, header.indexOf(description) + 1, [[text]]);
  await deliver({ ...submitted.response.namedValues, [description]: [text] });
}

test('a replay of the first answers changes nothing and tells nobody', async () => {
  const before = writesSnapshot(wb);
  await deliver(submitted.response.namedValues);
  expect(writesSnapshot(wb)).toBe(before);
});

test('an edited response is logged, not applied, and the requestor and supervisors are told', async () => {
  const mailBefore = mailLog(wb).length;
  await editDescription('Tap leaks in the kitchen and the bathroom');
  expect(wb.order(id).description).toBe('Tap leaks in the kitchen');
  const edited = wb.changeLogEntries().filter((e) => e.recordId === id && e.field === 'Response Edited');
  expect(edited).toHaveLength(1);
  expect(edited[0]!.newValue).toContain(
    `${submitted.response.sheetName}!A${submitted.response.row} edited by the requestor after it was taken in; not applied`,
  );
  const mail = mailLog(wb).slice(mailBefore);
  expect(mail.map((m) => m.to)).toEqual([[REQUESTOR], [SUPERVISOR]]);
  expect(mail[0]!.subject).toBe(`[${id}] Your changes to your request were not applied`);
  expect(mail[0]!.body).toContain('your changes were not applied');
  expect(mail[0]!.body).toContain('reply form');
  expect(mail[1]!.subject).toBe(`[${id}] Request edited after it was taken in`);
  expect(mail[1]!.body).toContain('correct the order in Review & assign');

  // The same edit delivered again is told once.
  const after = writesSnapshot(wb);
  await deliver({
    ...submitted.response.namedValues,
    [description]: ['Tap leaks in the kitchen and the bathroom'],
  });
  expect(writesSnapshot(wb)).toBe(after);
});

test("Verify audit log takes the logged edit as the requestor's, and still finds a row changed by hand", async () => {
  const verify = async () =>
    expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
  expect(await verify()).toMatchObject({ ok: true });
  // Negative control: the same row changed again where no form edit was delivered.
  const { sheetName, row } = submitted.response;
  const header = wb.values(sheetName!)[0]!.map(String);
  wb.sheet(sheetName!).writeValues(row!, header.indexOf(description) + 1, [['Typed over by an editor']]);
  const found = await verify();
  expect(found.ok).toBe(false);
  expect(found.message).toContain(`the answers of ${id} are not the ones intake recorded`);
});
