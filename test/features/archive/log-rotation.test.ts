/**
 * Verify audit log reads the change log's archived parts in turns once they hold more rows than a run
 * reads (archived-rotation.ts): each run the parts verified longest ago, and always the anchor's;
 * a skipped part is named with when it was last verified, and damage in it is found by the run whose
 * turn it is.
 */
import { parseKeyedCell } from '../../../src/core/keyed-chain';
import { formatAnchor } from '../../../src/core/log-anchor';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { partsToRead } from '../../../src/server/features/audit/archived-rotation';
import { checkpointOf, patchOrderAsAddOn } from '../../support/audit';
import { now, setSetting, submitMany } from '../../support/ops';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { archiveFile } from './support';
import { verify } from './log-support';

const part = (year: number, seq: number, rows: number) => ({ year, seq, mac: 'a'.repeat(64), rows });

test('which parts a run reads: all while they fit, else the least recently verified, and the anchor’s', () => {
  const parts = [part(2024, 100, 100), part(2025, 250, 150), part(2026, 300, 50)];
  expect([...partsToRead(parts, {}, 300, null)].sort()).toEqual([2024, 2025, 2026]);
  // Never verified first, oldest year first among them; as many as fit, at least one.
  expect([...partsToRead(parts, { 2024: 5 }, 200, null)]).toEqual([2025, 2026]);
  expect([...partsToRead(parts, { 2024: 5, 2025: 9, 2026: 7 }, 120, null)]).toEqual([2024]);
  expect([...partsToRead(parts, {}, 10, null)]).toEqual([2024]);
  // The anchor's part is read whatever its turn.
  expect([...partsToRead(parts, {}, 160, { seq: 260, mac: 'b'.repeat(64) })].sort()).toEqual([2024, 2026]);
  expect([...partsToRead(parts, {}, 120, { seq: 260, mac: 'b'.repeat(64) })]).toEqual([2026]);
});

describe('archived parts of two years, a run reading one', () => {
  let wb: TestWorkbook;

  beforeAll(async () => {
    wb = await setUpWorkbook();
    setSetting(wb, 'retentionDays', 30);
    const today = now(wb);
    const year = today.getUTCFullYear();
    // Orders made and closed in March of last year and of this year; one made in September, still open.
    for (const y of [year - 1, year]) {
      wb.rt.world.clock.set(new Date(Date.UTC(y, 2, 2, 15)));
      const ids = await submitMany(wb, 2);
      wb.rt.world.clock.set(new Date(Date.UTC(y, 2, 9, 15)));
      for (const id of ids) patchOrderAsAddOn(wb, id, { status: 'Closed', closedAt: now(wb) });
    }
    wb.rt.world.clock.set(new Date(Date.UTC(year, 8, 1, 15)));
    await submitMany(wb, 1);
    wb.rt.world.clock.set(today);
    expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
    expect(checkpointOf(wb).archived?.parts.map((p) => p.year)).toEqual([year - 1, year]);
    wb.rt.world.properties.document(wb.ssId).set(PROPERTY_KEYS.verifyArchivedRowsPerRun, '1');
  }, 60_000);
  afterAll(() => wb.close());

  test('runs take turns over the parts, and a skipped part is named', async () => {
    const year = now(wb).getUTCFullYear();
    const first = await verify(wb);
    expect(first).toMatchObject({ ok: true });
    expect(first.message).toMatch(
      new RegExp(`archived parts of ${year} were not read this time \\(${year}: never yet\\)`),
    );
    const second = await verify(wb);
    expect(second.message).toMatch(
      new RegExp(`archived parts of ${year - 1} were not read this time \\(${year - 1}: last verified`),
    );
  });

  test('damage in a part is found by the run whose turn it is', async () => {
    const year = now(wb).getUTCFullYear();
    // Last year's part was read by the first run, this year's by the second: last year's turn is next.
    const sheet = archiveFile(wb, year - 1)!.sheetModel('Change Log')!;
    sheet.writeValues(2, 2, [['mallory@example.com']]);
    expect(await verify(wb)).toMatchObject({
      ok: false,
      kind: 'edited',
      sheet: `"Work Orders Archive ${year - 1}" › Change Log`,
    });
  });

  test('an anchor in a part whose turn it is not is checked there all the same', async () => {
    const year = now(wb).getUTCFullYear();
    const sheet = archiveFile(wb, year)!.sheetModel('Change Log')!;
    const cell = parseKeyedCell(sheet.valueAt(2, 6)) as { seq: number; mac: string };
    const result = await verify(wb, formatAnchor({ seq: cell.seq, mac: 'e'.repeat(64) }));
    expect(result).toMatchObject({
      ok: false,
      kind: 'fabricated',
      sheet: `"Work Orders Archive ${year}" › Change Log`,
    });
  });
});

test('Verify reads the archive files its verified rows name, not every archive file listed', async () => {
  const wb = await setUpWorkbook();
  try {
    setSetting(wb, 'retentionDays', 30);
    const today = now(wb);
    wb.rt.world.clock.set(new Date(today.getTime() - 100 * 86_400_000));
    const ids = await submitMany(wb, 2);
    for (const id of ids) patchOrderAsAddOn(wb, id, { status: 'Closed', closedAt: now(wb) });
    wb.rt.world.clock.set(today);
    expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
    expect(await verify(wb)).toMatchObject({ ok: true });
    // A file listed that no "Archived" line names (and that no one can open): not read.
    const doc = wb.rt.world.properties.document(wb.ssId);
    const files = JSON.parse(doc.get(PROPERTY_KEYS.archiveFiles) ?? '[]') as unknown[];
    const ghost = {
      year: 2019,
      id: 'no-such-file',
      name: 'Work Orders Archive 2019',
      url: 'https://example.invalid/2019',
    };
    doc.set(PROPERTY_KEYS.archiveFiles, JSON.stringify([ghost, ...files]));
    expect(await verify(wb)).toMatchObject({ ok: true });
    // An archived row edited in the file its line names is still found.
    const year = Number(String(archiveFileNames(wb)[0]).slice(-4));
    const sheet = archiveFile(wb, year)!.sheetModel('Archive')!;
    sheet.writeValues(2, 3, [['edited by hand']]);
    expect(await verify(wb)).toMatchObject({ ok: false, sheet: `Work Orders Archive ${year}` });
  } finally {
    wb.close();
  }
});

function archiveFileNames(wb: TestWorkbook): string[] {
  return wb.rt.world.spreadsheets
    .all()
    .map((s) => s.name)
    .filter((n) => n.startsWith('Work Orders Archive'));
}
