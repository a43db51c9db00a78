/**
 * The Procedure tab's revision history. An administrator's change to Settings or the
 * Procedure adds a revision row (version, date, description, author); other people's edits, other tabs
 * and edits of the revision table itself do not. recordProcedureRevision is what the edit trigger calls;
 * here it runs in a real execution, next to the real Code.js that set the workbook up.
 */
import path from 'node:path';
import { SHEET_NAMES } from '../../../src/core/model';
import { findRevisionTable } from '../../../src/core/procedure';
import { ADMIN, TECH, expectOk, type TestWorkbook } from '../../support/workbook';
import { loadWithTestEntry, setUpWorkbookIn } from '../../support/ops';

const ENTRY = path.join(__dirname, 'revision-entry.ts');

function revisions(wb: TestWorkbook): unknown[][] {
  return findRevisionTable(wb.values(SHEET_NAMES.procedure))?.rows ?? [];
}

describe('procedure revisions', () => {
  let wb: TestWorkbook;
  const record = (user: string, ...args: unknown[]) =>
    wb.rt.run('recordRevisionForTest', { user, spreadsheetId: wb.ssId, kind: 'installable-trigger', args });
  beforeAll(async () => {
    wb = await setUpWorkbookIn(await loadWithTestEntry(ENTRY, ['recordRevisionForTest']));
  });
  afterAll(() => wb.close());

  test('setup wrote version 1.0 and no more', () => {
    expect(revisions(wb).map((r) => r.slice(0, 1))).toEqual([['1.0']]);
  });

  test('an administrator changing Settings adds 1.1 with date, description and author', async () => {
    const run = expectOk(
      await record(ADMIN, ADMIN, SHEET_NAMES.settings, 'Settings: retentionDays 730 → 365'),
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: wb.model.timeZone }).format(
      wb.rt.world.clock.now(),
    );
    expect(run.value).toEqual({
      version: '1.1',
      date: today,
      description: 'Settings: retentionDays 730 → 365',
      author: ADMIN,
    });
    expect(revisions(wb).at(-1)).toEqual(['1.1', today, 'Settings: retentionDays 730 → 365', ADMIN]);
  });

  test('a Procedure edit adds 1.2; text that looks like a formula stays text', async () => {
    expectOk(await record(ADMIN, ADMIN, SHEET_NAMES.procedure, '=step 4.3 reworded', 20, 20));
    expect(revisions(wb).map((r) => r[0])).toEqual(['1.0', '1.1', '1.2']);
    expect(revisions(wb).at(-1)![2]).toBe('=step 4.3 reworded');
  });

  test('not a revision: a technician, another tab, or an edit of the revision table itself', async () => {
    const table = findRevisionTable(wb.values(SHEET_NAMES.procedure))!;
    const firstRow = table.headerIndex + 2;
    for (const [user, sheet, first] of [
      [TECH, SHEET_NAMES.settings, undefined],
      [ADMIN, SHEET_NAMES.register, undefined],
      [ADMIN, SHEET_NAMES.procedure, firstRow + 1],
    ] as const) {
      const run = expectOk(await record(user, user, sheet, 'ignored', ...(first ? [first, first] : [])));
      expect(run.value).toBeNull();
    }
    expect(revisions(wb)).toHaveLength(3);
  });

  test('content below the table stays below it', async () => {
    const procedure = wb.sheet(SHEET_NAMES.procedure);
    const below = procedure.lastRow() + 2;
    procedure.writeValues(below, 1, [['Appendix: contacts']]);
    expectOk(await record(ADMIN, ADMIN, SHEET_NAMES.settings, 'Settings: digest on'));
    expect(revisions(wb).map((r) => r[0])).toEqual(['1.0', '1.1', '1.2', '1.3']);
    expect(wb.values(SHEET_NAMES.procedure)[below]![0]).toBe('Appendix: contacts');
  });
});
