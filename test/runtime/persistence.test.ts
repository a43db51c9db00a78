/**
 * Saving a world and loading it into a fresh runtime (runtime/persistence.ts): nothing a script or a
 * person could observe may change across the round trip, and the loaded world goes on working
 * (validation and protection still refuse edits, the form still appends to its tab and fires its
 * trigger, time-driven triggers come due, quotas and caches carry over).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalAppsScript, Scope } from '../../runtime';
import {
  decodeWorldState,
  encodeWorldState,
  exportWorld,
  importWorld,
  loadWorldFile,
  saveWorldFile,
} from '../../runtime/persistence';
import { UserEditRefused } from '../../runtime/host/spreadsheet';

const OWNER = 'owner@example.com';
const SUP = 'sup@example.com';
const TECH = 'tech@example.com';

const SOURCE = String.raw`
function build(formTitle) {
  var ss = SpreadsheetApp.getActive();
  var s = ss.getSheets()[0].setName('Data');
  s.getRange('A1:E1').setValues([['Text', 'Number', 'When', 'Flag', 'Formula']]).setFontWeight('bold').setBackground('#eeeeee');
  s.getRange('A2:D3').setValues([['alpha', 1.5, new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), true], ['beta', -2, '2026-03-04', false]]);
  s.getRange('E2').setFormula('=B2*2');
  s.getRange('B2:B3').setNumberFormat('0.00');
  s.getRange('A2').setNote('a note');
  s.getRange('C2:C3').setNumberFormat('yyyy-mm-dd');
  s.setFrozenRows(1);
  s.setColumnWidth(1, 180);
  s.setRowHeight(2, 40);
  s.setTabColor('#ff0000');
  var statusRule = SpreadsheetApp.newDataValidation().requireValueInList(['Open', 'Done'], true).setAllowInvalid(false).setHelpText('Pick Open or Done').build();
  s.getRange('F2:F100').setDataValidation(statusRule);
  var lists = ss.insertSheet('Lists');
  lists.getRange('A1:A3').setValues([['red'], ['green'], ['blue']]);
  s.getRange('G2:G100').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInRange(lists.getRange('A1:A3')).setAllowInvalid(false).build());
  s.getRange('H2:H100').setDataValidation(SpreadsheetApp.newDataValidation().requireDateAfter(new Date(Date.UTC(2025, 0, 1))).build());
  var p = s.getRange('A1:E1').protect().setDescription('Header');
  p.removeEditors(p.getEditors());
  p.addEditor('${SUP}');
  var sp = lists.protect().setDescription('Lists').setWarningOnly(true);
  var chart = s.newChart().asColumnChart().addRange(s.getRange('A1:B3')).setPosition(5, 2, 10, 20).setOption('title', 'Numbers').build();
  s.insertChart(chart);
  var hidden = ss.insertSheet('Hidden');
  hidden.hideSheet();
  var form = FormApp.create(formTitle);
  form.setCollectEmail(true).setConfirmationMessage('Thanks');
  form.addTextItem().setTitle('Name').setRequired(true);
  form.addCheckboxItem().setTitle('Tools').setChoiceValues(['Ladder', 'Drill']);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  ScriptApp.newTrigger('onSubmit').forSpreadsheet(ss).onFormSubmit().create();
  ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
  PropertiesService.getScriptProperties().setProperty('script', 'S');
  PropertiesService.getDocumentProperties().setProperties({ counter: '41', other: 'x' });
  PropertiesService.getUserProperties().setProperty('me', 'owner');
  CacheService.getDocumentCache().put('cached', 'yes', 3600);
  MailApp.sendEmail({ to: '${TECH}', subject: 'Hello', body: 'plain', htmlBody: '<b>html</b>' });
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>side</p>').setTitle('Side'));
  SpreadsheetApp.getUi().createAddonMenu().addItem('Build', 'build').addToUi();
  ss.toast('built');
  return form.getId();
}
function onSubmit(e) {
  var props = PropertiesService.getDocumentProperties();
  props.setProperty('counter', String(Number(props.getProperty('counter')) + 1));
  e.range.getSheet().getRange(e.range.getRow(), e.values.length + 1).setValue('seen ' + props.getProperty('counter'));
}
function again() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>again</p>').setTitle('Side'));
  SpreadsheetApp.getActive().toast('again');
}
function hourly() {
  PropertiesService.getScriptProperties().setProperty('hourly', 'ran');
}
function observe() {
  var ss = SpreadsheetApp.getActive();
  var out = {};
  ss.getSheets().forEach(function (s) {
    var r = s.getDataRange();
    out[s.getName()] = {
      values: r.getValues(), display: r.getDisplayValues(), formulas: r.getFormulas(), notes: r.getNotes(),
      weights: r.getFontWeights(), backgrounds: r.getBackgrounds(), formats: r.getNumberFormats(),
      frozen: s.getFrozenRows(), hidden: s.isSheetHidden(), tab: s.getTabColor(), width: s.getColumnWidth(1), height: s.getRowHeight(2),
      rules: s.getRange('F2:H2').getDataValidations()[0].map(function (v) { return v && [String(v.getCriteriaType()), v.getHelpText(), v.getAllowInvalid()]; }),
      protections: s.getProtections(SpreadsheetApp.ProtectionType.RANGE).concat(s.getProtections(SpreadsheetApp.ProtectionType.SHEET)).map(function (p) {
        return [p.getDescription(), p.getRange().getA1Notation(), p.isWarningOnly(), p.getEditors().map(function (u) { return u.getEmail(); })];
      }),
      charts: s.getCharts().map(function (c) { return [c.getChartId(), c.getOptions().get('title'), c.getRanges().map(function (x) { return x.getA1Notation(); }), c.getContainerInfo().getAnchorRow()]; }),
    };
  });
  out.props = [PropertiesService.getDocumentProperties().getProperties(), PropertiesService.getScriptProperties().getProperties(), PropertiesService.getUserProperties().getProperties()];
  out.cache = CacheService.getDocumentCache().get('cached');
  out.quota = MailApp.getRemainingDailyQuota();
  out.triggers = ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), String(t.getEventType())]; });
  out.now = new Date().getTime();
  return out;
}
`;

function project(): LocalAppsScript {
  return LocalAppsScript.fromSource(SOURCE, {
    oauthScopes: Object.values(Scope),
    timeZone: 'America/New_York',
  });
}

async function ok(
  record: Promise<{ ok: boolean; value: unknown; error?: { message: string } }>,
): Promise<unknown> {
  const r = await record;
  if (!r.ok) throw new Error(r.error?.message);
  return r.value;
}

describe('persistence: a saved world loads back unchanged and keeps working', () => {
  let original: LocalAppsScript;
  let restored: LocalAppsScript;
  let ssId: string;
  let formId: string;
  let file: string;

  beforeAll(async () => {
    original = project();
    original.world.clock.advance(3 * 86_400_000);
    ssId = original.createSpreadsheet('Persisted', OWNER);
    original.world.spreadsheets.require(ssId).editors.add(SUP);
    formId = (await ok(
      original.run('build', { user: OWNER, spreadsheetId: ssId, args: ['Request'] }),
    )) as string;
    await original.submitForm(formId, {
      respondentEmail: 'rita@example.com',
      answers: { Name: 'Rita', Tools: ['Drill'] },
    });
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wo-persist-')), 'state.json');
    saveWorldFile(original.world, file);
    restored = project();
    expect(loadWorldFile(restored.world, file)).toBe(true);
  });
  afterAll(async () => {
    await original.close();
    await restored.close();
  });

  test('the saved state of the loaded world is the saved state of the original', () => {
    const strip = (text: string) => text.replace(/"savedAt":"[^"]*"/, '');
    expect(strip(encodeWorldState(exportWorld(restored.world)))).toBe(
      strip(encodeWorldState(exportWorld(original.world))),
    );
  });

  test('scripts observe the same spreadsheet, properties, cache, quota, triggers and time', async () => {
    const before = (await ok(original.run('observe', { user: OWNER, spreadsheetId: ssId }))) as Record<
      string,
      unknown
    >;
    const after = (await ok(restored.run('observe', { user: OWNER, spreadsheetId: ssId }))) as Record<
      string,
      unknown
    >;
    const { now: nowBefore, ...restBefore } = before;
    const { now: nowAfter, ...restAfter } = after;
    expect(restAfter).toEqual(restBefore);
    // The clock's offset (three days ahead) survives: both read about the same shifted time.
    expect(Math.abs((nowAfter as number) - (nowBefore as number))).toBeLessThan(5_000);
    expect((nowAfter as number) - Date.now()).toBeGreaterThan(3 * 86_400_000 - 60_000);
    const data = (after as { Data: { values: unknown[][]; notes: string[][]; charts: unknown[] } }).Data;
    expect(data.values[1]![2]).toEqual(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
    expect(data.notes[1]![0]).toBe('a note');
    expect(data.charts).toEqual([[1, 'Numbers', ['A1:B3'], 5]]);
  });

  test('validation and protection still refuse what they refused', async () => {
    const edit = (sheetName: string, row: number, column: number, value: string, user: string) =>
      restored.editCells({ spreadsheetId: ssId, sheetName, row, column, values: [[value]], user });
    await expect(edit('Data', 2, 6, 'Maybe', OWNER)).rejects.toThrow(
      new UserEditRefused('Pick Open or Done', 'validation'),
    );
    await expect(edit('Data', 2, 7, 'purple', OWNER)).rejects.toThrow(UserEditRefused);
    await expect(edit('Data', 1, 1, 'hijacked', TECH)).rejects.toThrow(UserEditRefused);
    await expect(edit('Data', 2, 7, 'green', OWNER)).resolves.toBeDefined();
    await expect(edit('Data', 1, 1, 'Label', SUP)).resolves.toBeDefined();
    // The warning-only protection lets the edit through, with its warning.
    const warned = await edit('Lists', 4, 1, 'yellow', TECH);
    expect(warned.edit.warnings).toEqual(['Lists']);
  });

  test('the form appends to its tab and fires its trigger; the hourly trigger comes due', async () => {
    const sub = await restored.submitForm(formId, {
      respondentEmail: 'sam@example.com',
      answers: { Name: 'Sam' },
    });
    expect(sub.executions.map((e) => e.ok)).toEqual([true]);
    expect(sub.response.row).toBe(3);
    const sheet = restored.world.spreadsheets.require(ssId).requireSheet(sub.response.sheetName!);
    expect(sheet.readValues(2, 2, 2, 5)).toEqual([
      ['rita@example.com', 'Rita', 'Drill', 'seen 42', ''],
      ['sam@example.com', 'Sam', '', 'seen 43', ''],
    ]);
    restored.world.clock.advance(2 * 3_600_000);
    const ran = await restored.runTimeDrivenTriggers();
    expect(ran.map((r) => [r.entry, r.ok])).toEqual([['hourly', true]]);
    expect(restored.world.properties.script.get('hourly')).toBe('ran');
  });

  test('mail, UI events and per-user view state carry over', () => {
    expect(restored.world.mail.sent.map((m) => [m.to, m.subject, m.htmlBody, m.at instanceof Date])).toEqual([
      [[TECH], 'Hello', '<b>html</b>', true],
    ]);
    expect(restored.world.ui.lastSidebar(ssId, OWNER)?.html).toContain('<p>side</p>');
    expect(restored.world.ui.addonMenuFor(ssId, OWNER)).toEqual([
      { kind: 'item', caption: 'Build', functionName: 'build' },
    ]);
    expect(restored.world.ui.toasts(ssId, OWNER).map((t) => t.message)).toEqual(['built']);
  });

  test('a missing file is a first start; a state from another time zone is refused', () => {
    const fresh = project();
    expect(loadWorldFile(fresh.world, path.join(path.dirname(file), 'none.json'))).toBe(false);
    const state = decodeWorldState(fs.readFileSync(file, 'utf8'));
    const utc = LocalAppsScript.fromSource(SOURCE, { timeZone: 'Etc/UTC' });
    expect(() => importWorld(utc.world, state)).toThrow(/time zone America\/New_York/);
    return Promise.all([fresh.close(), utc.close()]);
  });

  test('`latest` keeps what is on screen: latest menu and sidebar per user, recent messages', async () => {
    for (let i = 0; i < 3; i++) await ok(original.run('again', { user: OWNER, spreadsheetId: ssId }));
    const all = exportWorld(original.world).ui.events;
    const latest = exportWorld(original.world, { ui: 'latest' }).ui.events;
    expect(all.filter((e) => e.kind === 'sidebar')).toHaveLength(4);
    expect(latest.filter((e) => e.kind === 'sidebar').map((e) => e.seq)).toEqual([
      all.filter((e) => e.kind === 'sidebar').at(-1)!.seq,
    ]);
    expect(latest.filter((e) => e.kind === 'toast')).toHaveLength(4);
  });
});
