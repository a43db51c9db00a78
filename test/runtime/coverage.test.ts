/**
 * The runtime's conformance tests must cover every service method the add-on calls. This runs the
 * add-on through a whole working life in the runtime (setup, intake, the sidebar, sheet edits, reports,
 * the hourly job, audit, archive), collects every `Class.method` its executions called, and checks
 * that for each one some conformance test under test/runtime/ calls that method on that class.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN, MANAGER, SUPERVISOR, TECH, expectOk, setUpWorkbook } from '../support/workbook';
import { act, itemIn, submitRequests, target, viewFor } from '../features/review/helpers';
import { SHEET_NAMES } from '../../src/core/model';

function conformanceSources(): { file: string; text: string }[] {
  const root = path.resolve('test/runtime');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ts$/.test(entry.name) && full !== __filename) files.push(full);
    }
  };
  walk(root);
  return files.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

/**
 * How a script obtains an instance of a class whose name never appears in its code: a conformance
 * test calling `.method(` on such a class shows it by one of these calls.
 */
const REACHED_THROUGH: Record<string, string[]> = {
  Cache: ['CacheService'],
  Properties: ['PropertiesService'],
  Lock: ['LockService'],
  Menu: ['createAddonMenu', 'createMenu'],
  User: ['getActiveUser', 'getEffectiveUser', 'getEditors'],
  Trigger: ['newTrigger', 'getProjectTriggers', 'getUserTriggers'],
  TriggerBuilder: ['newTrigger'],
  ClockTriggerBuilder: ['timeBased'],
  SpreadsheetTriggerBuilder: ['forSpreadsheet'],
  FormTriggerBuilder: ['forForm'],
  TextItem: ['addTextItem', 'asTextItem'],
  ParagraphTextItem: ['addParagraphTextItem', 'asParagraphTextItem'],
  ListItem: ['addListItem', 'asListItem'],
  MultipleChoiceItem: ['addMultipleChoiceItem', 'asMultipleChoiceItem'],
  CheckboxItem: ['addCheckboxItem', 'asCheckboxItem'],
  Item: ['getItems', 'getItemById'],
  Choice: ['getChoices'],
  HtmlOutput: ['createHtmlOutput', 'createHtmlOutputFromFile'],
  PromptResponse: ['.prompt('],
  DataValidationBuilder: ['newDataValidation'],
  DataValidation: ['getDataValidation'],
  EmbeddedChartBuilder: ['newChart'],
  ConditionalFormatRuleBuilder: ['newConditionalFormatRule'],
  ConditionalFormatRule: ['getConditionalFormatRules'],
  BooleanCondition: ['getBooleanCondition'],
  Group: ['getColumnGroup'],
  EmbeddedChart: ['getCharts', 'insertChart'],
  Protection: ['protect', 'getProtections'],
  Range: ['getRange', 'getDataRange'],
  Sheet: ['getSheetByName', 'getSheets', 'insertSheet', 'getActiveSheet'],
  Spreadsheet: ['getActiveSpreadsheet', 'getActive', 'openById'],
  Form: ['FormApp.create', 'FormApp.openById'],
};

/** Classes whose calls are plumbing of the runtime itself rather than an emulated Google method. */
const EXEMPT = new Set(['console.log', 'console.info', 'console.warn', 'console.error', 'Logger.log']);

test('every service method the add-on calls has a conformance test', async () => {
  const wb = await setUpWorkbook();
  try {
    const rt = wb.rt;
    expectOk(await rt.openSpreadsheet(wb.ssId, ADMIN));
    const [first, second] = await submitRequests(wb, [
      { description: 'Broken window' },
      { description: 'Squeaky door' },
    ]);
    let view = await viewFor(wb, SUPERVISOR);
    const one = itemIn(view, first!);
    expectOk(
      (
        await act(wb, SUPERVISOR, {
          action: 'approveAssign',
          ...target(one),
          category: 'Carpentry',
          priority: 'P3 Routine',
          assignee: TECH,
        })
      ).record,
    );
    view = await viewFor(wb, SUPERVISOR);
    expectOk(
      (await act(wb, SUPERVISOR, { action: 'reject', ...target(itemIn(view, second!)), reason: 'Duplicate' }))
        .record,
    );
    const row = wb.register().find((r) => r.order.id === first)!.row;
    await wb.edit(TECH, SHEET_NAMES.register, row, wb.registerColumn('Status'), [['In Progress']]);
    const results = wb.registerColumn('Results');
    await wb.edit(TECH, SHEET_NAMES.register, row, results, [['Replaced the pane', 'Measured, cut, fitted']]);
    await wb.edit(TECH, SHEET_NAMES.register, row, wb.registerColumn('Status'), [['Completed']]);
    view = await viewFor(wb, SUPERVISOR);
    expectOk((await act(wb, SUPERVISOR, { action: 'close', ...target(itemIn(view, first!)) })).record);
    expectOk(await wb.menu(MANAGER, 'buildReports'));
    expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
    expectOk(await wb.menu(ADMIN, 'runHourlyChecksNow'));
    expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
    for (const run of await rt.runTimeDrivenTriggers({ all: true })) expectOk(run);

    const used = new Set(rt.executions.flatMap((e) => Object.keys(e.stats.calls)));
    const sources = conformanceSources();
    const uncovered = [...used]
      .filter((key) => !EXEMPT.has(key))
      .filter((key) => {
        const [cls, method] = key.split('.') as [string, string];
        const call = new RegExp(`\\.${method}\\(`);
        const ways = [cls, ...(REACHED_THROUGH[cls] ?? [])];
        return !sources.some((s) => call.test(s.text) && ways.some((w) => s.text.includes(w)));
      })
      .sort();
    expect(uncovered).toEqual([]);
    expect(used.size).toBeGreaterThan(40);
  } finally {
    await wb.close();
  }
}, 120_000);
