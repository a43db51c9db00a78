/**
 * A paste refused in cells whose earlier text the row's record keeps only as a keyed print: the text
 * comes back from the request's answers or from the change log's last rows (read bottom up, at most
 * SCAN_ROWS), so what a paste reads under the lock does not grow with the log. A text typed into the
 * log by hand is not put back. A change older than the bound is put back from the whole log, read
 * with the lock free between two sections; when the log changes under every such reading, the
 * cell is left for Undo.
 */
import type { ExecutionRecord } from '../../../runtime';
import { NOT_KEPT } from '../../../src/server/features/edits/judge';
import { SCAN_ROWS } from '../../../src/server/features/integrity/unkept-fields';
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';
import { keyedCell } from '../../../src/core/keyed-chain';
import { LOG, appendApprovals, checkpointOf } from '../../support/audit';
import { OtherWriter, until } from '../../support/locks';
import { REGISTER, assignedOrder, cell, noteAt, onlyExecution, rowOf, type } from '../../support/edits';
import { TECH, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { disagreements, recordOf } from '../../support/row-state';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  appendApprovals(wb, 600); // more than the scan's first read: the reads compared below are whole chunks
});
afterAll(() => wb.close());

const LONG = 'The boiler in the basement plant room makes a knocking noise whenever the heating starts up. ';

/** Two adjacent orders of TECH's, each with long Results typed (kept only as a print). */
async function twoWithResults(label: string): Promise<[string, string]> {
  const ids: string[] = [];
  for (const n of [1, 2]) {
    const id = await assignedOrder(wb, TECH, { description: `${LONG}${label} ${n}` });
    await type(wb, TECH, id, 'Status', 'In Progress');
    await type(wb, TECH, id, 'Results', `${label} ${n}: ${LONG.repeat(3)}`);
    expect(recordOf(wb, cell(wb, id, ROW_STATE_HEADER))?.fingerprints.results).toBeDefined();
    ids.push(id);
  }
  const [a, b] = ids as [string, string];
  expect(rowOf(wb, b)).toBe(rowOf(wb, a) + 1);
  return [a, b];
}

/** Another technician pastes two cells of `header` over the rows of `ids` (no old value in the event). */
async function pasteOver(
  ids: readonly string[],
  header: string,
  texts = ['x', 'y'],
): Promise<ExecutionRecord> {
  const row = rowOf(wb, ids[0] as string);
  const edit = await wb.edit(
    TECH2,
    REGISTER,
    row,
    wb.registerColumn(header),
    texts.map((t) => [t]),
  );
  return onlyExecution(edit.executions);
}

const logRows = (): number => wb.sheet(LOG).lastRow() - 1;

/** Tests that add SCAN_ROWS rows to the log and read it whole: slow on a busy machine. */
const HEAVY_TEST_MS = 180_000;

test('long Results changed lately come back from the log’s last rows, and what is read does not grow with the log', async () => {
  const first = await twoWithResults('First');
  const before = first.map((id) => String(cell(wb, id, 'Results')));
  const read = await pasteOver(first, 'Results');
  expect(first.map((id) => cell(wb, id, 'Results'))).toEqual(before);
  for (const id of first) expect(noteAt(wb, id, 'Results')).not.toMatch(/could not be put back/);

  // Five thousand more rows above the next orders' changes: the same paste reads the same cells.
  appendApprovals(wb, 5_000);
  const second = await twoWithResults('Second');
  const again = await pasteOver(second, 'Results');
  expect(second.map((id) => cell(wb, id, 'Results'))).toEqual(
    second.map((_, n) => `Second ${n + 1}: ${LONG.repeat(3)}`),
  );
  expect(again.stats.cellsRead).toBe(read.stats.cellsRead);
  // Far less than the log: its last rows, not all of it (six columns of every row, before).
  expect(again.stats.cellsRead).toBeLessThan(logRows());
});

test('a never-edited long Description comes back from its response row, without reading the log', async () => {
  const ids = [
    await assignedOrder(wb, TECH, { description: `${LONG.repeat(4)} Left.` }),
    await assignedOrder(wb, TECH, { description: `${LONG.repeat(4)} Right.` }),
  ];
  const before = ids.map((id) => String(cell(wb, id, 'Description')));
  for (const id of ids)
    expect(recordOf(wb, cell(wb, id, ROW_STATE_HEADER))?.fingerprints.description).toBeDefined();
  const record = await pasteOver(ids, 'Description');
  expect(ids.map((id) => cell(wb, id, 'Description'))).toEqual(before);
  for (const id of ids) expect(noteAt(wb, id, 'Description')).not.toMatch(/could not be put back/);
  // The register's rows and two response rows (and the responses' header): no log chunk at all.
  expect(record.stats.cellsRead).toBeLessThan(500);
});

test('with the Response Row cell emptied by hand, the log’s "Created" row names the response instead', async () => {
  const ids = [
    await assignedOrder(wb, TECH, { description: `${LONG.repeat(4)} Up.` }),
    await assignedOrder(wb, TECH, { description: `${LONG.repeat(4)} Down.` }),
  ];
  const before = ids.map((id) => String(cell(wb, id, 'Description')));
  for (const id of ids) {
    const state = recordOf(wb, cell(wb, id, ROW_STATE_HEADER));
    expect(state?.fingerprints.responseRef).toBeDefined(); // the record names it only as a print
    wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn('Response Row'), [['']]);
  }
  const record = await pasteOver(ids, 'Description');
  expect(ids.map((id) => cell(wb, id, 'Description'))).toEqual(before);
  for (const id of ids) expect(noteAt(wb, id, 'Description')).not.toMatch(/could not be put back/);
  expect(record.stats.cellsRead).toBeLessThan(logRows()); // the log's last rows only
});

test('a row typed into the log by hand with another text is not put back; the true earlier text is', async () => {
  const ids = await twoWithResults('Genuine');
  const genuine = ids.map((id) => String(cell(wb, id, 'Results')));
  // An editor appends rows that look like the add-on's, claiming other Results for both orders.
  const log = wb.sheet(LOG);
  const forged = ids.map((id) => [
    new Date(),
    TECH,
    'sheet edit',
    id,
    `Results: "" → Forged results for ${id}`,
    'not a MAC',
  ]);
  log.writeValues(log.lastRow() + 1, 1, forged);
  await pasteOver(ids, 'Results');
  expect(ids.map((id) => cell(wb, id, 'Results'))).toEqual(genuine);
});

test(
  'a change older than the scan’s bound is put back from the whole log, read with the lock free',
  async () => {
    const ids = await twoWithResults('Old');
    const old = ids.map((id) => String(cell(wb, id, 'Results')));
    appendApprovals(wb, SCAN_ROWS);
    const record = await pasteOver(ids, 'Results', ['pasted 1', 'pasted 2']);
    expect(ids.map((id) => cell(wb, id, 'Results'))).toEqual(old);
    for (const id of ids) expect(noteAt(wb, id, 'Results')).not.toMatch(/could not be put back/);
    // Two sections, the lock given back between them: the first stopped after the bounded scan, the
    // log was read whole without the lock, the second caught up on it without scanning again.
    const holds = documentHolds(record);
    expect(holds).toHaveLength(2);
    const [first, second] = holds.map((h) => h.during.cellsRead) as [number, number];
    expect(first).toBeLessThanOrEqual(2 * SCAN_ROWS + 1_000);
    expect(second).toBeLessThan(1_000);
    expect(record.stats.cellsRead - first - second).toBeGreaterThanOrEqual(6 * SCAN_ROWS);
  },
  HEAVY_TEST_MS,
);

test(
  'a text found by the scan in a row the log cannot vouch for still comes back when another needs the whole log',
  async () => {
    const [old, recent] = await twoWithResults('Mixed');
    const oldText = String(cell(wb, old, 'Results'));
    appendApprovals(wb, SCAN_ROWS);
    const recentText = `Mixed again: ${LONG.repeat(3)}`;
    await type(wb, TECH, recent, 'Results', recentText);
    // That log row edited by hand afterwards (its time retyped): its MAC no longer holds.
    const log = wb.sheet(LOG);
    const at = log.lastRow();
    expect(log.readValues(at, 4, 1, 2)[0]).toEqual([recent, expect.stringContaining('Mixed again')]);
    log.writeValues(at, 1, [[new Date(Date.UTC(2026, 0, 2, 12))]]);
    appendApprovals(wb, 10);
    const record = await pasteOver([old, recent], 'Results', ['pasted 1', 'pasted 2']);
    expect([old, recent].map((id) => cell(wb, id, 'Results'))).toEqual([oldText, recentText]);
    expect(documentHolds(record)).toHaveLength(2);
  },
  HEAVY_TEST_MS,
);

test(
  'a paste over the hidden column puts its rows back whole, Results included, from one reading of the log',
  async () => {
    const [id] = await twoWithResults('Whole');
    const stale = copyRow(rowOf(wb, id));
    await type(wb, TECH, id, 'Results', `Whole later: ${LONG}`);
    appendApprovals(wb, SCAN_ROWS);
    const edit = await wb.edit(TECH, REGISTER, rowOf(wb, id), 1, [stale]);
    const record = onlyExecution(edit.executions);
    expect(cell(wb, id, 'Results')).toBe(`Whole later: ${LONG}`);
    expect(noteAt(wb, id, 'Results')).toMatch(/put back whole as the change log records it/);
    expect(documentHolds(record)).toHaveLength(2);
  },
  HEAVY_TEST_MS,
);

test(
  'a log changed under both of its readings leaves the refused texts for Undo',
  async () => {
    const ids = await twoWithResults('Moving');
    const old = ids.map((id) => String(cell(wb, id, 'Results')));
    appendApprovals(wb, SCAN_ROWS);
    const log = wb.sheet(LOG);
    // The row each reading stopped at no longer holds what it read there (a log edited meanwhile).
    const outcome = await pasteWithLogChangedInGaps(ids, ['pasted 1', 'pasted 2'], (gap) =>
      log.writeValues(log.lastRow(), 6, [[keyedCell(checkpointOf(wb).seq, String(gap).repeat(64))]]),
    );
    expect(documentHolds(onlyExecution(outcome.executions))).toHaveLength(3);
    expect(ids.map((id) => cell(wb, id, 'Results'))).toEqual(['pasted 1', 'pasted 2']);
    for (const id of ids) expect(noteAt(wb, id, 'Results')).toContain(NOT_KEPT);
    // The record follows the text left in the cell, so that the next edit's check starts from it.
    for (const id of ids) expect(disagreements(wb, id)).toEqual([]);
    const logged = wb.changeLogEntries().filter((e) => e.field === 'Results' && ids.includes(e.recordId));
    expect(logged.map((e) => e.newValue)).toEqual(expect.arrayContaining(old));
  },
  HEAVY_TEST_MS,
);

function documentHolds(record: ExecutionRecord) {
  return record.stats.lockHolds.filter((h) => h.key.startsWith('document:'));
}

/** A register row as a person copies it: every column, the hidden one included. */
function copyRow(row: number): string[] {
  const sheet = wb.sheet(REGISTER);
  return sheet
    .readDisplayValues({ row, column: 1, numRows: 1, numColumns: sheet.lastColumn() })[0]!
    .map(String);
}

/** Stands for another writer holding the document lock (no execution has this id). */
const OTHER_WRITER = -1;

/**
 * pasteOver with another writer taking the document lock each time the edit's section ends, so
 * that `meanwhile(gap)` runs after each of the edit's two readings of the log without the lock
 * (gap 1, 2) and before the section that catches up on it.
 */
async function pasteWithLogChangedInGaps(
  ids: readonly string[],
  texts: readonly string[],
  meanwhile: (gap: number) => void,
) {
  const writer = new OtherWriter(wb, OTHER_WRITER);
  writer.hold();
  try {
    const row = rowOf(wb, ids[0] as string);
    const pasting = wb.edit(
      TECH2,
      REGISTER,
      row,
      wb.registerColumn('Results'),
      texts.map((t) => [t]),
    );
    await until('the edit waits for its first section', () => writer.someoneWaits(), 150_000);
    writer.release();
    await writer.queue();
    for (const gap of [1, 2]) {
      await until(`the edit waits after reading ${gap}`, () => writer.someoneWaits(), 150_000);
      meanwhile(gap);
      writer.release();
      if (gap === 1) await writer.queue();
    }
    const outcome = await pasting;
    outcome.executions.forEach(expectOk);
    return outcome;
  } finally {
    writer.release();
  }
}
