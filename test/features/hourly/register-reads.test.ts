/**
 * What the hourly job reads of the register: Request ID and Status of every row, the fields of open
 * work from the first open row down, and the whole row only of the orders it emails — never every
 * column of every row. The emails still carry every detail of their order.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import {
  HOUR,
  assign,
  mailTo,
  now,
  runHourly,
  setSetting,
  startAtLocalHour,
  submitMany,
} from '../../support/ops';

/** Finished work above the open orders, as an older register has it. */
const FINISHED = 2_000;

let wb: TestWorkbook;
let soon: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
  setSetting(wb, 'notifyRequestor', false);
  setSetting(wb, 'reminderHoursBeforeDue', 24);
  const register = wb.sheet(SHEET_NAMES.register);
  const width = wb.values(SHEET_NAMES.register)[0]!.length;
  const at = (header: string) => wb.registerColumn(header) - 1;
  const requested = new Date(now(wb).getTime() - 400 * 24 * HOUR);
  const rows = Array.from({ length: FINISHED }, (_, i) => {
    const row: (string | Date)[] = new Array<string>(width).fill('');
    row[at('Request ID')] = `OLD-${String(i + 1).padStart(5, '0')}`;
    row[at('Status')] = 'Closed';
    row[at('Requested At')] = requested;
    row[at('Description')] = `Old work ${i + 1}`;
    return row;
  });
  register.writeValues(2, 1, rows);
  [soon = ''] = await submitMany(wb, 1, () => 'Replace the fuse in the boiler room');
  assign(wb, soon, 1, TECH, new Date(now(wb).getTime() + 10 * HOUR));
  // The first run (protections, the week's KPI snapshot) is not the routine one measured below.
  expectOk((await runHourly(wb, 0))[0]!);
});
afterAll(() => wb.close());

test('the reminder is composed from the whole row of its order', () => {
  const toTech = mailTo(wb, TECH);
  expect(toTech).toHaveLength(1);
  expect(toTech[0]!.subject).toMatch(/^\[WO-2026-00001\] Due soon: /);
  expect(toTech[0]!.body).toContain('Replace the fuse in the boiler room');
});

test('a routine run reads two columns of the finished rows, not the whole register', async () => {
  const [run] = await runHourly(wb);
  expectOk(run!);
  const registerCells = (FINISHED + 1) * wb.values(SHEET_NAMES.register)[0]!.length;
  // Request ID and Status of every row, the rest of the open work, and the other tabs (Settings, Staff…).
  expect(run!.stats.cellsRead).toBeLessThan(2 * (FINISHED + 1) + 1_000);
  expect(run!.stats.cellsRead).toBeLessThan(registerCells / 10);
  expect(mailTo(wb, TECH)).toHaveLength(1);
});
