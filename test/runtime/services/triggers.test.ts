import { LocalAppsScript, Scope } from '../../../runtime';
import {
  ADDON_CLOCK_TOO_FREQUENT,
  ADDON_OTHER_FILE_TRIGGER,
} from '../../../runtime/host/services/trigger-builders';

/**
 * ScriptApp conformance (developers.google.com/apps-script/reference/script and the editor add-on
 * triggers guide): an add-on may have one trigger of each event type per user per document
 * ("This add-on has created too many … triggers in this document for this Google user account."),
 * time-driven triggers at most hourly; triggers run as (and are visible to) their creator only.
 */
const source = `
function onEditTrigger(id) {
  var t = ScriptApp.newTrigger('handleEdit').forSpreadsheet(id).onEdit().create();
  return [t.getUniqueId(), t.getHandlerFunction(), t.getEventType(), t.getTriggerSource(), t.getTriggerSourceId(),
    String(t.getEventType()) === String(ScriptApp.EventType.ON_EDIT), t.getTriggerSource() === ScriptApp.TriggerSource.SPREADSHEETS];
}
function formSubmitTrigger(id) {
  return ScriptApp.newTrigger('handleSubmit').forSpreadsheet(id).onFormSubmit().create().getUniqueId();
}
function formTrigger(formId) {
  var t = ScriptApp.newTrigger('handleFormSubmit').forForm(formId).onFormSubmit().create();
  return [t.getTriggerSource(), t.getTriggerSourceId(), t.getEventType()];
}
function hourly(n) {
  var t = ScriptApp.newTrigger('hourlyJob').timeBased().everyHours(n).create();
  return [t.getEventType(), t.getTriggerSource(), t.getTriggerSourceId()];
}
function everyFive() {
  return ScriptApp.newTrigger('tooOften').timeBased().everyMinutes(5).create();
}
function everyN(unit, n) {
  var builder = ScriptApp.newTrigger('interval').timeBased();
  try {
    if (unit === 'hours') builder.everyHours(n); else builder.everyMinutes(n);
  } catch (e) { return 'refused by every' + unit + ': ' + e.message; }
  try { builder.create(); } catch (e) { return 'refused by create: ' + e.message; }
  ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
  return 'created';
}
function daily() {
  return ScriptApp.newTrigger('dailyJob').timeBased().everyDays(1).atHour(6).nearMinute(30).create().getUniqueId();
}
function noEvent(id) {
  return ScriptApp.newTrigger('x').forSpreadsheet(id).create();
}
function mine() {
  return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction() + ':' + t.getEventType(); }).sort();
}
function removeAll(handler) {
  var n = 0;
  ScriptApp.getProjectTriggers().forEach(function (t) {
    if (!handler || t.getHandlerFunction() === handler) { ScriptApp.deleteTrigger(t); n++; }
  });
  return n;
}
function enums() {
  return [ScriptApp.AuthMode.FULL, ScriptApp.EventType.CLOCK, ScriptApp.TriggerSource.FORMS, ScriptApp.WeekDay.MONDAY,
    ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus() === ScriptApp.AuthorizationStatus.NOT_REQUIRED];
}
`;

describe('ScriptApp triggers', () => {
  const rt = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.scriptApp, Scope.spreadsheets] });
  afterAll(() => rt.close());
  beforeEach(() => rt.world.triggers.clear());
  const run = (
    entry: string,
    args: unknown[] = [],
    user = 'a@example.com',
    spreadsheetId: string | null = 'doc1',
  ) => rt.run(entry, { user, spreadsheetId, args });

  test('an installable edit trigger records its owner, document and source', async () => {
    const r = await run('onEditTrigger', ['doc1']);
    expect(r.ok).toBe(true);
    const [uid, handler, type, source, sourceId, sameType, sameSource] = r.value as unknown[];
    expect([handler, type, source, sourceId, sameType, sameSource]).toEqual([
      'handleEdit',
      'ON_EDIT',
      'SPREADSHEETS',
      'doc1',
      true,
      true,
    ]);
    expect(uid).toMatch(/^\d+$/);
    expect(rt.world.triggers.byUid(uid as string)).toMatchObject({
      owner: 'a@example.com',
      documentId: 'doc1',
    });
    expect(rt.world.triggers.matching('ON_EDIT', 'SPREADSHEETS', 'doc1')).toHaveLength(1);
    expect(rt.world.triggers.forSpreadsheet('doc1')).toHaveLength(1);
  });

  test('one trigger of each event type per user per document', async () => {
    expect((await run('onEditTrigger', ['doc1'])).ok).toBe(true);
    const second = await run('onEditTrigger', ['doc1']);
    expect(second.error?.message).toBe(
      'This add-on has created too many edit triggers in this document for this Google user account.',
    );
    // Another event type, another user, another document: each is allowed.
    expect((await run('formSubmitTrigger', ['doc1'])).ok).toBe(true);
    expect((await run('onEditTrigger', ['doc1'], 'b@example.com')).ok).toBe(true);
    expect((await run('onEditTrigger', ['doc2'], 'a@example.com', 'doc2')).ok).toBe(true);
    expect((await run('hourly', [1])).value).toEqual(['CLOCK', 'CLOCK', null]);
    expect((await run('daily')).error?.message).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(rt.world.triggers.list()).toHaveLength(5);
  });

  test('20 triggers per user per script (quotas page); the 21st fails until one is deleted', async () => {
    const inDoc = (n: number, user = 'a@example.com') => run('onEditTrigger', [`doc${n}`], user, `doc${n}`);
    for (let n = 1; n <= 20; n++) expect((await inDoc(n)).ok).toBe(true);
    expect((await inDoc(21)).error?.message).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    // The limit is each user's: another user's first trigger is allowed.
    expect((await inDoc(21, 'b@example.com')).ok).toBe(true);
    expect((await run('removeAll', ['handleEdit'], 'a@example.com', 'doc1')).value).toBe(20);
    expect((await inDoc(21)).ok).toBe(true);
  });

  test('an add-on cannot create a time-driven trigger more often than hourly', async () => {
    const r = await run('everyFive');
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/more frequently than once per hour/);
    expect(rt.world.triggers.list()).toHaveLength(0);
  });

  test('everyHours takes 1, 2, 4, 6, 8 or 12; everyMinutes 1, 5, 10, 15 or 30, none of which an add-on may create', async () => {
    // Reference: everyMinutes "n must be 1, 5, 10, 15 or 30"; the hour timers are 1, 2, 4, 6, 8 and 12
    // hours; editor add-on triggers "cannot run more frequently than once per hour".
    const outcome = async (unit: string, n: number) => (await run('everyN', [unit, n])).value;
    for (const n of [1, 2, 4, 6, 8, 12]) expect(await outcome('hours', n)).toBe('created');
    for (const n of [0, 3, 5, 24, 1.5, -2])
      expect(await outcome('hours', n)).toBe(
        'refused by everyhours: Invalid argument: hours. Valid values are 1, 2, 4, 6, 8 or 12.',
      );
    for (const n of [1, 5, 10, 15, 30])
      expect(await outcome('minutes', n)).toBe(`refused by create: ${ADDON_CLOCK_TOO_FREQUENT}`);
    expect(await outcome('minutes', 7)).toBe(
      'refused by everyminutes: Invalid argument: minutes. Valid values are 1, 5, 10, 15 or 30.',
    );
    expect(rt.world.triggers.list()).toHaveLength(0);
  });

  test('a builder without an event type cannot create()', async () => {
    expect((await run('noEvent', ['doc1'])).ok).toBe(false);
  });

  test('form triggers watch the form, made where the add-on is used in it, not from a spreadsheet', async () => {
    // "Add-ons can only create triggers for the file in which the add-on is used" (editor add-on triggers).
    const fromSheet = await run('formTrigger', ['form1']);
    expect(fromSheet.error?.message).toBe(ADDON_OTHER_FILE_TRIGGER);
    expect(rt.world.triggers.list()).toHaveLength(0);
    expect((await run('formTrigger', ['form1'], 'a@example.com', null)).value).toEqual([
      'FORMS',
      'form1',
      'ON_FORM_SUBMIT',
    ]);
    expect(rt.world.triggers.byUid(rt.world.triggers.list()[0]!.uid)!.documentId).toBe('form1');
  });

  test("getProjectTriggers shows only the caller's triggers; deleteTrigger removes them", async () => {
    await run('onEditTrigger', ['doc1']);
    await run('hourly', [2]);
    await run('onEditTrigger', ['doc1'], 'b@example.com');
    expect((await run('mine')).value).toEqual(['handleEdit:ON_EDIT', 'hourlyJob:CLOCK']);
    expect((await run('mine', [], 'b@example.com')).value).toEqual(['handleEdit:ON_EDIT']);
    expect((await run('removeAll', ['hourlyJob'])).value).toBe(1);
    expect(
      rt.world.triggers
        .list()
        .map((t) => t.handlerFunction)
        .sort(),
    ).toEqual(['handleEdit', 'handleEdit']);
  });

  test('time-driven schedules: hourly from creation, daily at the hour in the script zone', async () => {
    rt.world.clock.set(new Date(Date.UTC(2024, 0, 10, 8, 15)));
    await run('hourly', [2]);
    await run('daily', [], 'a@example.com', 'doc2');
    const [hourly, daily] = rt.world.triggers.list();
    // The world clock runs on from where it was set, so compare to the minute.
    const minute = (ms: number | null) => new Date(Math.round(ms! / 60000) * 60000).toISOString();
    expect(minute(hourly!.nextRunAtMs)).toBe('2024-01-10T10:15:00.000Z');
    expect(minute(daily!.nextRunAtMs)).toBe('2024-01-11T06:30:00.000Z');
    expect(rt.world.triggers.due(Date.UTC(2024, 0, 10, 10, 16))).toEqual([hourly]);
    rt.world.triggers.markRan(hourly!.uid, Date.UTC(2024, 0, 10, 10, 16));
    expect(minute(hourly!.nextRunAtMs)).toBe('2024-01-10T12:15:00.000Z');
  });

  test('static enums, and authorization info', async () => {
    expect((await run('enums')).value).toEqual(['FULL', 'CLOCK', 'FORMS', 'MONDAY', true]);
  });

  test('ScriptApp needs the script.scriptapp scope', async () => {
    const noScope = LocalAppsScript.fromSource(source, { oauthScopes: [Scope.spreadsheets] });
    try {
      const r = await noScope.run('hourly', { user: 'a@example.com', spreadsheetId: 'doc1', args: [1] });
      expect(r.error?.message).toBe(
        'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
      );
    } finally {
      await noScope.close();
    }
  });
});
