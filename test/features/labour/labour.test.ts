/**
 * Time and parts on a work order: recorded from My work and from the update form, validated by the
 * shared rules, refused on someone else's order, logged, and costed in Report: Cost (hours × the
 * technician's rate + parts), with the backlog in labour hours against the crew's capacity.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { COST_TAB } from '../../../src/core/reports/cost';
import { RECORD_ONLY_CHOICE, updateQuestion } from '../../../src/shared/my-work-update-form';
import {
  ADMIN,
  MANAGER,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { assignedOrders } from '../my-work/helpers';
import { record } from '../checklists/helpers';

async function submitUpdate(wb: TestWorkbook, user: string, answers: Record<string, string>) {
  const form = wb.rt.world.forms.all().find((f) => f.title === 'Work order update')!;
  const submitted = await wb.rt.submitForm(form.id, {
    respondentEmail: user,
    answers: Object.fromEntries(
      Object.entries(answers).map(([k, v]) => [updateQuestion(k as never).title, v]),
    ),
  });
  submitted.executions.forEach(expectOk);
}

function rowsOf(wb: TestWorkbook, tab: string, id: string): unknown[][] {
  return wb.values(tab).filter((r) => r[0] === id);
}

/** The Staff tab's Hourly Rate for TECH: typed by the administrator (judged like any Staff edit). */
async function setRate(wb: TestWorkbook, email: string, rate: string): Promise<void> {
  const values = wb.values(SHEET_NAMES.staff);
  const column = (values[0] ?? []).indexOf('Hourly Rate') + 1;
  const row = values.findIndex((r) => r[0] === email) + 1;
  expect(column).toBeGreaterThan(0);
  const outcome = await wb.edit(ADMIN, SHEET_NAMES.staff, row, column, [[rate]]);
  outcome.executions.forEach(expectOk);
}

test('time and parts from My work and the update form, refused when wrong, and costed in Report: Cost', async () => {
  const wb = await setUpWorkbook();
  try {
    const [id, other] = await assignedOrders(wb, [TECH, TECH2]);
    // A few days ago: whatever the spreadsheet's zone, not in the future.
    const today = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    // Bad values: each refused with what to do, nothing written.
    for (const [request, message] of [
      [{ kind: 'time', id, date: today, hours: 0 }, /Hours must be more than 0/],
      [{ kind: 'time', id, date: today, hours: 30 }, /at most 24/],
      [{ kind: 'time', id, date: '2026-02-30', hours: 1 }, /not a calendar date/],
      [
        { kind: 'time', id, date: '2999-01-01', hours: 1 },
        /2999-01-01 is after today \(\d{4}-\d{2}-\d{2}\): give the day the work was done/,
      ],
      [{ kind: 'part', id, part: 'Fuse', quantity: 1, unitCost: -2 }, /Unit cost cannot be negative/],
      [{ kind: 'part', id, part: '', quantity: 1, unitCost: 2 }, /Name the part used/],
      [
        { kind: 'part', id: other, part: 'Fuse', quantity: 1, unitCost: 2 },
        /is assigned to Theo Tech, not to you/,
      ],
    ] as const) {
      expect(await record(wb, TECH, request)).toEqual({ ok: false, message: expect.stringMatching(message) });
    }
    expect(rowsOf(wb, 'Time', id!)).toHaveLength(0);
    expect(rowsOf(wb, 'Parts Used', id!)).toHaveLength(0);

    // From My work.
    const time = await record(wb, TECH, {
      kind: 'time',
      id,
      date: today,
      hours: 1.5,
      note: 'Traced the fault',
    });
    expect(time).toMatchObject({ ok: true, message: `Recorded 1.5 h on ${today}.` });
    const part = await record(wb, TECH, { kind: 'part', id, part: 'Fuse 10A', quantity: 2, unitCost: 1.25 });
    expect(part).toMatchObject({
      ok: true,
      records: { parts: [{ part: 'Fuse 10A', quantity: 2, unitCost: 1.25 }] },
    });

    // From the update form: hours and two parts, no status step.
    await submitUpdate(wb, TECH, {
      order: id!,
      step: RECORD_ONLY_CHOICE,
      hours: '2',
      parts: 'Cable 2.5mm; 10; 0.80\nSwitch; 1; 6',
    });
    expect(rowsOf(wb, 'Time', id!).map((r) => [r[1], r[3]])).toEqual([
      [TECH, 1.5],
      [TECH, 2],
    ]);
    expect(rowsOf(wb, 'Parts Used', id!).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['Fuse 10A', 2, 1.25, 2.5],
      ['Cable 2.5mm', 10, 0.8, 8],
      ['Switch', 1, 6, 6],
    ]);
    // A bad line refuses the whole answer, by email, and records nothing.
    await submitUpdate(wb, TECH, {
      order: id!,
      step: RECORD_ONLY_CHOICE,
      hours: '1',
      parts: 'Washer; two; 0.1',
    });
    expect(rowsOf(wb, 'Time', id!)).toHaveLength(2);
    const refusal = wb.rt.world.mail.sent.find((m) => m.subject.includes('Your update was not applied'));
    expect(refusal?.body).toMatch(/"Parts used" line 1: Quantity must be a number/);

    // Logged: who recorded what.
    const log = wb
      .changeLogEntries()
      .filter((e) => e.recordId === id && ['Time', 'Parts Used'].includes(e.field));
    expect(log.map((e) => [e.user, e.field, e.source])).toEqual([
      [TECH, 'Time', 'sidebar'],
      [TECH, 'Parts Used', 'sidebar'],
      [TECH, 'Time', 'form'],
      [TECH, 'Parts Used', 'form'],
      [TECH, 'Parts Used', 'form'],
    ]);

    // A forged row typed into the Time tab is left out of the cost.
    const sheet = wb.sheet('Time');
    sheet.writeValues(sheet.lastRow() + 1, 1, [[id!, TECH, today, 100, 'forged', TECH, new Date(), 'x']]);

    // Cost: TECH's rate is 50 (Staff tab), so 3.5 h × 50 + 2.5 + 8 + 6 = 191.5.
    await setRate(wb, TECH, 'fifty');
    expect(wb.values(SHEET_NAMES.staff).find((r) => r[0] === TECH)).not.toContain('fifty');
    await setRate(wb, TECH, '50');
    expectOk(await wb.menu(MANAGER, 'buildReports'));
    const tab = wb.values(COST_TAB);
    const find = (label: string) => tab.find((r) => r[0] === label);
    const ref = wb.order(id!).woNumber;
    expect(find(ref)?.slice(0, 5)).toEqual([ref, 3.5, 175, 16.5, 191.5]);
    expect(find('Electrical')?.slice(0, 5)).toEqual(['Electrical', 3.5, 175, 16.5, 191.5]);
    // By name, as the other report tabs show a technician; and when it was built, with the zone.
    expect(find('Tina Tech')?.slice(0, 5)).toEqual(['Tina Tech', 3.5, 175, 16.5, 191.5]);
    expect(String(find('Built at')?.[1])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d \(America\/New_York\)$/);
    expect(
      tab.some((r) => String(r[0]).includes('1 row(s) of the Time tab were typed or changed by hand')),
    ).toBe(true);
    // Backlog: two open orders × 2 h estimated, less the 3.5 h logged on one (floored at 0) = 2 h.
    const backlogHeader = tab.findIndex((r) => r[0] === 'Open work orders');
    expect(tab[backlogHeader + 1]?.slice(0, 4)).toEqual([2, 2, 160, 0.01]);
  } finally {
    await wb.close();
  }
});
