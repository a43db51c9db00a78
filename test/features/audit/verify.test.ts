/**
 * Verify audit log against someone who can edit the Change Log but does not hold the add-on's secret:
 * every kind of tampering is named at its first row — edited, inserted, deleted, reordered, truncated,
 * fabricated — including the ones a plain hash chain let through (rows cut from the end, a middle row
 * rewritten with the chain recomputed below it, a fabricated row with a correct hash).
 */
import { sha256Hex } from '../../../src/core/sha256';
import { canonicalOfRow } from '../../../src/core/audit';
import { LOG_COLUMN } from '../../../src/core/change-log-row';
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { submitMany } from '../../support/ops';
import { checkpointOf } from '../../support/audit';
import { CHECKPOINT_KEY } from '../../../src/server/adapters/change-log-tail';

const LOG = SHEET_NAMES.changeLog;
const ROWS = 6;

async function workbookWithLog(): Promise<TestWorkbook> {
  const wb = await setUpWorkbook();
  await submitMany(wb, ROWS);
  return wb;
}

async function verify(wb: TestWorkbook) {
  const run = expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
  return run.value as { ok: boolean; kind?: string; firstBrokenRow?: number; message: string };
}

/** The data rows as the sheet holds them (row 2 first). */
const rows = (wb: TestWorkbook) => wb.changeLog();

describe('Verify audit log', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await workbookWithLog();
  });
  afterAll(() => wb.close());

  test('an intact log: OK, with its chain position and head as the checkpoint recorded them', async () => {
    const run = expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
    const checkpoint = checkpointOf(wb);
    expect(run.value).toMatchObject({
      ok: true,
      rowsVerified: ROWS,
      chainPosition: ROWS,
      head: checkpoint.head,
    });
    expect(wb.rt.world.ui.alerts(wb.ssId, ADMIN).at(-1)?.prompt).toMatch(/^Audit log OK: 6 rows verified/);
    // Settings and Staff (or their snapshot), Staff again for the caller's rights (a deleted row fires
    // no trigger: security/removed-admin-menu.test.ts), the log.
    expect(run.stats.calls['Range.getValues']).toBeLessThanOrEqual(4);
  });

  test('only administrators may run it', async () => {
    const run = await wb.menu(TECH, 'verifyAuditLog');
    expect(run.ok).toBe(false);
    expect(run.error?.message).toMatch(/Only an active Administrator/);
  });
});

describe('each kind of tampering is named at its first row', () => {
  let wb: TestWorkbook;
  let pristine: unknown[][];
  let checkpoint: string;
  const props = () => wb.rt.world.properties.document(wb.ssId);
  beforeAll(async () => {
    wb = await workbookWithLog();
    pristine = rows(wb);
    checkpoint = props().get(CHECKPOINT_KEY)!;
  });
  afterAll(() => wb.close());
  const log = () => wb.sheet(LOG);
  /** Puts the log back as the add-on wrote it, between cases. */
  afterEach(() => {
    const sheet = log();
    if (sheet.lastRow() > 1) sheet.deleteRows(2, sheet.lastRow() - 1);
    sheet.writeValues(2, 1, pristine as string[][]);
    props().set(CHECKPOINT_KEY, checkpoint);
  });

  test('the log put back verifies (the baseline every case starts from)', async () => {
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('edited: a middle row’s Changes typed over', async () => {
    log().writeValues(4, LOG_COLUMN.changes + 1, [['Created: "" → Submitted (somewhere else)']]);
    expect(await verify(wb)).toMatchObject({ ok: false, kind: 'edited', firstBrokenRow: 4 });
  });

  test('edited: a middle row rewritten and every hash below it recomputed with SHA-256', async () => {
    const data = rows(wb);
    data[2]![LOG_COLUMN.user] = 'someone.else@example.org';
    let prev = String(data[1]![LOG_COLUMN.hash]);
    for (let i = 2; i < data.length; i++) {
      const canonical = canonicalOfRow(data[i]!);
      if (!('content' in canonical)) throw new Error('row not readable');
      prev = sha256Hex(prev, canonical.content);
      data[i]![LOG_COLUMN.hash] = prev;
    }
    log().writeValues(2, 1, data as string[][]);
    expect(await verify(wb)).toMatchObject({ ok: false, kind: 'edited', firstBrokenRow: 4 });
  });

  test('truncated: the last rows deleted', async () => {
    log().deleteRows(6, 2);
    const result = await verify(wb);
    expect(result).toMatchObject({ ok: false, kind: 'truncated', firstBrokenRow: 6 });
    expect(result.message).toMatch(/cut short.*2 rows short/s);
  });

  test('truncated: the last rows cleared with Delete, which the edit trigger records, is still caught', async () => {
    const edit = await wb.edit(TECH, LOG, 6, 1, [
      ['', '', '', '', '', ''],
      ['', '', '', '', '', ''],
    ]);
    expect(edit.executions.every((e) => e.ok)).toBe(true);
    // The trace row went after the last remaining row, still chained to the add-on's checkpoint.
    const result = await verify(wb);
    expect(result).toMatchObject({ ok: false, kind: 'deleted', firstBrokenRow: 6 });
  });

  test('deleted: a middle row removed', async () => {
    log().deleteRows(4, 1);
    expect(await verify(wb)).toMatchObject({ ok: false, kind: 'deleted', firstBrokenRow: 4 });
  });

  test('inserted: a made-up row between two of the add-on’s', async () => {
    log().insertRows(4, 1, 'none');
    const made = [...(pristine[2] as unknown[])];
    made[LOG_COLUMN.recordId] = 'REQ-999999';
    log().writeValues(4, 1, [made as string[]]);
    expect(await verify(wb)).toMatchObject({ ok: false, kind: 'inserted', firstBrokenRow: 4 });
  });

  test('inserted: a copy of an earlier row pasted in the middle', async () => {
    log().insertRows(5, 1, 'none');
    log().writeValues(5, 1, [pristine[0] as string[]]);
    expect(await verify(wb)).toMatchObject({ ok: false, kind: 'inserted', firstBrokenRow: 5 });
  });

  test('reordered: two rows swapped', async () => {
    log().writeValues(4, 1, [pristine[3] as string[], pristine[2] as string[]]);
    expect(await verify(wb)).toMatchObject({ ok: false, kind: 'reordered', firstBrokenRow: 4 });
  });

  test('fabricated: a row appended with a well-formed position and a SHA-256 "MAC"', async () => {
    const last = pristine.at(-1) as unknown[];
    const made = [...last];
    made[LOG_COLUMN.recordId] = 'REQ-000001';
    made[LOG_COLUMN.changes] = 'Status: Submitted → Closed';
    const canonical = canonicalOfRow(made);
    if (!('content' in canonical)) throw new Error('row not readable');
    made[LOG_COLUMN.hash] = `k${ROWS + 1}.${sha256Hex(String(last[LOG_COLUMN.hash]), canonical.content)}`;
    log().writeValues(ROWS + 2, 1, [made as string[]]);
    expect(await verify(wb)).toMatchObject({ ok: false, kind: 'fabricated', firstBrokenRow: ROWS + 2 });
  });

  test('a rewritten history pasted in, then its trace row deleted: still caught', async () => {
    const edit = await wb.edit(TECH, LOG, 3, LOG_COLUMN.changes + 1, [['Created: "" → nothing'], ['x']]);
    expect(edit.executions.every((e) => e.ok)).toBe(true);
    log().deleteRows(log().lastRow(), 1); // the trace row: deleting rows fires no edit trigger
    expect(await verify(wb)).toMatchObject({ ok: false, kind: 'edited', firstBrokenRow: 3 });
  });
});
