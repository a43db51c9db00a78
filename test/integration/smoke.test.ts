import { setUpWorkbook, expectOk } from '../support/workbook';

test('smoke: submit', async () => {
  const wb = await setUpWorkbook();
  const sub = await wb.submit({ description: '=IMPORTXML("http://example.com","//a")' });
  sub.executions.forEach(expectOk);
  console.log(JSON.stringify(sub.executions[0]?.stats.backend), sub.executions[0]?.stats.calls);
  console.log(wb.register(), wb.changeLog(), wb.rt.world.mail.sent?.length);
  await wb.close();
});
