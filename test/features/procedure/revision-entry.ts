/**
 * Test-only global function (bundled next to dist/Code.js by test/support/ops.ts loadWithTestEntry):
 * calls recordProcedureRevision the way the edit trigger will, inside a real execution of the runtime.
 */
import { recordProcedureRevision } from '../../../src/server/features/procedure/revision';

export function recordRevisionForTest(
  editor: string,
  sheetName: string,
  description: string,
  first?: number,
  last?: number,
): unknown {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const options = first === undefined ? {} : { editedRows: [first, last ?? first] as const };
  return recordProcedureRevision(ss, editor, sheetName, description, options);
}
