/**
 * Executions as Google starts them (developers.google.com/apps-script/guides/triggers/events): the
 * event objects of simple and installable triggers, and what each kind of execution may do.
 */
import { AuthMode, LocalAppsScript, Scope } from '../../runtime';

const SCOPES = [
  Scope.spreadsheets,
  Scope.forms,
  Scope.scriptApp,
  Scope.sendMail,
  Scope.userInfoEmail,
  Scope.containerUi,
];
const OWNER = 'owner@example.com';
const EDITOR = 'editor@example.com';

const SOURCE = `
var seen = [];
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('onSubmitInstalled').forSpreadsheet(ss).onFormSubmit().create();
  ScriptApp.newTrigger('onClock').timeBased().everyHours(1).create();
  var form = FormApp.create('Requests');
  form.addTextItem().setTitle('What');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  return form.getId();
}
function describeEdit(e) {
  return {
    a1: e.range.getA1Notation(), sheet: e.range.getSheet().getName(),
    hasValue: 'value' in e, value: e.value, hasOld: 'oldValue' in e, oldValue: e.oldValue,
    user: e.user.getEmail(), authMode: String(e.authMode), source: e.source.getId(),
    active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail(),
  };
}
function onEditInstalled(e) { PropertiesService.getDocumentProperties().setProperty('lastEdit', JSON.stringify(describeEdit(e))); }
function onSubmitInstalled(e) {
  PropertiesService.getDocumentProperties().setProperty('lastSubmit', JSON.stringify({
    a1: e.range.getA1Notation(), values: e.values, namedValues: e.namedValues, authMode: String(e.authMode),
  }));
}
function onClock(e) {
  PropertiesService.getUserProperties().setProperty('clock', JSON.stringify({
    active: SpreadsheetApp.getActiveSpreadsheet() === null,
    documentProperties: PropertiesService.getDocumentProperties() === null,
    documentLock: LockService.getDocumentLock() === null,
    hour: typeof e.hour, triggerUid: typeof e.triggerUid,
  }));
}
function onOpen(e) { MailApp.sendEmail('x@example.com', 'hi', 'body'); }
`;

async function world() {
  const rt = LocalAppsScript.fromSource(SOURCE, { oauthScopes: [...SCOPES] });
  const ssId = rt.createSpreadsheet('Events', OWNER);
  const install = await rt.run('install', { user: OWNER, spreadsheetId: ssId });
  if (!install.ok) throw new Error(install.error?.message);
  return { rt, ssId, formId: install.value as string };
}

describe('installable edit trigger', () => {
  test('a single-cell edit carries value, oldValue and the editing user; it runs as the trigger owner', async () => {
    const { rt, ssId } = await world();
    try {
      rt.world.spreadsheets
        .require(ssId)
        .requireSheet('Sheet1')
        .writeValues(2, 2, [['before']]);
      await rt.editCells({
        spreadsheetId: ssId,
        sheetName: 'Sheet1',
        row: 2,
        column: 2,
        values: [['after']],
        user: EDITOR,
      });
      const event = JSON.parse(rt.world.properties.document(ssId).get('lastEdit') ?? 'null');
      expect(event).toEqual({
        a1: 'B2',
        sheet: 'Sheet1',
        hasValue: true,
        value: 'after',
        hasOld: true,
        oldValue: 'before',
        user: EDITOR,
        authMode: 'FULL',
        source: ssId,
        active: EDITOR,
        effective: OWNER,
      });
    } finally {
      await rt.close();
    }
  });

  // Live Sheets: ticking a checkbox passes value "TRUE" and oldValue "false" (published onEdit scripts
  // test exactly that, e.g. kierandixon.com/radio-buttons-google-sheets); unticking, "FALSE" and "true".
  test('a boolean cell: value is upper case, oldValue lower case', async () => {
    const { rt, ssId } = await world();
    try {
      rt.world.spreadsheets
        .require(ssId)
        .requireSheet('Sheet1')
        .writeValues(3, 1, [[false]]);
      const lastEdit = () => JSON.parse(rt.world.properties.document(ssId).get('lastEdit') ?? 'null');
      const tick = (typed: string) =>
        rt.editCells({
          spreadsheetId: ssId,
          sheetName: 'Sheet1',
          row: 3,
          column: 1,
          values: [[typed]],
          user: EDITOR,
        });
      await tick('TRUE');
      expect(lastEdit()).toMatchObject({ value: 'TRUE', oldValue: 'false' });
      await tick('FALSE');
      expect(lastEdit()).toMatchObject({ value: 'FALSE', oldValue: 'true' });
    } finally {
      await rt.close();
    }
  });

  // Assumption (reported on Stack Overflow, in no Google page; see eventText in runtime/host/events.ts):
  // a date or time cell's value and oldValue are its serial number, never a JavaScript date string.
  test('a date or time cell: value and oldValue are serial numbers', async () => {
    const { rt, ssId } = await world();
    try {
      const lastEdit = () => JSON.parse(rt.world.properties.document(ssId).get('lastEdit') ?? 'null');
      const type = (typed: string) =>
        rt.editCells({
          spreadsheetId: ssId,
          sheetName: 'Sheet1',
          row: 4,
          column: 2,
          values: [[typed]],
          user: EDITOR,
        });
      await type('2026-03-01');
      expect(lastEdit()).toMatchObject({ value: '46082', hasOld: false });
      await type('10:30');
      expect(lastEdit()).toMatchObject({ value: '0.4375', oldValue: '46082' });
      await type('2026-03-01 12:00');
      expect(lastEdit()).toMatchObject({ value: '46082.5', oldValue: '0.4375' });
    } finally {
      await rt.close();
    }
  });

  test('a multi-cell paste carries neither value nor oldValue', async () => {
    const { rt, ssId } = await world();
    try {
      await rt.editCells({
        spreadsheetId: ssId,
        sheetName: 'Sheet1',
        row: 1,
        column: 1,
        values: [
          ['a', 'b'],
          ['c', 'd'],
        ],
        user: EDITOR,
      });
      const event = JSON.parse(rt.world.properties.document(ssId).get('lastEdit') ?? 'null');
      expect(event).toMatchObject({ a1: 'A1:B2', hasValue: false, hasOld: false });
    } finally {
      await rt.close();
    }
  });

  test('a single cell pasted carries its value but no oldValue, even over a filled cell', async () => {
    // Events guide: value and oldValue are "only available if the edited range is a single cell";
    // scripts that met it report oldValue missing when the cell was pasted into rather than typed.
    const { rt, ssId } = await world();
    try {
      const at = { spreadsheetId: ssId, sheetName: 'Sheet1', row: 4, column: 2, user: EDITOR };
      await rt.editCells({ ...at, values: [['typed']] });
      await rt.editCells({ ...at, values: [['pasted']], paste: true });
      const event = JSON.parse(rt.world.properties.document(ssId).get('lastEdit') ?? 'null');
      expect(event).toMatchObject({ a1: 'B4', hasValue: true, value: 'pasted', hasOld: false });
      await rt.editCells({ ...at, values: [['typed again']] });
      expect(JSON.parse(rt.world.properties.document(ssId).get('lastEdit') ?? 'null')).toMatchObject({
        value: 'typed again',
        oldValue: 'pasted',
      });
    } finally {
      await rt.close();
    }
  });

  test('script writes never fire the edit trigger', async () => {
    const rt = LocalAppsScript.fromSource(
      `${SOURCE}\nfunction write(){ var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
        s.getRange('C3').setValue('by script'); s.appendRow(['appended']); s.insertRowsAfter(1, 2); s.deleteRow(2); }`,
      { oauthScopes: [...SCOPES] },
    );
    try {
      const ssId = rt.createSpreadsheet('Events', OWNER);
      await rt.run('install', { user: OWNER, spreadsheetId: ssId });
      const before = rt.executions.length;
      expect((await rt.run('write', { user: OWNER, spreadsheetId: ssId })).ok).toBe(true);
      expect(rt.executions.length).toBe(before + 1);
      expect(rt.world.properties.document(ssId).get('lastEdit')).toBeNull();
    } finally {
      await rt.close();
    }
  });

  test('a viewer cannot type: the edit is refused, nothing is written and no trigger runs', async () => {
    const { rt, ssId } = await world();
    try {
      const file = rt.world.spreadsheets.require(ssId);
      file.sharing.openToAll = false;
      file.sharing.viewers.add('viewer@example.com');
      const before = rt.executions.length;
      const edit = { spreadsheetId: ssId, sheetName: 'Sheet1', row: 2, column: 2, values: [['x']] };
      await expect(rt.editCells({ ...edit, user: 'viewer@example.com' })).rejects.toMatchObject({
        name: 'UserEditRefused',
        reason: 'view-only',
      });
      expect(rt.executions.length).toBe(before);
      expect(file.requireSheet('Sheet1').readValues(2, 2, 1, 1)).toEqual([['']]);
      expect(rt.world.properties.document(ssId).get('lastEdit')).toBeNull();
      // The owner still types there.
      await rt.editCells({ ...edit, user: OWNER });
      expect(file.requireSheet('Sheet1').readValues(2, 2, 1, 1)).toEqual([['x']]);
    } finally {
      await rt.close();
    }
  });
});

describe('installable form-submit trigger', () => {
  test('the response row is appended first, then the trigger gets range, values and namedValues', async () => {
    const { rt, ssId, formId } = await world();
    try {
      await rt.submitForm(formId, { respondentEmail: EDITOR, answers: { What: 'A broken door' } });
      const event = JSON.parse(rt.world.properties.document(ssId).get('lastSubmit') ?? 'null');
      expect(event.a1).toBe('A2:B2');
      expect(event.values[1]).toBe('A broken door');
      expect(event.namedValues.What).toEqual(['A broken door']);
      expect(event.namedValues.Timestamp).toHaveLength(1);
      expect(event.authMode).toBe('FULL');
    } finally {
      await rt.close();
    }
  });
});

describe('time-driven trigger', () => {
  test('runs with no active spreadsheet, no document properties and no document lock', async () => {
    const { rt } = await world();
    try {
      const [run] = await rt.runTimeDrivenTriggers({ all: true });
      expect(run?.ok).toBe(true);
      expect(JSON.parse(rt.world.properties.user(OWNER).get('clock') ?? 'null')).toEqual({
        active: true,
        documentProperties: true,
        documentLock: true,
        hour: 'number',
        triggerUid: 'string',
      });
    } finally {
      await rt.close();
    }
  });
});

describe('simple trigger', () => {
  test('onOpen (AuthMode.LIMITED) cannot use a service that needs authorization', async () => {
    const { rt, ssId } = await world();
    try {
      // Where the add-on is enabled (used in this document): LIMITED.
      const open = (await rt.openSpreadsheet(ssId, EDITOR, AuthMode.LIMITED))!;
      expect(open.ok).toBe(false);
      expect(open.error?.message).toBe(
        'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      );
    } finally {
      await rt.close();
    }
  });
});

test("a time-driven event carries the guide's clock fields, week-of-year included", async () => {
  // Events guide, "Time-driven events": authMode, day-of-month, day-of-week, hour, minute, month,
  // second, timezone, triggerUid, week-of-year, year.
  const rt = LocalAppsScript.fromSource(
    `function install() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
     function tick(e) { PropertiesService.getScriptProperties().setProperty('tick', JSON.stringify(e)); }`,
    { oauthScopes: [Scope.scriptApp] },
  );
  try {
    await rt.run('install', { user: OWNER, spreadsheetId: null });
    const fieldsAt = async (utc: Date) => {
      rt.world.clock.set(utc);
      await rt.runTimeDrivenTriggers({ all: true });
      return JSON.parse(rt.world.properties.script.get('tick') ?? 'null') as Record<string, unknown>;
    };
    expect(await fieldsAt(new Date(Date.UTC(2024, 5, 5, 10, 20, 30)))).toMatchObject({
      year: 2024,
      month: 6,
      'day-of-month': 5,
      'day-of-week': 3,
      'week-of-year': 23,
      hour: 10,
      minute: 20,
      timezone: 'Etc/UTC',
    });
    // The week holding 1 January is week 1, even while it is still December.
    expect(await fieldsAt(new Date(Date.UTC(2024, 11, 31, 9)))).toMatchObject({ 'week-of-year': 1 });
  } finally {
    await rt.close();
  }
});
