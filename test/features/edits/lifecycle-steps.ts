/**
 * What the lifecycle tests share: an order brought to In Progress or Completed by its assignee, the
 * change-log rows written since a mark, and the check that a typed value is refused (put back, noted,
 * toasted, logged once, nothing else changed). Each test file brings its own workbook.
 */
import { TECH, type TestWorkbook } from '../../support/workbook';
import { assignedOrder, calls, cell, logFor, noteAt, toastsOf, type, typeAll } from '../../support/edits';

export function lifecycleSteps(workbook: () => TestWorkbook) {
  /** Log rows of `id` written after `mark` rows. */
  function newLog(id: string, mark: number) {
    const wb = workbook();
    return logFor(wb, id).slice(mark);
  }

  /** Types a value that must be refused: the cell keeps `kept`, carries a note, the user sees a toast,
   * the change log gets exactly one "(refused)" row and nothing else changes. */
  async function expectRefused(user: string, id: string, header: string, typed: string, reason: RegExp) {
    const wb = workbook();
    const before = wb.order(id);
    const kept = cell(wb, id, header);
    const mark = logFor(wb, id).length;
    const toasts = toastsOf(wb, user).length;
    const record = await type(wb, user, id, header, typed);
    expect(cell(wb, id, header)).toEqual(kept);
    expect(noteAt(wb, id, header)).toMatch(reason);
    expect(toastsOf(wb, user).slice(toasts).join(' ')).toMatch(reason);
    const rows = newLog(id, mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user, source: 'sheet edit', field: `${header} (refused)` });
    expect(String(rows[0]?.new)).toContain(typed);
    expect(String(rows[0]?.new)).toMatch(reason);
    expect(wb.order(id)).toEqual(before);
    expect(calls(record)).toBeLessThanOrEqual(6);
    return record;
  }

  async function inProgress(assignee = TECH): Promise<string> {
    const wb = workbook();
    const id = await assignedOrder(wb, assignee);
    await type(wb, assignee, id, 'Status', 'In Progress');
    return id;
  }

  async function completed(): Promise<string> {
    const wb = workbook();
    const id = await inProgress();
    await typeAll(wb, TECH, id, {
      Results: 'Ballast replaced',
      'Actions Taken': 'Swapped the ballast',
      Status: 'Completed',
    });
    return id;
  }

  return { newLog, expectRefused, inProgress, completed };
}
