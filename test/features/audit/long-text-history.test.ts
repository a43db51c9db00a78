/**
 * A change of a long text logs its old and new values on one line; when both together do not fit one
 * log cell (Progress Notes of 30,000 characters, a note added from My work), the old value is cut, as
 * the row that set it holds it whole. Verify audit log reads that cut value as the text the log last
 * gave the field, not as a break in the order's history.
 */
import { assignedOrder, type } from '../../support/edits';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

async function myWork(id: string, request: Record<string, unknown>): Promise<void> {
  const record = expectOk(
    await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, ...request }),
  );
  if (!(record.value as { ok: boolean }).ok) throw new Error(JSON.stringify(record.value).slice(0, 600));
}

test('notes added to 30,000 characters of Progress Notes verify clean', async () => {
  const id = await assignedOrder(wb, TECH);
  await type(wb, TECH, id, 'Progress Notes', `Meter readings: ${'0123456789'.repeat(3000)}`);
  await myWork(id, { action: 'start', note: 'Started' });
  await myWork(id, { action: 'note', note: 'Reading again tomorrow' });
  // The two notes' lines had their old value cut to fit.
  expect(wb.changeLog().filter((r) => r[3] === id && String(r[4]).includes('[truncated:'))).toHaveLength(2);
  wb.rt.world.ui.responder = (q) => ({ button: q.buttons === 'YES_NO' ? 'NO' : 'OK', text: '' });
  const verdict = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { message: string };
  expect(verdict.message).toMatch(/^Audit log OK/);
}, 120_000);

test('a note that takes Progress Notes near the cell limit (both values cut in the log) verifies clean', async () => {
  const id = await assignedOrder(wb, TECH);
  await type(wb, TECH, id, 'Progress Notes', `Meter readings: ${'0123456789'.repeat(4985)}`);
  await myWork(id, { action: 'start', note: 'Started' });
  await myWork(id, { action: 'note', note: 'Reading again tomorrow' });
  const cut = wb.changeLog().filter((r) => r[3] === id && String(r[4]).includes('[truncated:'));
  // The old value cut whole, its marker giving the length it had (not the length of an earlier cut).
  expect(String(cut[0]?.[4])).toContain('[truncated: 49,866 characters received]');
  wb.rt.world.ui.responder = (q) => ({ button: q.buttons === 'YES_NO' ? 'NO' : 'OK', text: '' });
  const verdict = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { message: string };
  expect(verdict.message).toMatch(/^Audit log OK/);
}, 120_000);
