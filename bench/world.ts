/**
 * A benchmark world: the real dist/Code.js in the local runtime, one spreadsheet set up by its
 * administrator through the menu item, staff on the Staff tab, and a generated history of `size`
 * work orders written straight into the sheets (bench/fixtures). Other engineers' bench files receive
 * this object (see bench/types.ts).
 */
import { LocalAppsScript, type ExecutionRecord } from '../runtime';
import { SHEET_NAMES, type Role, type StaffMember } from '../src/core/model';
import { areaEditors } from '../src/core/permissions';
import fs from 'node:fs';
import path from 'node:path';
import { generateHistory, logRowCount, RESPONSES_SHEET, thinHistory, type History } from './fixtures/history';
import { chainEntries, installHistory, type Installed } from './fixtures/install';
import { logRowsThatFit } from './fixtures/fit';
import type { BenchUsers, BenchWorld } from './types';
import { sharedWorld } from './world-snapshot';

export const USERS: BenchUsers = {
  admin: 'ada.admin@bench.example',
  manager: 'mia.manager@bench.example',
  supervisors: ['sam.supervisor@bench.example', 'sue.supervisor@bench.example'],
  technicians: Array.from({ length: 12 }, (_, i) => `tech${String(i + 1).padStart(2, '0')}@bench.example`),
  requestor: 'rita.requestor@bench.example',
};

/** The script's time zone (appsscript.json), which new spreadsheets take. */
export function scriptTimeZone(): string {
  const dist = path.resolve(process.env.WO_DIST_DIR ?? 'dist');
  return (JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8')) as { timeZone: string })
    .timeZone;
}

const histories = new Map<number, History>();
/** Lets the history of `size` (and what is derived from it) be collected once no phase needs it. */
export function forgetBenchHistory(size: number): void {
  histories.delete(size);
}
/**
 * The benchmark's history of `size` work orders (~10 change-log rows each), generated once per process
 * and shared by every world of that size (main.ts and the feature benches), with `now` fixed at the
 * first request. Worlds never modify it (installHistory copies it into the sheets).
 */
export function benchHistory(size: number): History {
  let history = histories.get(size);
  if (!history) {
    history = generateHistory({
      orders: size,
      now: new Date(),
      timeZone: scriptTimeZone(),
      supervisors: USERS.supervisors,
      technicians: USERS.technicians,
    });
    histories.set(size, history);
  }
  return history;
}

/** Cells kept free for what the operations add (report tabs, archive sheet, appended rows). */
export const HEADROOM_CELLS = 1_000_000;
/** Empty rows below the change log in a fresh world (see installHistory's caller below). */
export const LOG_SPARE_ROWS = 800;

function staffRows(users: BenchUsers): unknown[][] {
  const name = (email: string) => email.split('@')[0] ?? email;
  return [
    [users.manager, name(users.manager), 'Manager', true],
    ...users.supervisors.map((e) => [e, name(e), 'Supervisor', true]),
    ...users.technicians.map((e) => [e, name(e), 'Technician', true]),
  ];
}

/** The same staff as members, for the lists the add-on derives from the Staff tab. */
function staffMembers(users: BenchUsers): StaffMember[] {
  return staffRows(users).map(([email, name, role]) => ({
    email: String(email),
    name: String(name),
    role: role as Role,
    active: true,
  }));
}

export interface CreatedWorld {
  world: BenchWorld;
  /** Setup on the empty spreadsheet (the "setup (first run)" row). */
  firstSetup: ExecutionRecord;
}

/**
 * Sets up a spreadsheet and installs `full` into it: the whole history when it fits under the
 * 10-million-cell limit (with HEADROOM_CELLS to spare), else without the form's response rows and with
 * the change log thinned to what fits. `notes` says which. For a history shared with
 * shareWorldsOf (bench/world-snapshot.ts), the world is built once and every later call gets a copy.
 */
export async function createOurWorld(full: History): Promise<CreatedWorld> {
  return sharedWorld(full, buildOurWorld);
}

async function buildOurWorld(full: History): Promise<CreatedWorld> {
  const rt = LocalAppsScript.load();
  const ssId = rt.createSpreadsheet('Work orders (benchmark)', USERS.admin);
  const firstSetup = await rt.runMenuItem(ssId, USERS.admin, 'setUpWorkOrders');
  if (!firstSetup.ok) throw new Error(`setup failed: ${firstSetup.error?.message ?? ''}`);
  const form = rt.world.forms.linkedTo(ssId);
  if (!form) throw new Error('setup created no form linked to the spreadsheet');
  const model = rt.world.spreadsheets.require(ssId);
  const staff = model.requireSheet(SHEET_NAMES.staff);
  staff.writeValues(staff.lastRow() + 1, 1, staffRows(USERS) as never);

  const size = full.orders.length;
  const sheets = { register: SHEET_NAMES.register, changeLog: SHEET_NAMES.changeLog };
  const notes: string[] = [];
  let responses = true;
  let plan = logRowsThatFit(model, { ...sheets, responses: RESPONSES_SHEET }, size, HEADROOM_CELLS);
  if (plan.maxLogRows < logRowCount(full.changes)) {
    const without = logRowsThatFit(model, { ...sheets, responses: null }, size, HEADROOM_CELLS);
    responses = false;
    plan = without;
    notes.push(
      `the form's response rows are left out (${size.toLocaleString('en-US')} rows × ${
        model.requireSheet(RESPONSES_SHEET).maxColumns
      } columns would not fit beside the register and its history under the 10-million-cell limit)`,
    );
  }
  const history = thinnedHistory(full, plan.maxLogRows);
  if (history !== full) {
    notes.push(
      `change log thinned to ${(logRowCount(history.changes) / size).toFixed(1)} rows per work order (from ${(
        logRowCount(full.changes) / size
      ).toFixed(1)}) to fit under the 10-million-cell limit`,
    );
  }
  const installed: Installed = installHistory(rt.world, ssId, history, {
    owner: USERS.admin,
    responses,
    chained: cachedChain(history),
    // The appender keeps 300 to 1,300 empty rows below the log (change-log-tail.ts), growing it a
    // thousand rows at a time: a world starts in the middle of that range, as a live log would be.
    logSpareRows: Number(process.env.WO_BENCH_LOG_SPARE_ROWS ?? LOG_SPARE_ROWS),
    registerEditors: areaEditors('registerSystemColumns', staffMembers(USERS), USERS.admin),
  });
  return {
    world: { rt, ssId, formId: form.id, size, users: USERS, history, installed, notes },
    firstSetup,
  };
}

const thinned = new WeakMap<History, Map<number, History>>();
/** `thinHistory`, once per history and cap: worlds of the same size share it (and its hashed log). */
function thinnedHistory(full: History, maxRows: number): History {
  let byCap = thinned.get(full);
  if (!byCap) {
    byCap = new Map();
    thinned.set(full, byCap);
  }
  let history = byCap.get(maxRows);
  if (!history) {
    history = thinHistory(full, maxRows);
    byCap.set(maxRows, history);
  }
  return history;
}

const chains = new WeakMap<History, ReturnType<typeof chainEntries>>();
/** The hashed change log of a history, computed once however many worlds install it. */
export function cachedChain(history: History): ReturnType<typeof chainEntries> {
  let chained = chains.get(history);
  if (!chained) {
    chained = chainEntries(history.changes);
    chains.set(history, chained);
  }
  return chained;
}
