/**
 * The register as its editors see it, through setup in dist/Code.js: the add-on's own columns grouped
 * and collapsed, colours for overdue, status and priority kept once however often setup runs (and a
 * rule someone added kept too), and every date in the one format of core/time.ts, in the spreadsheet's
 * time zone, on the register, the change log, in emails and on the sidebars.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { DATE_TIME_NUMBER_FORMAT, formatLocal } from '../../../src/core/time';
import { RULE_MARK } from '../../../src/core/register-colours';
import { formatIso } from '../../../src/client/review-sidebar/format';
import { EMPTY_FORMAT } from '../../../runtime/host/spreadsheet/conditional-format-model';
import { formatForDisplay } from '../../../runtime/host/spreadsheet/number-format';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrders, cardIn, myView } from '../my-work/helpers';

const SYSTEM = [
  'Decided By',
  'Decided At',
  'Assigned At',
  'Started At',
  'Closed By',
  'Closed At',
  'On Hold Since',
  'Response Row',
  'Revision',
  'Last Known State',
];

function ours(wb: TestWorkbook) {
  return wb
    .sheet(SHEET_NAMES.register)
    .conditionalFormats.filter(
      (r) => r.criteria === 'CUSTOM_FORMULA' && String(r.values[0]).includes(RULE_MARK),
    );
}

function headerOf(wb: TestWorkbook): string[] {
  return (wb.values(SHEET_NAMES.register)[0] ?? []).map(String);
}

describe('the register’s look', () => {
  let wb: TestWorkbook;
  let ids: string[];
  beforeAll(async () => {
    wb = await setUpWorkbook();
    ids = await assignedOrders(wb, [TECH], 'P1 Emergency');
  });
  afterAll(() => wb.close());

  test('the add-on’s own columns are one collapsed column group, found by header', () => {
    const sheet = wb.sheet(SHEET_NAMES.register);
    const header = headerOf(wb);
    const columns = SYSTEM.map((h) => header.indexOf(h) + 1);
    expect(columns.every((c) => c > 0)).toBe(true);
    const groups = sheet.columnGroups.runs();
    expect(groups).toEqual([{ start: Math.min(...columns), end: Math.max(...columns), depth: 1 }]);
    expect(sheet.columnGroups.isCollapsed(groups[0]!)).toBe(true);
    for (const c of columns) expect(sheet.hiddenColumns.has(c)).toBe(true);
    for (const visible of [
      'Status',
      'Progress Notes',
      'Results',
      'Actions Taken',
      'Reason',
      'Priority',
      'Due',
    ])
      expect(sheet.hiddenColumns.has(wb.registerColumn(visible))).toBe(false);
  });

  test('setup colours overdue Due, every status and the three most urgent priorities, on their columns', () => {
    const rules = ours(wb);
    const columnOf = (rule: (typeof rules)[number]) =>
      rule.ranges.map((r) => [r.column, r.row, r.numColumns]);
    const due = rules.filter((r) => columnOf(r)[0]![0] === wb.registerColumn('Due'));
    const status = rules.filter((r) => columnOf(r)[0]![0] === wb.registerColumn('Status'));
    const priority = rules.filter((r) => columnOf(r)[0]![0] === wb.registerColumn('Priority'));
    expect([due.length, status.length, priority.length, rules.length]).toEqual([1, 9, 3, 13]);
    expect(String(due[0]!.values[0])).toMatch(/<NOW\(\).*"In Progress"/);
    expect(due[0]!.format.background).toBe('#f4cccc');
    expect(priority.map((r) => String(r.values[0]).match(/="(P\d [A-Za-z]+)"/)?.[1])).toEqual([
      'P1 Emergency',
      'P2 Urgent',
      'P3 Routine',
    ]);
    for (const rule of rules) expect(columnOf(rule)).toEqual([[rule.ranges[0]!.column, 2, 1]]);
  });

  test('a re-run keeps one set of the add-on’s rules and the rule someone added; a changed colour is put back', async () => {
    const sheet = wb.sheet(SHEET_NAMES.register);
    const before = ours(wb).map((r) => r.values[0]);
    // Someone adds their own rule in Format › Conditional formatting, and recolours one of the add-on's.
    const column = wb.registerColumn('Category');
    sheet.conditionalFormats.push({
      criteria: 'TEXT_EQUAL_TO',
      values: ['Plumbing'],
      format: { ...EMPTY_FORMAT, background: '#00ff00' },
      ranges: [{ row: 2, column, numRows: 50, numColumns: 1 }],
    });
    sheet.conditionalFormats[0]!.format.background = '#123456';
    const record = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    expect(String(record.value)).toMatch(/set the register’s colours/);
    const rules = sheet.conditionalFormats;
    expect(rules[0]).toMatchObject({ criteria: 'TEXT_EQUAL_TO', values: ['Plumbing'] });
    expect(ours(wb).map((r) => r.values[0])).toEqual(before);
    expect(rules.filter((r) => r.format.background === '#123456')).toEqual([]);
    // Already in place: the next run writes nothing and says nothing about them.
    expect(String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value)).not.toMatch(/colours|hid the/);
    expect(sheet.conditionalFormats).toHaveLength(14);
    expect(sheet.columnGroups.runs().map((g) => g.depth)).toEqual([1]);
  });

  test('a register set up before groups gets its columns grouped, and its dates reformatted', async () => {
    const sheet = wb.sheet(SHEET_NAMES.register);
    const header = headerOf(wb);
    const due = wb.registerColumn('Due');
    sheet.columnGroups.shift(1, header.length, -1);
    sheet.columnGroups.collapsed.clear();
    for (const column of [...sheet.hiddenColumns.keys()]) sheet.hiddenColumns.delete(column);
    sheet.setStyle(
      { row: 2, column: due, numRows: sheet.maxRows - 1, numColumns: 1 },
      'numberFormat',
      'M/d/yyyy H:mm',
    );
    const values = wb.values(SHEET_NAMES.register);
    const record = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    expect(String(record.value)).toMatch(/hid the add-on's own register columns \(Decided By, .*Revision\)/);
    expect(sheet.columnGroups.runs()).toHaveLength(1);
    expect(sheet.numberFormatAt(2, due)).toBe(DATE_TIME_NUMBER_FORMAT);
    expect(wb.values(SHEET_NAMES.register)).toEqual(values);
  });

  test('one date-time format: register, change log, assignment email and both sidebars show the same date-time', async () => {
    const timeZone = wb.model.timeZone;
    const order = wb.order(ids[0]!);
    const due = order.due!;
    const text = formatLocal(due, timeZone);
    expect(text).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const row = wb.register().find((r) => r.order.id === ids[0])!.row;
    const register = wb.sheet(SHEET_NAMES.register);
    const dueColumn = wb.registerColumn('Due');
    // The register's Due cell shows that text with the seconds cells keep (core/time.ts).
    const cell = register.readDisplayValues({ row, column: dueColumn, numRows: 1, numColumns: 1 })[0]![0];
    expect(cell).toMatch(new RegExp(`^${text}:\\d\\d$`));
    expect(formatForDisplay(due, DATE_TIME_NUMBER_FORMAT, timeZone)).toBe(cell);
    // The change log's Timestamp column.
    const log = wb.sheet(SHEET_NAMES.changeLog);
    expect(log.numberFormatAt(2, 1)).toBe(DATE_TIME_NUMBER_FORMAT);
    const stamp = wb.changeLog()[0]![0] as Date;
    expect(log.readDisplayValues({ row: 2, column: 1, numRows: 1, numColumns: 1 })[0]![0]).toMatch(
      new RegExp(`^${formatLocal(stamp, timeZone)}:\\d\\d$`),
    );
    // The assignment email.
    const mail = wb.rt.world.mail.sent.filter((m) => m.to.includes(TECH));
    expect(mail.some((m) => m.body.includes(text))).toBe(true);
    // My work's card carries that instant and the zone its cards show it in (cards.ts formatDue is
    // formatLocal); the review sidebar shows it the same way.
    const view = await myView(wb, TECH);
    const card = cardIn(view, ids[0]!);
    expect(view.timeZone).toBe(timeZone);
    expect(formatLocal(new Date(card.due!), view.timeZone)).toBe(text);
    expect(formatIso(due.toISOString(), timeZone)).toBe(text);
  });
});
