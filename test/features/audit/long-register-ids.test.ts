/**
 * A Request ID written by script can be as long as a cell allows (50,000 characters). Verify quotes a
 * copied or never-created row's id in what it says, and a run that leaves rows for the next keeps the
 * first rows' findings in the add-on's document properties: quoted whole, twenty such rows overran
 * the properties' quota and every run threw, so Verify could never finish on a large register. The id
 * is named by its first 40 characters.
 */
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { REGISTER, assignedOrder, rowOf } from '../../support/edits';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterEach(() => wb.close());

async function verify(): Promise<{ message: string }> {
  wb.rt.world.ui.responder = (q) => (q.buttons !== 'YES_NO' ? { button: 'OK', text: '' } : { button: 'NO' });
  return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { message: string };
}

test('rows whose Request ID a script filled with 45,000 characters are reported by a short name, over several runs', async () => {
  const id = await assignedOrder(wb, TECH);
  const sheet = wb.sheet(REGISTER);
  const row = rowOf(wb, id);
  const cells = sheet.readValues(row, 1, 1, sheet.lastColumn())[0] as string[];
  const long = 'X'.repeat(45_000);
  const numbered = `REQ-${'9'.repeat(45_000)}`;
  const junk = Array.from({ length: 30 }, (_, i) => {
    const copy = [...cells];
    copy[wb.registerColumn('Request ID') - 1] = i % 2 === 0 ? long : numbered;
    return copy;
  });
  sheet.writeValues(row + 1, 1, junk);
  wb.rt.world.properties.document(wb.ssId).set(PROPERTY_KEYS.verifyRowsPerRun, '10');

  const runs: string[] = [];
  for (let i = 0; i < 4; i++) runs.push((await verify()).message);
  expect(runs[0]).toContain('Run Verify audit log again');
  const last = runs[3] as string;
  expect(last).toContain(`${'X'.repeat(39)}… is also on row ${row + 1}`);
  expect(last).toContain(`no line of the change log names REQ-${'9'.repeat(35)}…`);
  expect(last.length).toBeLessThan(20_000);
}, 120_000);
