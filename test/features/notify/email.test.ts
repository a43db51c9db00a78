/**
 * Email that fits the reader, through dist/Code.js: one sender name and the Settings tab's Reply-To
 * on every email whoever sends it; long texts cut (the full text stays in the register); "Assigned to
 * you" with what the technician needs; the requestor told of delays and of completion with results.
 */
import { REQUESTOR, SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrder, sidebarAct, submitOne, type } from '../../support/edits';
import { HOUR, now, runHourly, setSetting, startAtLocalHour } from '../../support/ops';
import { patchOrderAsAddOn } from '../../support/audit';

const sent = (wb: TestWorkbook) => wb.rt.world.mail.sent;
const to = (wb: TestWorkbook, address: string) => sent(wb).filter((m) => m.to.includes(address));

describe('every email', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    setSetting(wb, 'replyTo', 'Desk@Example.com');
  });
  afterAll(() => wb.close());

  test('comes under the organization’s name with the Settings Reply-To, whoever sends it', async () => {
    const id = await assignedOrder(wb, TECH, {
      resources: 'Ladder, two 58 W tubes',
      urgency: 'Urgent (within 24 h)',
    });
    const mail = sent(wb);
    // The acknowledgment (the requestor's submission), approval and assignment (the supervisor's).
    expect(mail.length).toBeGreaterThanOrEqual(3);
    for (const m of mail) expect([m.name, m.replyTo]).toEqual(['Facilities Maintenance', 'desk@example.com']);
    expect(new Set(mail.map((m) => m.from)).size).toBeGreaterThan(1);
    const assigned = to(wb, TECH).find((m) => m.subject.includes('Assigned to you'))!;
    expect(assigned.body).toContain('Urgency: Urgent (within 24 h)');
    expect(assigned.body).toContain('Required resources: Ladder, two 58 W tubes');
    expect(assigned.body).toContain(`Requester: Rita Requestor <${REQUESTOR}>`);
    expect(assigned.body).toMatch(/Register row: Work Orders, row \d+/);
    expect(assigned.body).toMatch(/Open the register: https:\/\//);
    expect(id).toMatch(/^REQ-/);
  });

  test('a 60,000-character description is cut in the email; the register keeps what a cell holds', async () => {
    const long = `${'The drain in the basement overflows when it rains. '.repeat(1200)}End.`;
    expect(long.length).toBeGreaterThan(60_000);
    const id = await submitOne(wb, { description: long });
    const ack = to(wb, REQUESTOR).at(-1)!;
    expect(ack.subject).toMatch(new RegExp(`^\\[${id}\\] Request received`));
    expect(ack.body.length).toBeLessThan(2_000);
    expect(ack.body).toMatch(/… \[shortened: \d+ more characters in the register\]/);
    // A cell holds 50,000 characters: intake keeps that much, far more than any email carries.
    expect(wb.order(id).description.length).toBeGreaterThan(40_000);
  });
});

describe('the requestor hears of delays and of completion', () => {
  test('overdue: told once; completed: told with the results; closed: with the results', async () => {
    const wb = await setUpWorkbook();
    try {
      startAtLocalHour(wb, 9);
      const id = await assignedOrder(wb, TECH);
      // As a supervisor's new due date lands (logged, the row's record kept): a cell written alone is
      // refused by the close below as changed outside Work Orders.
      patchOrderAsAddOn(wb, id, { due: new Date(now(wb).getTime() + HOUR) });
      const before = to(wb, REQUESTOR).length;
      await runHourly(wb, 2 * HOUR);
      await runHourly(wb);
      const delays = to(wb, REQUESTOR)
        .slice(before)
        .filter((m) => / Delayed: /.test(m.subject));
      expect(delays).toHaveLength(1);
      expect(delays[0]!.body).toContain('is not finished yet. We are sorry for the delay');
      expect(delays[0]!.body).not.toContain('Open the register');

      await type(wb, TECH, id, 'Status', 'In Progress');
      await type(wb, TECH, id, 'Results', 'New ballast fitted; the light is steady');
      await type(wb, TECH, id, 'Actions Taken', 'Replaced the ballast');
      await type(wb, TECH, id, 'Status', 'Completed');
      const done = to(wb, REQUESTOR).find((m) => / Work done: /.test(m.subject))!;
      expect(done.body).toContain('Results: New ballast fitted; the light is steady');
      expect(done.body).toContain('Actions taken: Replaced the ballast');

      await sidebarAct(wb, { action: 'close', id, revision: wb.order(id).revision }, SUPERVISOR);
      const closed = to(wb, REQUESTOR).find((m) => / Closed: /.test(m.subject))!;
      expect(closed.body).toContain('Results: New ballast fitted; the light is steady');
    } finally {
      await wb.close();
    }
  });
});
