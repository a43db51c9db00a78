/**
 * Checklists per category: typed by an administrator on the Checklists tab, copied onto each order when
 * it is approved, ticked from My work (logged), and Completed refused until the required items are
 * ticked, from My work and from the sheet.
 */
import { STEP_CHOICES, updateQuestion } from '../../../src/shared/my-work-update-form';
import { STAFF_ROWS, SUPERVISOR, TECH, TECH2, expectOk, setUpWorkbook } from '../../support/workbook';
import { mailLog } from '../review/helpers';
import { REGISTER, noteAt, rowOf, type } from '../../support/edits';
import { assignedOrders, step } from '../my-work/helpers';
import { ELECTRICAL_CHECKLIST, record, typeChecklists } from './helpers';

const ITEMS = 'Checklist Items';

test('a category checklist is copied at approval, ticked from My work, and holds back Completed', async () => {
  const wb = await setUpWorkbook();
  try {
    expect(STAFF_ROWS.length).toBeGreaterThan(0);
    await typeChecklists(wb, ELECTRICAL_CHECKLIST);
    const [id, other] = await assignedOrders(wb, [TECH, TECH2]);
    // The copy: one row per item, in order, unticked.
    const copied = wb.values(ITEMS).filter((r) => r[0] === id);
    expect(copied.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['1 of 3', 'Isolate the circuit', 'Yes', false],
      ['2 of 3', 'Test with a voltage tester', 'Yes', false],
      ['3 of 3', 'Photograph the finished work', 'No', false],
    ]);
    // A later edit of the Checklists tab leaves the copy alone.
    await typeChecklists(wb, [['Electrical', 'Replace the cover plate', 'Yes', '4']]);
    expect(wb.values(ITEMS).filter((r) => r[0] === id)).toHaveLength(3);

    let order = wb.order(id!);
    expect((await step(wb, TECH, { action: 'start', id, revision: order.revision })).reply.ok).toBe(true);
    order = wb.order(id!);
    const complete = {
      action: 'complete',
      id,
      revision: order.revision,
      results: 'Works',
      actionsTaken: 'Fixed',
    };
    const refused = (await step(wb, TECH, complete)).reply;
    expect(refused).toEqual({
      ok: false,
      message: expect.stringMatching(
        /Completed needs the required checklist items "Isolate the circuit" and "Test with a voltage tester" ticked first/,
      ),
    });
    expect(wb.order(id!).status).toBe('In Progress');

    // Someone else's order: refused. A wrong item: refused.
    expect(
      await record(wb, TECH, { kind: 'tick', id: other, number: 1, item: 'Isolate the circuit', done: true }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/is assigned to Theo Tech, not to you/),
    });
    expect(
      await record(wb, TECH, { kind: 'tick', id, number: 1, item: 'Something else', done: true }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/is not item 1 of the checklist/),
    });

    const first = await record(wb, TECH, {
      kind: 'tick',
      id,
      number: 1,
      item: 'Isolate the circuit',
      done: true,
    });
    expect(first).toMatchObject({ ok: true, message: 'Ticked "Isolate the circuit".' });
    if (!first.ok) throw new Error(first.message);
    expect(first.records.checklist[0]).toMatchObject({ done: true, doneBy: TECH });
    // Still one required item left.
    expect((await step(wb, TECH, complete)).reply).toMatchObject({
      ok: false,
      message: expect.stringMatching(/the required checklist item "Test with a voltage tester" ticked first/),
    });
    const item2 = { kind: 'tick', id, number: 2, item: 'Test with a voltage tester' };
    await record(wb, TECH, { ...item2, done: true });
    // Unticked again: logged, and Completed waits for it once more.
    expect(await record(wb, TECH, { ...item2, done: false })).toMatchObject({
      ok: true,
      message: 'Unticked "Test with a voltage tester".',
    });
    expect((await step(wb, TECH, complete)).reply).toMatchObject({ ok: false });
    await record(wb, TECH, { ...item2, done: true });
    // What the card shows when asked.
    const shown = await record(wb, TECH, { kind: 'view', id });
    expect(shown).toMatchObject({
      ok: true,
      records: {
        canRecord: true,
        checklist: [
          { number: 1, done: true, doneBy: TECH },
          { number: 2, done: true, doneBy: TECH },
          { number: 3, done: false, doneBy: '' },
        ],
      },
    });
    expect((await step(wb, TECH, complete)).reply).toMatchObject({ ok: true });
    expect(wb.order(id!).status).toBe('Completed');

    // Who ticked what, and when, is in the change log.
    const ticks = wb.changeLogEntries().filter((e) => e.recordId === id && e.field.startsWith('Checklist'));
    expect(ticks.map((e) => [e.user, e.field, e.newValue])).toEqual([
      [SUPERVISOR, 'Checklist', expect.stringMatching(/^3 item\(s\) of Electrical copied \(2 required\)/)],
      [TECH, 'Checklist item 1', 'done: Isolate the circuit'],
      [TECH, 'Checklist item 2', 'done: Test with a voltage tester'],
      [TECH, 'Checklist item 2', 'not done: Test with a voltage tester'],
      [TECH, 'Checklist item 2', 'done: Test with a voltage tester'],
    ]);
  } finally {
    await wb.close();
  }
});

test('a tick typed into the Checklist Items tab does not count, and the sheet path is held back too', async () => {
  const wb = await setUpWorkbook();
  try {
    await typeChecklists(wb, ELECTRICAL_CHECKLIST.slice(0, 1));
    const [id] = await assignedOrders(wb, [TECH]);
    await type(wb, TECH, id!, 'Status', 'In Progress');
    await type(wb, TECH, id!, 'Results', 'Works');
    await type(wb, TECH, id!, 'Actions Taken', 'Fixed');
    // A forged tick: the row's seal no longer verifies.
    const sheet = wb.sheet(ITEMS);
    const row = wb.values(ITEMS).findIndex((r) => r[0] === id) + 1;
    sheet.writeValues(row, 5, [[true, TECH, new Date()]]);
    await type(wb, TECH, id!, 'Status', 'Completed');
    expect(wb.order(id!).status).toBe('In Progress');
    expect(noteAt(wb, id!, 'Status')).toMatch(/checklist item "Isolate the circuit" ticked first/);
    expect(rowOf(wb, id!)).toBeGreaterThan(1);
    // Ticked through My work, the same edit stands.
    await record(wb, TECH, { kind: 'tick', id, number: 1, item: 'Isolate the circuit', done: true });
    await type(wb, TECH, id!, 'Status', 'Completed');
    expect(wb.order(id!).status).toBe('Completed');
    expect(wb.values(REGISTER).length).toBeGreaterThan(1);
  } finally {
    await wb.close();
  }
});

test('a bad Checklists row is put back at once with a note; a non-administrator cannot edit it', async () => {
  const wb = await setUpWorkbook();
  try {
    const bad = await typeChecklists(wb, [['Rocketry', 'Count down', 'Maybe', '-1']]);
    expect(bad.ok).toBe(true);
    const values = wb.values('Checklists');
    expect(
      values
        .slice(1)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    const note =
      wb.sheet('Checklists').readNotes({ row: 2, column: 1, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
    expect(note).toMatch(
      /Category "Rocketry" is not a category on the Settings tab; Required is not Yes or No; Order is not a number of 0 or more/,
    );
    const refusedLog = wb.changeLogEntries().filter((e) => e.recordId === 'Checklists');
    expect(refusedLog.some((e) => e.field.endsWith('(refused)'))).toBe(true);
    // A supervisor is not an administrator: the tab's protection refuses the edit itself.
    await expect(
      wb.edit(SUPERVISOR, 'Checklists', 2, 1, [['Electrical', 'Isolate the circuit', 'Yes', '1']]),
    ).rejects.toThrow(/protected/);
    expect(
      wb
        .values('Checklists')
        .slice(1)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
  } finally {
    await wb.close();
  }
});

test('the update form ticks items and completes in one answer; an unknown item or a missing one is refused by email', async () => {
  const wb = await setUpWorkbook({ accounts: { kind: 'consumer' } });
  try {
    await typeChecklists(wb, ELECTRICAL_CHECKLIST);
    const [id] = await assignedOrders(wb, [TECH]);
    const form = wb.rt.world.forms.all().find((f) => f.title === 'Work order update')!;
    const submit = async (answers: Record<string, string>) => {
      const titled = Object.fromEntries(
        Object.entries(answers).map(([k, v]) => [updateQuestion(k as never).title, v]),
      );
      const submitted = await wb.rt.submitForm(form.id, {
        respondentEmail: TECH,
        answers: { [updateQuestion('order').title]: id!, ...titled },
      });
      submitted.executions.forEach(expectOk);
    };
    await submit({ step: STEP_CHOICES.start });
    const done = { step: STEP_CHOICES.complete, results: 'Works', actionsTaken: 'Fixed' };
    await submit({ ...done, checklist: '1' });
    expect(wb.order(id!).status).toBe('In Progress');
    // Refused whole: the tick of item 1 was not kept either.
    expect(wb.values(ITEMS).filter((r) => r[0] === id && r[4] === true)).toHaveLength(0);
    await submit({ ...done, checklist: '1\nSomething else' });
    const replies = mailLog(wb).filter((m) => m.subject.includes('Your update was not applied'));
    expect(replies.map((m) => m.body)).toEqual([
      expect.stringMatching(/"Test with a voltage tester" ticked first/),
      expect.stringMatching(/"Something else" is not an item of this order's checklist/),
    ]);
    await submit({ ...done, checklist: '1\nTest with a voltage tester' });
    expect(wb.order(id!).status).toBe('Completed');
    const ticks = wb
      .changeLogEntries()
      .filter((e) => e.recordId === id && e.field.startsWith('Checklist item'));
    expect(ticks.map((e) => [e.user, e.source, e.newValue])).toEqual([
      [TECH, 'form', 'done: Isolate the circuit'],
      [TECH, 'form', 'done: Test with a voltage tester'],
    ]);
  } finally {
    await wb.close();
  }
});
