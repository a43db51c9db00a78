/**
 * The add-on menu and "Set up work orders", through dist/Code.js in the local runtime.
 */
import { LocalAppsScript } from '../../../runtime';
import { snapshot } from '../../../runtime/host/spreadsheet/snapshot';
import { CHANGE_LOG_HEADERS, REGISTER_COLUMNS, SHEET_NAMES, STATUSES } from '../../../src/core/model';
import { FORM_QUESTIONS } from '../../../src/core/intake';
import { REGISTER_HEADER_ROW } from '../../../src/core/columns';
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';
import { areaEditors } from '../../../src/core/permissions';
import {
  ADMIN,
  MANAGER,
  STAFF_MEMBERS,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

const STAFF = STAFF_MEMBERS;

function everySheet(wb: TestWorkbook) {
  return wb.model
    .sheetModels()
    .map((s) => ({ name: s.name, values: wb.values(s.name), maxRows: s.maxRows, maxColumns: s.maxColumns }));
}

describe('the add-on menu', () => {
  test.each(['NONE', 'LIMITED'] as const)(
    'onOpen in AuthMode.%s builds every role’s items without touching data',
    async (authMode) => {
      const rt = LocalAppsScript.load();
      try {
        const ssId = rt.createSpreadsheet('Fresh', ADMIN);
        const record = expectOk(await rt.openSpreadsheet(ssId, ADMIN, authMode));
        const items = (rt.world.ui.addonMenuFor(ssId, ADMIN) ?? []).filter((i) => i.kind === 'item');
        expect(items.map((i) => (i.kind === 'item' ? i.caption : ''))).toEqual([
          'Review & assign',
          'My work',
          'Build reports',
          'Print request labels',
          'Set up work orders',
          'Verify audit log',
          'Archive closed work orders',
          'Run hourly checks now',
          'Repair work orders',
          'Take over installation',
        ]);
        expect(record.stats.backend.Spreadsheet).toBeUndefined();
        expect(record.stats.cellsRead).toBe(0);
      } finally {
        await rt.close();
      }
    },
  );
});

describe('Set up work orders', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
  });
  afterAll(() => wb.close());

  test('creates the sheets of the brief with headers, frozen header rows and only the cells they need', () => {
    const names = wb.model.sheetModels().map((s) => s.name);
    for (const name of [
      SHEET_NAMES.register,
      SHEET_NAMES.changeLog,
      SHEET_NAMES.settings,
      SHEET_NAMES.staff,
      SHEET_NAMES.procedure,
      SHEET_NAMES.outbox,
      SHEET_NAMES.hourlyOutbox,
      'Form Responses 1',
    ]) {
      expect(names).toContain(name);
    }
    const register = wb.sheet(SHEET_NAMES.register);
    // The add-on's columns, then its hidden record of each row's last known values (see row-state.ts).
    expect(wb.values(SHEET_NAMES.register)[0]).toEqual([...REGISTER_HEADER_ROW, ROW_STATE_HEADER]);
    expect(register.frozenRows).toBe(1);
    expect(register.maxColumns).toBe(Object.keys(REGISTER_COLUMNS).length + 1);
    expect(register.hiddenColumns.has(register.maxColumns)).toBe(true);
    expect(wb.values(SHEET_NAMES.changeLog)[0]).toEqual([...CHANGE_LOG_HEADERS]);
    expect(wb.sheet(SHEET_NAMES.changeLog).frozenRows).toBe(1);
  });

  test('puts drop-downs on Status, Priority, Category and Assignee (from Settings and Staff)', () => {
    const snap = snapshot(wb.sheet(SHEET_NAMES.register), { row: 1, numRows: 3 });
    const letter = (header: string) => String.fromCharCode(64 + REGISTER_HEADER_ROW.indexOf(header) + 1);
    expect(snap.validationListsByColumn[letter('Status')]).toEqual([...STATUSES]);
    expect(snap.validationListsByColumn[letter('Priority')]).toEqual([
      'P1 Emergency',
      'P2 Urgent',
      'P3 Routine',
      'P4 Scheduled',
    ]);
    expect(snap.validationListsByColumn[letter('Category')]).toContain('Plumbing');
    // The harness re-ran setup once the staff were added: the active technicians are listed.
    expect(snap.validationListsByColumn[letter('Assignee')]).toEqual([TECH, 'theo.tech@example.com']);
  });

  test('lists the active technicians as assignees once they are on the Staff tab', async () => {
    expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    const snap = snapshot(wb.sheet(SHEET_NAMES.register), { row: 1, numRows: 3 });
    const letter = String.fromCharCode(64 + REGISTER_HEADER_ROW.indexOf('Assignee') + 1);
    expect(snap.validationListsByColumn[letter]).toEqual([TECH, 'theo.tech@example.com']);
  });

  test('protects the change log for real: only the accounts the add-on writes as may edit it', () => {
    const snap = snapshot(wb.sheet(SHEET_NAMES.changeLog), { row: 1, numRows: 1 });
    expect(snap.protections).toHaveLength(1);
    expect(snap.protections[0]).toMatchObject({ type: 'SHEET', warningOnly: false });
    // The add-on writes the log as the installation owner (triggers) and as whoever uses a sidebar:
    // supervisors (Review & assign) and technicians (My work). Managers and anyone else are refused.
    const editors = [...(snap.protections[0]?.editors as string[])].sort();
    expect(editors).toEqual([ADMIN, SUPERVISOR, TECH, TECH2].sort());
    expect(editors).toEqual(areaEditors('changeLog', STAFF, ADMIN));
    expect(editors).not.toContain(MANAGER);
  });

  test('creates the intake form: verified email collected, one question per field, responses into this spreadsheet', () => {
    const form = wb.rt.world.forms.describe(wb.formId);
    expect(form.collectEmail).toBe(true);
    // Verified (the signed-in respondent's address), not typed: nobody files a request in another's name.
    expect(wb.rt.world.forms.require(wb.formId).verifiedEmail).toBe(true);
    expect(form.items.map((i) => i.title)).toEqual(FORM_QUESTIONS.map((q) => q.title));
    const location = form.items.find((i) => i.title === 'Location');
    expect(location?.choices).toContain('Main Building');
    expect(wb.values('Form Responses 1')[0]).toEqual([
      'Timestamp',
      'Email Address',
      ...FORM_QUESTIONS.map((q) => q.title),
    ]);
  });

  test('creates exactly one form-submit, one edit and one hourly trigger', () => {
    const triggers = wb.rt.world.triggers.forOwner(ADMIN);
    expect(triggers.map((t) => `${t.eventType}:${t.handlerFunction}`).sort()).toEqual([
      'CLOCK:onHourlyTrigger',
      'ON_EDIT:onEditTrigger',
      'ON_FORM_SUBMIT:onFormSubmitTrigger',
    ]);
  });

  test('running it twice changes and duplicates nothing', async () => {
    const before = everySheet(wb);
    const forms = wb.rt.world.forms.all().length;
    const triggers = wb.rt.world.triggers.list().length;
    const record = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    expect(record.value).toMatch(/nothing was changed/);
    expect(everySheet(wb)).toEqual(before);
    expect(wb.rt.world.forms.all()).toHaveLength(forms);
    expect(wb.rt.world.triggers.list()).toHaveLength(triggers);
  });

  test('only an administrator may run it', async () => {
    for (const user of [SUPERVISOR, TECH, 'stranger@example.net']) {
      const record = await wb.menu(user, 'setUpWorkOrders');
      expect(record.ok).toBe(false);
      expect(record.error?.message).toMatch(/Only an Administrator/);
    }
  });
});

describe('repair', () => {
  test('an intake form switched to typed email addresses collects verified ones again', async () => {
    const wb = await setUpWorkbook();
    try {
      const form = wb.rt.world.forms.require(wb.formId);
      form.verifiedEmail = false; // the Forms editor's "Responder input"
      form.collectEmail = true;
      const record = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
      expect(record.value).toMatch(/the form collects verified email addresses again/);
      expect(form.verifiedEmail).toBe(true);
    } finally {
      await wb.close();
    }
  });

  test('a change log in another layout is left untouched, with a warning saying how to start a new one', async () => {
    const wb = await setUpWorkbook();
    try {
      const log = wb.sheet(SHEET_NAMES.changeLog);
      // The layout of an older version: eight columns, one row per field.
      const old = ['Timestamp', 'User', 'Source', 'Record ID', 'Field', 'Old Value', 'New Value', 'Hash'];
      log.ensureSize(log.maxRows, old.length);
      log.writeValues(1, 1, [old]);
      const before = wb.values(SHEET_NAMES.changeLog);
      const record = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
      expect(record.value).toMatch(
        /Change Log sheet's row 1 is not Timestamp \| User \| Source \| Record ID \| Changes \| Hash/,
      );
      expect(record.value).toMatch(/Rename that sheet/);
      expect(wb.values(SHEET_NAMES.changeLog)).toEqual(before);
    } finally {
      await wb.close();
    }
  });

  test('restores a deleted sheet, header and trigger and touches no existing data', async () => {
    const wb = await setUpWorkbook();
    try {
      (await wb.submit()).executions.forEach(expectOk);
      (await wb.submit({ description: 'Second request' })).executions.forEach(expectOk);
      const registerBefore = wb.register();
      const logBefore = wb.changeLog();

      wb.model.deleteSheetModel(SHEET_NAMES.settings);
      const locationColumn = wb.registerColumn('Location');
      wb.sheet(SHEET_NAMES.register).writeValues(1, locationColumn, [['']]);
      const edit = wb.rt.world.triggers.list().find((t) => t.eventType === 'ON_EDIT');
      wb.rt.world.triggers.remove(edit!.uid);

      const record = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
      expect(record.value).toMatch(/Created: the Settings sheet/);
      expect(record.value).toMatch(/"Location" column header/);
      expect(record.value).toMatch(/the edit trigger/);

      expect(wb.model.sheetModel(SHEET_NAMES.settings)).toBeDefined();
      expect(wb.rt.world.triggers.list().filter((t) => t.eventType === 'ON_EDIT')).toHaveLength(1);
      // The old Location values stay where they were (under the emptied header); the header comes back
      // at the end, and every other value of every row is unchanged.
      const values = wb.values(SHEET_NAMES.register);
      expect(values[0]?.at(-1)).toBe('Location');
      expect(values[1]?.[locationColumn - 1]).toBe(registerBefore[0]?.order.location);
      expect(wb.changeLog()).toEqual(logBefore);
      expect(values.slice(1).map((r) => r[0])).toEqual(registerBefore.map((r) => r.order.id));
    } finally {
      await wb.close();
    }
  });
});
