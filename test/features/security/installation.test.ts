/**
 * One installation owner, through dist/Code.js: a second administrator's setup installs no second
 * trigger set and says who owns the installation; Take over installation moves ownership and leaves
 * exactly one acting trigger set; counters lost or damaged continue from the highest number issued;
 * Repair work orders exists and rebuilds them; every error message names a menu item that exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SHEET_NAMES } from '../../../src/core/model';
import { ADDON_MENU } from '../../../src/server/features/menu';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { STEP_CHOICES, updateQuestion } from '../../../src/shared/my-work-update-form';
import { assignedOrders } from '../my-work/helpers';
import { approvedOrder, submitOne } from '../../support/edits';
import { hourlyTriggers, runHourly } from '../../support/ops';

const SECOND_ADMIN = 'ada.admin@example.com';

async function addAdministrator(wb: TestWorkbook, email: string): Promise<void> {
  const row = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
  const edit = await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [[email, 'Ada', 'Administrator', 'TRUE']]);
  edit.executions.forEach(expectOk);
}

function triggersOf(wb: TestWorkbook) {
  return wb.rt.world.triggers
    .list()
    .filter((t) => t.handlerFunction !== 'onHourlyTrigger' || hourlyTriggers(wb).includes(t))
    .map((t) => `${t.owner}:${t.handlerFunction}`)
    .sort();
}

describe('one installation owner', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    await addAdministrator(wb, SECOND_ADMIN);
  });
  afterAll(() => wb.close());

  test("a second administrator's setup repairs the workbook, installs no triggers and names the owner", async () => {
    const before = triggersOf(wb);
    const run = expectOk(await wb.menu(SECOND_ADMIN, 'setUpWorkOrders'));
    expect(String(run.value)).toMatch(new RegExp(`owned by ${ADMIN}`));
    expect(String(run.value)).toMatch(/Take over installation/);
    expect(triggersOf(wb)).toEqual(before);
    expect(before.every((t) => t.startsWith(`${ADMIN}:`))).toBe(true);
    // One submission, one work order.
    const count = wb.register().length;
    await submitOne(wb);
    expect(wb.register()).toHaveLength(count + 1);
  });

  test('take over: confirmed, the new owner’s triggers alone act; the former owner’s retire when they fire', async () => {
    wb.rt.world.ui.respondWith({ button: 'YES' });
    const run = expectOk(await wb.menu(SECOND_ADMIN, 'takeOverInstallation'));
    expect(String(run.value)).toMatch(new RegExp(`You \\(${SECOND_ADMIN}\\) now own this installation`));
    expect(wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.installationOwner)).toBe(SECOND_ADMIN);
    const ids = wb.register().map((r) => r.order.id);
    // Both sets still exist in Google; the submission fires both: one order, numbered after the last.
    const { executions } = await wb.submit({ description: 'After the take-over' });
    executions.forEach(expectOk);
    const added = wb.register().filter((r) => !ids.includes(r.order.id));
    expect(added.map((r) => r.order.description)).toEqual(['After the take-over']);
    const highest = Math.max(...ids.map((id) => Number(id.slice(4))));
    expect(added[0]!.order.id).toBe(`REQ-${String(highest + 1).padStart(6, '0')}`);
    // The former owner's form trigger deleted its set when it fired; the hourly one retires next hour.
    await runHourly(wb);
    const owners = new Set(wb.rt.world.triggers.list().map((t) => t.owner));
    expect([...owners]).toEqual([SECOND_ADMIN]);
    expect(triggersOf(wb).filter((t) => t.endsWith('onFormSubmitTrigger'))).toHaveLength(1);
  });

  test('take over needs an administrator and a confirmation', async () => {
    const refused = await wb.menu(SUPERVISOR, 'takeOverInstallation');
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toMatch(/Only an active Administrator/);
    // The refusal names whom to ask, from the Staff tab.
    expect(refused.error?.message).toContain(`You are signed in as ${SUPERVISOR}.`);
    expect(refused.error?.message).toMatch(
      /If it should be done, ask an administrator \([^)]*admin@example\.com[^)]*\) to do it, or to make you an active Administrator on the Staff tab\./,
    );
    wb.rt.world.ui.respondWith({ button: 'NO' });
    const cancelled = expectOk(await wb.menu(ADMIN, 'takeOverInstallation'));
    expect(String(cancelled.value)).toMatch(/cancelled/);
    expect(wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.installationOwner)).toBe(SECOND_ADMIN);
  });
});

describe('counters', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    await approvedOrder(wb);
    await approvedOrder(wb);
  });
  afterAll(() => wb.close());

  const requestKey = (wb: TestWorkbook) => `wo.${wb.ssId}.requestCounter`;

  test('a deleted or corrupted request counter continues from the highest id issued', async () => {
    for (const damage of [null, 'garbage']) {
      const user = wb.rt.world.properties.user(ADMIN);
      if (damage === null) user.delete(requestKey(wb));
      else user.set(requestKey(wb), damage);
      const highest = Math.max(...wb.register().map((r) => Number(r.order.id.slice(4))));
      const id = await submitOne(wb);
      expect(id).toBe(`REQ-${String(highest + 1).padStart(6, '0')}`);
    }
  });

  test('a deleted or corrupted work-order counter continues too, never WO-…-00001 twice', async () => {
    for (const damage of [null, '{not json']) {
      const doc = wb.rt.world.properties.document(wb.ssId);
      if (damage === null) doc.delete(PROPERTY_KEYS.woCounters);
      else doc.set(PROPERTY_KEYS.woCounters, damage);
      await approvedOrder(wb);
      const numbers = wb
        .register()
        .map((r) => r.order.woNumber)
        .filter((n) => n !== '');
      expect(new Set(numbers).size).toBe(numbers.length);
    }
  });

  test('Repair work orders exists for administrators and rebuilds damaged stores', async () => {
    const doc = wb.rt.world.properties.document(wb.ssId);
    doc.set(PROPERTY_KEYS.woCounters, 'broken');
    wb.rt.world.properties.user(ADMIN).set(requestKey(wb), 'broken');
    const run = expectOk(await wb.menu(ADMIN, 'repairWorkOrders'));
    expect(String(run.value)).toMatch(/rebuilt/);
    const year = new Date(wb.rt.world.clock.nowMs()).getUTCFullYear();
    const highestWo = Math.max(
      ...wb.register().flatMap((r) => (r.order.woNumber ? [Number(r.order.woNumber.slice(8))] : [])),
    );
    expect(JSON.parse(doc.get(PROPERTY_KEYS.woCounters) ?? '{}')[String(year)]).toBe(highestWo);
    const highestReq = Math.max(...wb.register().map((r) => Number(r.order.id.slice(4))));
    expect(wb.rt.world.properties.user(ADMIN).get(requestKey(wb))).toBe(String(highestReq));
  });
});

test('every menu item an error message names exists in the menu', () => {
  const captions = new Set(ADDON_MENU.flatMap((e) => (e === 'separator' ? [] : [e.caption])));
  const named: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        const text = readFileSync(file, 'utf8');
        const mentions = /(?:Work Orders › |\brun )([A-Z][\w &]*?)(?= to | again| \(|[.,;)'`]|$)/gm;
        for (const m of text.matchAll(mentions)) named.push(m[1]!);
      }
    }
  };
  walk(path.join(__dirname, '../../../src'));
  expect(named.length).toBeGreaterThan(3);
  for (const item of named) expect([item, captions.has(item)]).toEqual([item, true]);
});

describe('after a take-over, the first answer is from the update form', () => {
  test('only the new owner’s trigger applies it: one step, one log row', async () => {
    const wb = await setUpWorkbook();
    try {
      await addAdministrator(wb, SECOND_ADMIN);
      const [id] = await assignedOrders(wb, [TECH]);
      wb.rt.world.ui.respondWith({ button: 'YES' });
      expectOk(await wb.menu(SECOND_ADMIN, 'takeOverInstallation'));
      const form = wb.rt.world.forms.all().find((f) => f.title === 'Work order update')!;
      const { executions } = await wb.rt.submitForm(form.id, {
        respondentEmail: TECH,
        answers: { [updateQuestion('order').title]: id!, [updateQuestion('step').title]: STEP_CHOICES.start },
      });
      // Both trigger sets fired (the former owner's retires itself on this firing).
      expect(executions.length).toBe(2);
      executions.forEach(expectOk);
      expect(wb.order(id!).status).toBe('In Progress');
      const started = wb
        .changeLogEntries()
        .filter((e) => e.recordId === id && e.field === 'Status' && e.newValue === 'In Progress');
      expect(started).toHaveLength(1);
      // The former owner's trigger saw it was no longer the owner and retired its set.
      const submitters = wb.rt.world.triggers
        .list()
        .filter((t) => t.handlerFunction === 'onFormSubmitTrigger');
      expect(submitters.map((t) => t.owner)).toEqual([SECOND_ADMIN]);
      // …and nothing else: no second attempt refused, logged or answered by email.
      expect(wb.changeLogEntries().filter((e) => e.recordId === id && /refused/i.test(e.field))).toEqual([]);
      expect(wb.rt.world.mail.receivedBy(TECH).filter((m) => /could not|refused/i.test(m.subject))).toEqual(
        [],
      );
    } finally {
      await wb.close();
    }
  });
});
