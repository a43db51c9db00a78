/** Checklists as an administrator types them, and My work's record calls. */
import type { ExecutionRecord } from '../../../runtime';
import type { MyWorkRecordResponse } from '../../../src/server/features/labour/entry';
import { ADMIN, expectOk, type TestWorkbook } from '../../support/workbook';
import { onlyExecution } from '../../support/edits';

/** The administrator pastes checklist rows under the Checklists header (one edit, judged by the trigger). */
export async function typeChecklists(
  wb: TestWorkbook,
  rows: string[][],
  user = ADMIN,
): Promise<ExecutionRecord> {
  const sheet = wb.sheet('Checklists');
  const outcome = await wb.edit(user, 'Checklists', sheet.lastRow() + 1, 1, rows);
  return onlyExecution(outcome.executions);
}

export async function record(
  wb: TestWorkbook,
  user: string,
  request: unknown,
): Promise<MyWorkRecordResponse> {
  return expectOk(await wb.call(user, 'myWorkRecord', request)).value as MyWorkRecordResponse;
}

export const ELECTRICAL_CHECKLIST = [
  ['Electrical', 'Isolate the circuit', 'Yes', '1'],
  ['Electrical', 'Test with a voltage tester', 'Yes', '2'],
  ['Electrical', 'Photograph the finished work', 'No', '3'],
];
