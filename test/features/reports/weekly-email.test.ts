/**
 * The managers' weekly KPI email says every figure of the week's KPI History row, through
 * dist/Code.js: a manager reading the email sees the same counts the tab keeps, requests rejected or
 * cancelled in the week included (the row counted them; the email left them out).
 */
import { LocalAppsScript } from '../../../runtime';
import { sidebarAct, submitOne } from '../../support/edits';
import { HOUR, mailTo, rowsOf, runHourly, setUpWorkbookIn } from '../../support/ops';
import { ADMIN, MANAGER, expectOk, type TestWorkbook } from '../../support/workbook';

/** Wednesday 4 November 2026, 10:00 in New York (EST). */
const WEDNESDAY = new Date('2026-11-04T15:00:00Z');

let wb: TestWorkbook;
beforeAll(async () => {
  const rt = LocalAppsScript.load();
  rt.world.clock.set(WEDNESDAY);
  wb = await setUpWorkbookIn(rt);
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  const ids = [
    await submitOne(wb, { description: 'Paint the staff room' }),
    await submitOne(wb, { description: 'Move the piano' }),
    await submitOne(wb, { description: 'Leaking tap' }),
  ];
  wb.rt.world.clock.set(new Date(WEDNESDAY.getTime() + 2 * HOUR));
  for (const id of ids.slice(0, 2))
    await sidebarAct(wb, { action: 'reject', id, revision: wb.order(id).revision, reason: 'Not ours' });
  // Monday 9 November, 00:30 EST: the week of 2 November is over.
  wb.rt.world.clock.set(new Date('2026-11-09T04:30:00Z'));
  await runHourly(wb);
}, 60_000);
afterAll(() => wb.close());

test('the email gives the row’s figures, rejected or cancelled included', () => {
  const [row] = rowsOf(wb, 'KPI History');
  expect(row).toMatchObject({ Created: 3, 'Rejected or cancelled': 2, 'Backlog (end of week)': 1 });
  const [mail] = mailTo(wb, MANAGER).filter((m) => /Weekly KPIs/.test(m.subject));
  expect(mail!.body).toContain('Created: 3\n');
  expect(mail!.body).toContain('Rejected or cancelled: 2\n');
  expect(mail!.body).toContain('Backlog at the end of the week: 1\n');
  expect(mail!.body).toMatch(
    /- Rejected or cancelled: requests rejected and work orders cancelled in the week/,
  );
  expect(mail!.htmlBody).toContain('<th align="left">Rejected or cancelled</th><td>2</td>');
});
