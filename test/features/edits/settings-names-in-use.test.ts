/**
 * An administrator renames a Category or Priority on the Settings tab while open work orders still
 * carry the old name, through dist/Code.js: the edit stands and the orders keep the name they were
 * decided with, but the administrator is told (toast, and a note on the edited cell) how many open
 * orders still have it, which ones, and how a supervisor moves them to a listed name. Closed or
 * cancelled orders do not count, and a rename of a name no open order uses says nothing of the kind.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { approvedOrder, onlyExecution, sidebarAct, toastsOf } from '../../support/edits';
import { ADMIN, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const SETTINGS = SHEET_NAMES.settings;
let wb: TestWorkbook;
/** Approved (Plumbing, P2 Urgent): two open, one cancelled. */
let open: string[];
let cancelled: string;

beforeAll(async () => {
  wb = await setUpWorkbook();
  open = [await approvedOrder(wb), await approvedOrder(wb)];
  cancelled = await approvedOrder(wb);
  await sidebarAct(wb, {
    action: 'cancel',
    id: cancelled,
    revision: wb.order(cancelled).revision,
    reason: 'Duplicate of another request',
  });
}, 120_000);
afterAll(() => wb.close());

function cellOf(header: string, value: string): { row: number; column: number } {
  const values = wb.values(SETTINGS);
  const column = (values[0] ?? []).indexOf(header) + 1;
  const row = values.findIndex((r) => r[column - 1] === value) + 1;
  if (column < 1 || row < 1) throw new Error(`no ${header} "${value}" on Settings`);
  return { row, column };
}

function noteAt({ row, column }: { row: number; column: number }): string {
  return wb.sheet(SETTINGS).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
}

/** Types `to` over the Settings cell holding `from`; the toasts the administrator saw, joined. */
async function rename(header: string, from: string, to: string) {
  const cell = cellOf(header, from);
  const seen = toastsOf(wb, ADMIN).length;
  onlyExecution((await wb.edit(ADMIN, SETTINGS, cell.row, cell.column, [[to]])).executions);
  return { cell, toast: toastsOf(wb, ADMIN).slice(seen).join(' | ') };
}

test('renaming a category open orders still use tells the administrator how many and which', async () => {
  const numbers = open.map((id) => wb.order(id).woNumber);
  const { cell, toast } = await rename('Category', 'Plumbing', 'Plumbing & Drains');
  expect(wb.sheet(SETTINGS).valueAt(cell.row, cell.column)).toBe('Plumbing & Drains');
  const said =
    `Category "Plumbing" is no longer on the Settings tab, but 2 open work orders still have it ` +
    `(${numbers.join(', ')}): they keep it as recorded; a supervisor gives each a category from the list ` +
    'by typing it in its Category cell.';
  // One toast, the warning with the revision it made (a second toast would replace it on screen).
  expect(toast).toBe(`${said} ${toast.slice(said.length + 1)}`);
  expect(toast).toMatch(/ Recorded as revision \S+ on the Procedure tab\.$/);
  expect(toast).not.toContain(wb.order(cancelled).woNumber);
  expect(noteAt(cell)).toContain(said);
  expect(noteAt(cell)).toMatch(new RegExp(`^Work Orders: still in use \\(${ADMIN}, `));
  // History stays truthful: the orders are not rewritten.
  for (const id of open) expect(wb.order(id).category).toBe('Plumbing');
});

test('renaming a priority open orders still use names Change priority in Review & assign', async () => {
  const { cell, toast } = await rename('Priority', 'P2 Urgent', 'P2 High');
  expect(toast).toContain(
    'Priority "P2 Urgent" is no longer on the Settings tab, but 2 open work orders still have it',
  );
  expect(toast).toContain('Change priority in Review & assign');
  expect(noteAt(cell)).toContain('Priority "P2 Urgent" is no longer on the Settings tab');
  for (const id of open) expect(wb.order(id).priority).toBe('P2 Urgent');
});

test('renaming a name no open order uses warns of nothing, and takes the old note away', async () => {
  const { toast } = await rename('Category', 'Carpentry', 'Joinery');
  expect(toast).not.toMatch(/no longer on the Settings tab/);
  expect(toast).toMatch(/^Recorded as revision/);
  // Renaming Plumbing back: nothing is left behind, and the stale note goes.
  const back = await rename('Category', 'Plumbing & Drains', 'Plumbing');
  expect(back.toast).not.toMatch(/no longer on the Settings tab/);
  expect(noteAt(back.cell)).toBe('');
});
