/**
 * The core must run where Apps Script runs it: bundled by esbuild (as scripts/build.mjs does) into a
 * V8 context that has the ECMAScript built-ins and Intl but no Node or browser APIs (no TextEncoder,
 * Buffer or process). This loads the bundle into such a bare context and exercises it.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { runInNewContext } from 'node:vm';

const core = path.resolve(__dirname, '../../../src/core');

const entry = `
import { sha256Hex, changeLogRows, verifyChain, GENESIS_HASH } from './audit';
import { dueDate } from './sla';
import { defaultSettings, parseSettings, settingsSheetRows } from './settings';
import { parseStaff, staffSheetRows } from './staff';
import { asCellText } from './sanitize';
import { checkTransition } from './lifecycle';
import { parseSubmission, newWorkOrder } from './intake';
import { registerLayout, REGISTER_HEADER_ROW, workOrderToRow, rowToWorkOrder } from './columns';
import { composeEmail } from './notifications';
import { procedureSheetRows } from './procedure';
import { nextInSequence } from './ids';
globalThis.run = () => {
  const settings = parseSettings(settingsSheetRows(defaultSettings()).map((r) => r.map((v) => (typeof v === 'string' && v[0] === "'" ? v.slice(1) : v))));
  const staff = parseStaff(staffSheetRows([{ email: 'sam@example.com', name: 'Sam', role: 'Supervisor', active: true }]));
  const sub = parseSubmission({ 'Email Address': ['r@example.com'], 'Description of the work needed': ['=1'] }, []);
  const order = newWorkOrder(sub, { id: 'REQ-000001', requestedAt: new Date(Date.UTC(2026, 2, 6, 9)), responseRef: 'R!A2' });
  const layout = registerLayout(REGISTER_HEADER_ROW);
  const back = rowToWorkOrder(workOrderToRow(order, layout).map((v) => (typeof v === 'string' && v[0] === "'" ? v.slice(1) : v)), layout);
  const log = changeLogRows(GENESIS_HASH, [{ at: new Date(0), user: 'u', source: 'form', recordId: 'REQ-000001', field: 'Status', oldValue: '', newValue: 'Submitted' }]);
  return JSON.stringify({
    sha: sha256Hex('abc'),
    due: dueDate('P3 Routine', new Date(Date.UTC(2026, 2, 6, 9)), settings.settings, 'Europe/Paris').toISOString(),
    problems: settings.problems.length,
    staff: staff.staff.length,
    cell: asCellText('=1').cell,
    check: checkTransition({ order, to: 'Approved', actor: { email: 'sam@example.com', role: 'Supervisor' } }),
    description: back.description,
    verified: verifyChain(log.rows.map((r) => r.map((v) => (typeof v === 'string' && v[0] === "'" ? v.slice(1) : v)))).ok,
    subject: composeEmail('acknowledgment', order, { timeZone: 'UTC' }).subject,
    procedureRows: procedureSheetRows({ organizationName: 'X', retentionDays: 1, revisions: [] }).length > 10,
    wo: nextInSequence(null, 2026).woNumber,
  });
};
`;

describe('the core bundle', () => {
  it('runs in a bare V8 context without Node or browser APIs', async () => {
    const result = await build({
      stdin: { contents: entry, resolveDir: core, loader: 'ts' },
      bundle: true,
      format: 'iife',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      target: 'es2020',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const sandbox: { run?: () => string } = {};
    runInNewContext(code, sandbox);
    expect(runInNewContext('typeof TextEncoder + typeof Buffer + typeof process', {})).toBe(
      'undefinedundefinedundefined',
    );
    expect(JSON.parse(sandbox.run?.() ?? '{}')).toEqual({
      sha: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      due: '2026-03-13T09:00:00.000Z',
      problems: 0,
      staff: 1,
      cell: "'=1",
      check: { ok: false, reason: 'Approved needs Category and Priority' },
      description: '=1',
      verified: true,
      subject: '[REQ-000001] Request received: =1',
      procedureRows: true,
      wo: 'WO-2026-00001',
    });
  });
});
