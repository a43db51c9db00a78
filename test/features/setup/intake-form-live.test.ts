/**
 * The intake form as live Apps Script leaves it (runtime/host/form/form-app.ts, with its sources):
 * FormApp.create(title) names only the Drive file, so setup must title the form itself; and after
 * the form is unlinked, Form.getDestinationId() still answers this spreadsheet, so setup must look at
 * the spreadsheet's link to notice and repair it.
 */
import { ADMIN, expectOk, setUpWorkbook } from '../../support/workbook';

test('the intake form respondents see is titled, not only its Drive file', async () => {
  const wb = await setUpWorkbook({ staff: false });
  try {
    const form = wb.rt.world.forms.require(wb.formId);
    expect(form.title).toMatch(/^Work order request — /);
    expect(form.fileName).toBe(form.title);
  } finally {
    await wb.close();
  }
});

test('a form whose title was emptied gets it back on the next setup', async () => {
  const wb = await setUpWorkbook({ staff: false });
  try {
    const form = wb.rt.world.forms.require(wb.formId);
    const title = form.title;
    form.title = '';
    const record = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    expect(record.value).toMatch(/the form has its title again/);
    expect(form.title).toBe(title);
  } finally {
    await wb.close();
  }
});

test('a form unlinked from the spreadsheet is linked again by setup, and responses arrive again', async () => {
  const wb = await setUpWorkbook({ staff: false });
  try {
    wb.rt.world.forms.unlinkFromSpreadsheet(wb.formId);
    // The update form stays linked; the requests tab no longer is.
    expect(wb.model.sheetModel('Form Responses 1')?.formUrl ?? null).toBeNull();

    const record = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    expect(record.value).toMatch(/the form sends its responses to this spreadsheet again/);
    expect(wb.rt.world.forms.linkedTo(wb.ssId)?.id).toBe(wb.formId);
    const submitted = await wb.submit();
    expect(submitted.response.spreadsheetId).toBe(wb.ssId);
    submitted.executions.forEach(expectOk);
  } finally {
    await wb.close();
  }
});
