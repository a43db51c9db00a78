/**
 * The naive baseline's world and operations: its own bundle in the same local runtime, the same
 * generated history installed into the same sheets, the same operations started with the same data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LocalAppsScript, type ExecutionRecord, type Manifest } from '../../runtime';
import { REGISTER_HEADER_ROW } from '../../src/core/columns';
import { SHEET_NAMES } from '../../src/core/model';
import { installHistory } from '../fixtures/install';
import type { History } from '../fixtures/history';
import { cachedChain, USERS } from '../world';
import type { Measurement } from '../types';
import { buildNaiveBundle } from './bundle';

export interface NaiveWorld {
  rt: LocalAppsScript;
  ssId: string;
  size: number;
  setup: ExecutionRecord;
}

let source: string | undefined;

/** The naive baseline's bundle (built once per process). */
export function naiveBundleSource(): string {
  source ??= buildNaiveBundle();
  return source;
}

function manifest(): Partial<Manifest> {
  const dist = path.resolve(process.env.WO_DIST_DIR ?? 'dist');
  return JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8')) as Manifest;
}

export async function createNaiveWorld(history: History): Promise<NaiveWorld> {
  const rt = LocalAppsScript.fromSource(naiveBundleSource(), manifest());
  const ssId = rt.createSpreadsheet('Work orders (naive baseline)', USERS.admin);
  const staff = [
    [USERS.manager, 'Manager', 'Manager', true],
    ...USERS.supervisors.map((e) => [e, e, 'Supervisor', true]),
    ...USERS.technicians.map((e) => [e, e, 'Technician', true]),
  ];
  const setup = await rt.run('naiveSetup', { user: USERS.admin, spreadsheetId: ssId, args: [staff] });
  if (!setup.ok) throw new Error(`naive setup failed: ${setup.error?.message ?? ''}`);
  installHistory(rt.world, ssId, history, {
    owner: USERS.admin,
    responses: false,
    chained: cachedChain(history),
  });
  return { rt, ssId, size: history.orders.length, setup };
}

function registerOrders(world: NaiveWorld) {
  const sheet = world.rt.world.spreadsheets.require(world.ssId).requireSheet(SHEET_NAMES.register);
  return sheet.readValues(2, 1, Math.max(0, sheet.lastRow() - 1), sheet.lastColumn());
}

/** Every operation, in the same order and on the same kind of order as bench/operations.ts. */
export async function measureNaive(world: NaiveWorld): Promise<Measurement[]> {
  const { rt, ssId } = world;
  const run = (fn: string, user: string, args: unknown[] = [], spreadsheetId: string | null = ssId) =>
    rt.run(fn, { user, spreadsheetId, args, kind: spreadsheetId ? 'script-run' : 'installable-trigger' });
  const supervisor = USERS.supervisors[0] ?? USERS.admin;
  const tech = USERS.technicians[0] ?? '';
  const out: Measurement[] = [{ operation: 'setup (first run)', records: [world.setup] }];

  const when = new Date().toString();
  const ingest = await run('naiveOnFormSubmit', USERS.admin, [
    {
      values: [
        when,
        USERS.requestor,
        'Rita Requestor',
        'The hallway light flickers',
        'Main Building',
        'Routine',
        'Ladder',
      ],
    },
  ]);
  out.push({ operation: 'ingest one submission', records: [ingest] });
  out.push({ operation: 'open the sidebar', records: [await run('naiveOpenSidebar', supervisor)] });
  const newId = typeof ingest.value === 'string' ? ingest.value : '';
  out.push({
    operation: 'approve and assign',
    records: [
      await run('naiveApproveAssign', supervisor, [
        { id: newId, category: 'Electrical', priority: 'P3 Routine', assignee: tech },
      ]),
    ],
  });

  const rows = registerOrders(world);
  const statusIndex = REGISTER_HEADER_ROW.indexOf('Status');
  const assigneeIndex = REGISTER_HEADER_ROW.indexOf('Assignee');
  // The first Assigned order, edited by its own technician (the same choice as bench/operations.ts).
  const mine = rows.findIndex((r) => r[statusIndex] === 'Assigned' && r[assigneeIndex] !== '');
  const owner = mine >= 0 ? String(rows[mine]?.[assigneeIndex]) : tech;
  if (mine >= 0) {
    const edit = await rt.editCells({
      spreadsheetId: ssId,
      sheetName: SHEET_NAMES.register,
      row: mine + 2,
      column: statusIndex + 1,
      values: [['In Progress']],
      user: owner,
    });
    out.push({ operation: 'a technician edit', records: edit.executions });
  } else out.push({ operation: 'a technician edit', records: [], note: 'no Assigned order' });
  const first = Math.max(2, rows.length + 1 - 49);
  const values = Array.from({ length: 50 }, (_, i) => [
    `Checked on site (${i + 1})`,
    'Fixed',
    'Replaced the part',
  ]);
  const paste = await rt.editCells({
    spreadsheetId: ssId,
    sheetName: SHEET_NAMES.register,
    row: first,
    column: REGISTER_HEADER_ROW.indexOf('Progress Notes') + 1,
    values,
    user: tech,
  });
  out.push({ operation: 'a 50-row paste', records: paste.executions });

  out.push({ operation: 'the hourly job', records: [await run('naiveHourly', USERS.admin, [ssId], null)] });
  out.push({ operation: 'build reports', records: [await run('naiveBuildReports', USERS.manager)] });
  out.push({ operation: 'archive', records: [await run('naiveArchive', USERS.admin)] });
  return out;
}
