/**
 * The add-on's forms are shared with the administrators because of their role; when someone leaves the
 * role (made inactive or another role on Staff, or their row deleted), the access the role gave them is
 * taken back: a removed administrator must not keep editing the request form (its questions, where its
 * responses go). Someone the owner shared a form with by hand, who never was an administrator, keeps it.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const SECOND_ADMIN = 'ada.admin@example.com';
const HAND_SHARED = 'forms.designer@example.com';

let wb: TestWorkbook;
let adaRow: number;
beforeEach(async () => {
  wb = await setUpWorkbook();
  adaRow = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
  const edit = await wb.edit(ADMIN, SHEET_NAMES.staff, adaRow, 1, [
    [SECOND_ADMIN, 'Ada', 'Administrator', 'TRUE'],
  ]);
  edit.executions.forEach(expectOk);
  for (const form of wb.rt.world.forms.all()) {
    expect(form.editors.has(SECOND_ADMIN)).toBe(true);
    // The owner shared the forms by hand with someone who is not on Staff.
    form.editors.add(HAND_SHARED);
  }
});
afterEach(() => wb.close());

const forms = () => wb.rt.world.forms.all();

test('made inactive on Staff: taken off every form at once; the hand-shared editor and the owner stay', async () => {
  const edit = await wb.edit(ADMIN, SHEET_NAMES.staff, adaRow, 4, [['FALSE']]);
  edit.executions.forEach(expectOk);
  expect(forms().length).toBeGreaterThanOrEqual(3);
  for (const form of forms()) {
    expect(form.editors.has(SECOND_ADMIN)).toBe(false);
    expect(form.editors.has(HAND_SHARED)).toBe(true);
  }
  // And she can no longer open them (FormApp.openById refuses her); the owner still can.
  for (const form of forms()) {
    expect(form.canOpen(SECOND_ADMIN)).toBe(false);
    expect(form.canOpen(ADMIN)).toBe(true);
  }
});

test('made a Technician: taken off; made an Administrator again: shared again', async () => {
  (await wb.edit(ADMIN, SHEET_NAMES.staff, adaRow, 3, [['Technician']])).executions.forEach(expectOk);
  for (const form of forms()) expect(form.editors.has(SECOND_ADMIN)).toBe(false);
  (await wb.edit(ADMIN, SHEET_NAMES.staff, adaRow, 3, [['Administrator']])).executions.forEach(expectOk);
  for (const form of forms()) expect(form.editors.has(SECOND_ADMIN)).toBe(true);
});

test("her Staff row deleted (no trigger fires): the owner's next setup takes her off and says so", async () => {
  wb.sheet(SHEET_NAMES.staff).deleteRows(adaRow, 1);
  for (const form of forms()) expect(form.editors.has(SECOND_ADMIN)).toBe(true);
  const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
  expect(summary).toMatch(
    new RegExp(
      `took ${SECOND_ADMIN} off the editors of the form "Work order request[^"]*" \\(no longer an active administrator\\)`,
    ),
  );
  for (const form of forms()) {
    expect(form.editors.has(SECOND_ADMIN)).toBe(false);
    expect(form.editors.has(HAND_SHARED)).toBe(true);
  }
});
