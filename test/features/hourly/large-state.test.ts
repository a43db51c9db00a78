/**
 * "Once per threshold" on a large register. The reminder state of 600 overdue work orders
 * outgrows one property value (9 KB): it is stored in pieces (src/server/adapters/chunked-property.ts),
 * read back whole, and no order is reminded twice. One run sends MAX_SENDS_PER_RUN of the reminders and
 * queues the rest, which the next runs' drains send, each once.
 */
import { MAX_SENDS_PER_RUN } from '../../../src/server/adapters/outbox-allowance';
import { ADMIN, TECH, expectOk, setUpWorkbook } from '../../support/workbook';
import { HOUR, mailTo, now, ownerState, runHourly, writeOrders } from '../../support/ops';

test('600 overdue work orders: reminded once each, the state kept in several properties', async () => {
  const wb = await setUpWorkbook();
  try {
    wb.rt.world.mail.dailyQuota = 5_000;
    const due = new Date(now(wb).getTime() - HOUR);
    writeOrders(
      wb,
      Array.from({ length: 600 }, (_, i) => ({
        id: `REQ-${String(i + 1).padStart(6, '0')}`,
        woNumber: `WO-2026-${String(i + 1).padStart(5, '0')}`,
        status: 'In Progress',
        assignee: TECH,
        due,
        requestedAt: new Date(due.getTime() - 48 * HOUR),
        description: `Order ${i + 1}`,
        revision: 1,
      })),
    );
    const [first] = await runHourly(wb);
    expectOk(first!);
    expect(first!.value).toMatchObject({
      mail: { sent: MAX_SENDS_PER_RUN, queued: 600 - MAX_SENDS_PER_RUN },
    });
    expect(mailTo(wb, TECH)).toHaveLength(MAX_SENDS_PER_RUN);
    const head = JSON.parse(ownerState(wb, 'reminders')!) as { chunks: number };
    const pieces = head.chunks;
    expect(pieces).toBeGreaterThan(1);
    for (let i = 0; i < pieces; i++)
      expect(
        Buffer.byteLength(wb.rt.world.properties.user(ADMIN).get(`wo.${wb.ssId}.reminders.${i}`)!, 'utf8'),
      ).toBeLessThanOrEqual(9 * 1024);
    // The queue drains run by run; then three more runs send nothing again.
    const runs = Math.ceil(600 / MAX_SENDS_PER_RUN) - 1;
    for (let i = 0; i < runs + 3; i++) expectOk((await runHourly(wb))[0]!);
    const received = mailTo(wb, TECH);
    expect(received).toHaveLength(600);
    expect(new Set(received.map((m) => m.subject)).size).toBe(600);

    // State the previous version stored ("#chunks:N" and plain pieces) is read after an upgrade.
    const store = wb.rt.world.properties.user(ADMIN);
    const key = `wo.${wb.ssId}.reminders`;
    let text = '';
    for (let i = 0; i < pieces; i++) text += store.get(`${key}.${i}`)!.replace(/^[^|]*\|/, '');
    const legacy: Record<string, string> = { [key]: '#chunks:2' };
    legacy[`${key}.0`] = text.slice(0, text.length >> 1);
    legacy[`${key}.1`] = text.slice(text.length >> 1);
    for (let i = 2; i < pieces; i++) store.delete(`${key}.${i}`);
    store.setAll(legacy);
    expectOk((await runHourly(wb))[0]!);
    expect(mailTo(wb, TECH)).toHaveLength(600);
  } finally {
    await wb.close();
  }
});
