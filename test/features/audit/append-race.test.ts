/**
 * Two appenders can never write the same change-log row. A supervisor's sidebar actions (which run as
 * the supervisor and hold the document lock), technicians' edits (the edit trigger, as the owner,
 * holding the owner's and the document's lock) and the hourly job (no document: it hands its rows off
 * instead of appending) run interleaved at every service call. Every action keeps exactly one log
 * row and the keyed chain verifies. The negative control runs the same schedule on the bundle built
 * with the locks compiled out: rows are written over, and Verify sees it.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { buildNoLocksVariant } from '../../support/variant-build';
import { SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrder, rowOf, REGISTER } from '../../support/edits';
import { act, itemIn, submitRequests, target, viewFor } from '../review/helpers';
import { verifyLog } from '../../support/audit';
import { advance, HOUR } from '../../support/ops';
import { HAND_OFF_LOOK_EVERY_MS } from '../../../src/server/features/edits/edit-locks';

const APPROVALS = 6;
const EDITS = 4;

async function race(wb: TestWorkbook) {
  const working: string[] = [];
  for (let i = 0; i < EDITS; i++) working.push(await assignedOrder(wb, TECH));
  const waiting = await submitRequests(
    wb,
    Array.from({ length: APPROVALS }, (_, i) => ({ description: `Request ${i}` })),
  );
  // A response no form-submit trigger recorded: the hourly job ingests it during the race.
  wb.rt.world.forms.submit(wb.formId, { respondentEmail: 'late@example.org', answers: wb.answers({}) });
  const view = await viewFor(wb, SUPERVISOR);
  const before = wb.changeLog().length;
  advance(wb, 2 * HOUR);
  const column = wb.registerColumn('Progress Notes');
  await wb.rt.interleaved(() =>
    Promise.all([
      ...waiting.map((id) =>
        act(wb, SUPERVISOR, {
          action: 'approve',
          ...target(itemIn(view, id)),
          category: 'Electrical',
          priority: 'P3 Routine',
        }),
      ),
      ...working.map((id) => wb.edit(TECH, REGISTER, rowOf(wb, id), column, [[`Note on ${id}`]])),
      wb.rt.runTimeDrivenTriggers({ all: true }),
    ]),
  );
  return { waiting, working, before };
}

test('interleaved approvals, edits and the hourly job: one log row per action, and the chain verifies', async () => {
  const wb = await setUpWorkbook();
  try {
    const { waiting, working, before } = await race(wb);
    // The hourly job's row is appended by the owner's next execution in the document that looks for
    // it: an edit looks at most every HAND_OFF_LOOK_EVERY_MS, and one in the race may have looked just
    // before the job handed its row off.
    advance(wb, HAND_OFF_LOOK_EVERY_MS);
    expectOk(
      (await wb.edit(TECH, REGISTER, rowOf(wb, working[0]!), wb.registerColumn('Results'), [['Done']]))
        .executions[0]!,
    );
    const entries = wb.changeLogEntries();
    for (const id of waiting)
      expect(
        entries.filter((e) => e.recordId === id && e.field === 'Status' && e.newValue === 'Approved'),
      ).toHaveLength(1);
    for (const id of working)
      expect(entries.filter((e) => e.recordId === id && e.field === 'Progress Notes')).toHaveLength(1);
    expect(entries.filter((e) => e.field === 'Created' && e.user === 'late@example.org')).toHaveLength(1);
    // approvals + edits + the reconciled request + the last edit
    expect(wb.changeLog().length).toBe(before + APPROVALS + EDITS + 1 + 1);
    expect(verifyLog(wb)).toMatchObject({ ok: true });
  } finally {
    await wb.close();
  }
}, 60_000);

test('negative control: with the locks compiled out, appenders write over each other and Verify says so', async () => {
  const wb = await setUpWorkbook({ distDir: buildNoLocksVariant() });
  try {
    const { waiting, working, before } = await race(wb);
    const lost = before + APPROVALS + EDITS - wb.changeLog().length;
    // Rows written over by another appender's: changes that are in the register with no log row.
    expect(lost).toBeGreaterThan(0);
    const entries = wb.changeLogEntries();
    const unlogged = [
      ...waiting.filter(
        (id) =>
          wb.order(id).status === 'Approved' &&
          !entries.some((e) => e.recordId === id && e.field === 'Status' && e.newValue === 'Approved'),
      ),
      ...working.filter(
        (id) =>
          wb.order(id).notes.includes(`Note on ${id}`) &&
          !entries.some((e) => e.recordId === id && e.field === 'Progress Notes'),
      ),
    ];
    expect(unlogged.length).toBeGreaterThan(0);
    expect(wb.sheet(SHEET_NAMES.changeLog).lastRow()).toBeGreaterThan(1);
  } finally {
    await wb.close();
  }
}, 120_000);
