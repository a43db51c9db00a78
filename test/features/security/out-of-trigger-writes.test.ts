/**
 * A technician with edit access writes the register where no edit trigger sees it: Apps Script in
 * their own project (SpreadsheetApp.openById(id)…setValue('Completed')), the Sheets API, another
 * add-on. Such a write is never judged nor logged. Here it is made straight into the host's sheet
 * (no trigger fires), and Verify audit log must name the order, the column, what the change log says
 * and what the cell holds; the same for a Last Known State rewritten or made unreadable. A workbook
 * used only through the add-on (form, sidebars, typing, a refused edit, a hold, setup again, the
 * hourly job) verifies clean.
 */
import { REGISTER_COLUMNS, type WorkOrder } from '../../../src/core/model';
import { ROW_STATE_HEADER, serializeRowState } from '../../../src/server/adapters/row-state';
import { PUT_BACK_ROWS_PER_RUN } from '../../../src/server/features/integrity/register-putback';
import {
  REGISTER,
  assignedOrder,
  approvedOrder,
  rowOf,
  sidebarAct,
  submitOne,
  type,
} from '../../support/edits';
import { HOUR, advance, runHourly } from '../../support/ops';
import { stateCell, withWorkbookKey } from '../../support/row-state';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

interface Finding {
  row: number;
  id: string;
  field: string;
  trusted: string;
  found: string;
  logRow: number;
  put: unknown;
}
interface Verified {
  ok: boolean;
  message: string;
  register?: Finding[];
  putBack?: { orders: string[]; skipped: string[] };
}

/** Runs Verify audit log as an administrator who answers `putBack` when asked to put values back. */
async function verify(wb: TestWorkbook, putBack: 'YES' | 'NO' = 'NO'): Promise<Verified> {
  const ui = wb.rt.world.ui;
  asked = 0;
  ui.responder = (question) => {
    if (question.buttons !== 'YES_NO') return { button: 'OK', text: '' };
    asked++;
    return { button: putBack };
  };
  try {
    return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as Verified;
  } finally {
    ui.responder = (question) => ({ button: question.buttons === 'YES_NO' ? 'YES' : 'OK', text: '' });
  }
}
/** How many times the last Verify asked whether to put values back. */
let asked = 0;

/** Writes a register cell as a script or the Sheets API would: no edit trigger runs. */
function writeOutside(
  wb: TestWorkbook,
  id: string,
  header: string,
  value: unknown,
  row = rowOf(wb, id),
): void {
  wb.sheet(REGISTER).writeValues(row, wb.registerColumn(header), [[value as string]]);
}

/** The Last Known State the add-on would write for `order`, made by someone copying its format. */
function forgedState(wb: TestWorkbook, order: WorkOrder): string {
  return withWorkbookKey(wb, () => serializeRowState(order));
}

async function step(wb: TestWorkbook, id: string, request: Record<string, unknown>): Promise<void> {
  const record = expectOk(
    await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, ...request }),
  );
  const reply = record.value as { ok: boolean; message?: string };
  if (!reply.ok) throw new Error(`myWorkAct ${String(request.action)} refused: ${reply.message ?? ''}`);
}

describe('a workbook used only through the add-on verifies clean', () => {
  let wb: TestWorkbook;
  let started: string;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    started = await assignedOrder(wb, TECH);
    await step(wb, started, { action: 'start' });
    await step(wb, started, { action: 'hold', reason: 'Waiting for a part' });
    advance(wb, 2 * HOUR);
    await step(wb, started, { action: 'resume' });
    await step(wb, started, { action: 'note', note: '=Part fitted' });
    const done = await assignedOrder(wb, TECH);
    await step(wb, done, { action: 'start' });
    await step(wb, done, { action: 'complete', results: 'Washer replaced', actionsTaken: 'Replaced it' });
    await sidebarAct(wb, { action: 'close', id: done, revision: wb.order(done).revision });
    const approved = await approvedOrder(wb);
    // Typed in the sheet: an accepted edit, and one the trigger refuses and puts back.
    await type(wb, TECH, started, 'Results', 'Valve checked');
    await type(wb, TECH, approved, 'Priority', 'P1 Emergency');
    expect(wb.order(approved).priority).toBe('P2 Urgent');
    const rejected = await submitOne(wb);
    await sidebarAct(wb, {
      action: 'reject',
      id: rejected,
      revision: wb.order(rejected).revision,
      reason: 'Duplicate',
    });
    await submitOne(wb, { description: 'Left as the form made it' });
    expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    (await runHourly(wb)).forEach(expectOk);
  }, 60_000);
  afterAll(() => wb.close());

  test('Verify audit log reports no difference, then finds the one written outside', async () => {
    const clean = await verify(wb);
    expect(clean.message).toMatch(/^Audit log OK/);
    expect(clean).toMatchObject({ ok: true });

    writeOutside(wb, started, 'Status', 'Completed');
    const found = await verify(wb);
    expect(found.ok).toBe(false);
    expect(found.register).toEqual([
      {
        row: rowOf(wb, started),
        id: started,
        field: 'Status',
        trusted: '"In Progress"',
        found: '"Completed"',
        logRow: expect.any(Number) as number,
        put: expect.anything() as unknown,
      },
    ]);
  });
});

describe('values written where no trigger sees them', () => {
  let wb: TestWorkbook;
  let id: string;
  let pristine: { row: number; status: unknown; due: unknown; state: string };
  beforeAll(async () => {
    wb = await setUpWorkbook();
    await submitOne(wb);
    id = await assignedOrder(wb, TECH);
    await step(wb, id, { action: 'start' });
    pristine = {
      row: rowOf(wb, id),
      status: wb.sheet(REGISTER).valueAt(rowOf(wb, id), wb.registerColumn('Status')),
      due: wb.sheet(REGISTER).valueAt(rowOf(wb, id), wb.registerColumn('Due')),
      state: stateCell(wb, id),
    };
  }, 30_000);
  afterAll(() => wb.close());
  afterEach(() => {
    writeOutside(wb, id, 'Status', pristine.status, pristine.row);
    writeOutside(wb, id, 'Due', pristine.due, pristine.row);
    writeOutside(wb, id, ROW_STATE_HEADER, pristine.state, pristine.row);
  });

  test('the baseline verifies', async () => {
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test("a technician's Status set to Completed by a script: named with the log's value and its row", async () => {
    writeOutside(wb, id, 'Status', 'Completed');
    const result = await verify(wb);
    expect(result).toMatchObject({
      ok: false,
      kind: 'edited',
      sheet: REGISTER,
      firstBrokenRow: rowOf(wb, id),
    });
    const log = wb.changeLog();
    const statusLog = log
      .map((r) => r[3] === id && String(r[4]).includes('Status: Assigned → In Progress'))
      .lastIndexOf(true);
    expect(result.register).toEqual([
      {
        row: rowOf(wb, id),
        id,
        field: 'Status',
        trusted: '"In Progress"',
        found: '"Completed"',
        logRow: statusLog + 2,
        put: { field: 'status', logged: 'In Progress', inState: false },
      },
    ]);
    expect(result.message).toContain(
      `Row ${rowOf(wb, id)}, ${id}, Status: "Completed", where the change log says "In Progress" (Change Log row ${statusLog + 2})`,
    );
    expect(result.message).toMatch(/Nothing has been changed/);
    // Asked once, answered No: the forged value is still there.
    expect(asked).toBe(1);
    expect(wb.order(id).status).toBe('Completed');
    expect(wb.rt.world.ui.alerts(wb.ssId, ADMIN).at(-1)?.title).toBe('Audit log broken');
  });

  test('a due date pushed out, and a status no order can hold, are found too', async () => {
    const due = wb.order(id).due as Date;
    writeOutside(wb, id, 'Due', new Date(due.getTime() + 7 * 24 * HOUR));
    writeOutside(wb, id, 'Status', 'Done');
    const result = await verify(wb);
    expect(result.register?.map((f) => [f.id, f.field, f.found])).toEqual([
      [id, 'Status', '"Done"'],
      [id, 'Due', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)],
    ]);
    expect(result.register?.[1]?.trusted).not.toBe(result.register?.[1]?.found);
  });

  test('a Last Known State rewritten to say Completed is found, alone or with the cell', async () => {
    const forged = forgedState(wb, { ...wb.order(id), status: 'Completed' });
    writeOutside(wb, id, ROW_STATE_HEADER, forged);
    let result = await verify(wb);
    expect(result.register?.map((f) => [f.field, f.trusted, f.found])).toEqual([
      [`${ROW_STATE_HEADER} (${REGISTER_COLUMNS.status})`, '"In Progress"', '"Completed"'],
    ]);
    writeOutside(wb, id, 'Status', 'Completed');
    result = await verify(wb);
    expect(result.register?.map((f) => f.field)).toEqual(['Status', `${ROW_STATE_HEADER} (Status)`]);
  });

  test('a Last Known State that is not a record the add-on writes is found', async () => {
    writeOutside(wb, id, ROW_STATE_HEADER, 'W|zz|garbage');
    const result = await verify(wb);
    expect(result.register).toEqual([
      expect.objectContaining({
        id,
        field: ROW_STATE_HEADER,
        found: expect.stringContaining('W|zz|garbage') as string,
      }),
    ]);
  });

  test('the value put back by typing it in the cell verifies again', async () => {
    writeOutside(wb, id, 'Status', 'Completed');
    expect((await verify(wb)).ok).toBe(false);
    await type(wb, SUPERVISOR, id, 'Status', 'In Progress');
    expect(wb.order(id).status).toBe('In Progress');
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('with its Last Known State forged too, typing the value back is refused; Verify puts both back when asked', async () => {
    writeOutside(wb, id, ROW_STATE_HEADER, forgedState(wb, { ...wb.order(id), status: 'Completed' }));
    writeOutside(wb, id, 'Status', 'Completed');
    // The edit trigger judges the typing against the forged record: Completed → In Progress is refused.
    await type(wb, SUPERVISOR, id, 'Status', 'In Progress');
    expect(wb.order(id).status).toBe('Completed');
    const logRows = wb.changeLog().length;
    const result = await verify(wb, 'YES');
    expect(result.putBack).toEqual({ orders: [id], skipped: [], remaining: 0 });
    expect(wb.order(id).status).toBe('In Progress');
    expect(wb.changeLog().length).toBe(logRows + 1);
    expect(
      wb
        .changeLogEntries()
        .slice(-2)
        .map((e) => [e.recordId, e.user, e.field, e.oldValue, e.newValue]),
    ).toEqual([
      [id, ADMIN, 'Status (put back)', '"Completed"', '"In Progress"'],
      [id, ADMIN, `${ROW_STATE_HEADER} (Status) (put back)`, '"Completed"', '"In Progress"'],
    ]);
    expect(await verify(wb)).toMatchObject({ ok: true });
    expect(asked).toBe(0);
    // The record is the add-on's again: the technician's own typing is judged against In Progress.
    await type(wb, TECH, id, 'Status', 'Completed');
    expect(wb.order(id).status).toBe('In Progress');
  });

  test('a value changed again after Verify read it is left alone', async () => {
    writeOutside(wb, id, 'Status', 'Completed');
    const ui = wb.rt.world.ui;
    ui.responder = (question) => {
      if (question.buttons !== 'YES_NO') return { button: 'OK', text: '' };
      // While the question is on screen, the cell changes again.
      wb.sheet(REGISTER).writeValues(pristine.row, wb.registerColumn('Status'), [['Closed']]);
      return { button: 'YES' };
    };
    const result = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as Verified;
    expect(result.putBack?.orders).toEqual([]);
    expect(result.putBack?.skipped).toEqual([expect.stringContaining(`${id}: changed since Verify read it`)]);
    expect(wb.order(id).status).toBe('Closed');
  });
});

describe('many rows written outside', () => {
  test('put back twenty rows a run, each run under one short hold of the lock; the next run takes the rest', async () => {
    const wb = await setUpWorkbook();
    try {
      const ids: string[] = [];
      for (let i = 0; i < PUT_BACK_ROWS_PER_RUN + 2; i++)
        ids.push(await submitOne(wb, { description: `Request ${i}` }));
      for (const id of ids) writeOutside(wb, id, 'Status', 'Completed');
      const first = await verify(wb, 'YES');
      expect(first.putBack).toMatchObject({ orders: ids.slice(0, PUT_BACK_ROWS_PER_RUN), remaining: 2 });
      expect(wb.rt.world.ui.alerts(wb.ssId, ADMIN).at(-1)?.prompt).toMatch(
        /2 more row\(s\) were not looked at.*run Verify audit log again/,
      );
      expect(ids.filter((id) => wb.order(id).status === 'Completed')).toEqual(ids.slice(-2));
      const second = await verify(wb, 'YES');
      expect(second.putBack).toMatchObject({ orders: ids.slice(-2), remaining: 0 });
      expect(ids.every((id) => wb.order(id).status === 'Submitted')).toBe(true);
      expect(await verify(wb)).toMatchObject({ ok: true });
    } finally {
      await wb.close();
    }
  }, 60_000);
});
