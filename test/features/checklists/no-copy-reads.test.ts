/**
 * An order approved when its category had no checklist got no copy on the Checklist Items tab. The
 * approval records that in document properties (where no editor can claim it), so looking up its
 * checklist reads nothing of the tab, however many older orders' items it holds. Once its category
 * gets a checklist and the order's first tick copies it, the copy is found as any other.
 */
import type { ExecutionRecord } from '../../../runtime';
import type { MyWorkRecordResponse } from '../../../src/server/features/labour/entry';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { sidebarAct, submitOne } from '../../support/edits';
import { SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { ELECTRICAL_CHECKLIST, typeChecklists } from './helpers';
import { viewFor } from '../review/helpers';

const ITEMS = 'Checklist Items';
/** Items of older orders on the tab: the two columns a search to row 2 reads are twice this. */
const HISTORY = 4_000;

async function approveAssign(wb: TestWorkbook, category: string): Promise<string> {
  const id = await submitOne(wb);
  await sidebarAct(wb, {
    action: 'approveAssign',
    id,
    revision: wb.order(id).revision,
    category,
    priority: 'P3 Routine',
    assignee: TECH,
  });
  return id;
}

type Recorded = Extract<MyWorkRecordResponse, { ok: true }>;

async function recordCall(wb: TestWorkbook, request: unknown): Promise<[Recorded, ExecutionRecord]> {
  const run = expectOk(await wb.call(TECH, 'myWorkRecord', request));
  const reply = run.value as MyWorkRecordResponse;
  if (!reply.ok) throw new Error(reply.message);
  return [reply, run];
}

/** `HISTORY` item rows of older orders, above the rows copied since. */
function writeHistory(wb: TestWorkbook): void {
  const [header = []] = wb.values(ITEMS);
  const rows = Array.from({ length: HISTORY }, (_, i) =>
    header.map((h) =>
      h === 'Record ID'
        ? `REQ-9${String(i).padStart(5, '0')}`
        : h === 'No.'
          ? '1 of 1'
          : h === 'Done'
            ? false
            : 'old',
    ),
  );
  wb.sheet(ITEMS).insertRows(2, HISTORY, 'none');
  wb.sheet(ITEMS).writeValues(2, 1, rows);
}

test('the checklist of an order approved without a copy is looked up without reading the tab', async () => {
  const wb = await setUpWorkbook();
  try {
    await typeChecklists(wb, ELECTRICAL_CHECKLIST);
    // The supervisor's sidebar is open: the review queue is kept in document properties.
    await viewFor(wb, SUPERVISOR);
    // A copy was made once: from then on, lookups read the tab.
    await approveAssign(wb, 'Electrical');
    const plumbing = await approveAssign(wb, 'Plumbing');
    expect(wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.checklistsNone)).toContain(plumbing);
    writeHistory(wb);
    const row = wb.register().find((r) => r.order.id === plumbing)!.row;

    const [view, run] = await recordCall(wb, { kind: 'view', id: plumbing, rowHint: row });
    expect(view.records.checklist).toEqual([]);
    expect(run.stats.cellsRead).toBeLessThan(HISTORY);

    // Plumbing gets a checklist; the order's first tick copies it, and the copy is found from then on.
    await typeChecklists(wb, [['Plumbing', 'Shut off the water', 'Yes', '1']]);
    const [ticked] = await recordCall(wb, {
      kind: 'tick',
      id: plumbing,
      number: 1,
      item: 'Shut off the water',
      done: true,
    });
    expect(ticked.records.checklist.map((i) => [i.item, i.done])).toEqual([['Shut off the water', true]]);
    expect(wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.checklistsNone)).not.toContain(
      plumbing,
    );
    const [again] = await recordCall(wb, { kind: 'view', id: plumbing, rowHint: row });
    expect(again.records.checklist.map((i) => [i.item, i.done])).toEqual([['Shut off the water', true]]);
  } finally {
    wb.close();
  }
}, 120_000);
