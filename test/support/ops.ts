/**
 * Helpers for the operations tests (hourly job, mail, audit, archive, errors, procedure): shaping the
 * workbook the way the review sidebar and time would have (status, due dates, settings), and reading
 * back what the add-on wrote. Writes here go straight to the host model, as a person's or another
 * feature's earlier work; every assertion is about what the add-on's entry points then did.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { LocalAppsScript } from '../../runtime';
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../runtime/persistence';
import { CHECKPOINT_KEY } from '../../src/server/adapters/change-log-tail';
import type { ExecutionRecord, Manifest } from '../../runtime';
import { REGISTER_COLUMNS, SHEET_NAMES, type WorkOrderField } from '../../src/core/model';
import { fromLocalParts, localParts } from '../../src/core/time';
import { SETTINGS_COLUMNS } from '../../src/core/settings';
import { ADMIN, STAFF_ROWS, SUPERVISOR, TestWorkbook, expectOk } from './workbook';
import { forgetRememberedState } from './caches';
import { patchOrderAsAddOn } from './audit';
import { HELD_STATUS } from '../../src/server/adapters/mailer';

type Cell = string | number | boolean | Date;

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function now(wb: TestWorkbook): Date {
  return wb.rt.world.clock.now();
}

export function advance(wb: TestWorkbook, ms: number): void {
  wb.rt.world.clock.advance(ms);
}

/**
 * Moves the clock forward to `hour`:00 of the next local day (the spreadsheet's zone), so tests about
 * "the same day" never straddle midnight whatever time they run at.
 */
export function startAtLocalHour(wb: TestWorkbook, hour: number): void {
  const p = localParts(now(wb), wb.model.timeZone);
  wb.rt.world.clock.set(
    fromLocalParts({ year: p.year, month: p.month, day: p.day + 1, hour }, wb.model.timeZone),
  );
}

/** Sets one scalar setting on the Settings tab, as an administrator would, and drops the cached copy. */
export function setSetting(wb: TestWorkbook, key: string, value: Cell): void {
  const values = wb.values(SHEET_NAMES.settings);
  const header = values[0] ?? [];
  const keyAt = header.indexOf(SETTINGS_COLUMNS.setting);
  const valueAt = header.indexOf(SETTINGS_COLUMNS.value);
  const row = values.findIndex((r) => r[keyAt] === key);
  if (row < 1) throw new Error(`no setting ${key}`);
  wb.sheet(SHEET_NAMES.settings).writeValues(row + 1, valueAt + 1, [[value]]);
  forgetRememberedState(wb.rt.world, wb.ssId);
}

/** Overwrites fields of a register row (found by id), as the review sidebar would have written them. */
export function patchOrder(
  wb: TestWorkbook,
  id: string,
  fields: Partial<Record<WorkOrderField, Cell>>,
): void {
  const found = wb.register().find((r) => r.order.id === id);
  if (!found) throw new Error(`no register row for ${id}`);
  for (const [field, value] of Object.entries(fields) as [WorkOrderField, Cell][]) {
    wb.sheet(SHEET_NAMES.register).writeValues(found.row, wb.registerColumn(REGISTER_COLUMNS[field]), [
      [value],
    ]);
  }
}

/** Submits `count` requests through the form (real intake) and returns their ids. */
export async function submitMany(
  wb: TestWorkbook,
  count: number,
  describe = (i: number) => `Request number ${i + 1}`,
): Promise<string[]> {
  const before = new Set(wb.register().map((r) => r.order.id));
  for (let i = 0; i < count; i++)
    (await wb.submit({ description: describe(i) })).executions.forEach(expectOk);
  return wb
    .register()
    .map((r) => r.order.id)
    .filter((id) => !before.has(id));
}

/**
 * `count` requests submitted through the form and assigned to `assignee`, each due 30 minutes from now,
 * in a workbook where only reminders of overdue work are mailed (no acknowledgments, no escalations):
 * an hourly run an hour on owes exactly one reminder each.
 */
export async function remindersDue(
  wb: TestWorkbook,
  count: number,
  assignee: string,
  describe?: (i: number) => string,
): Promise<string[]> {
  setSetting(wb, 'notifyRequestor', false);
  setSetting(wb, 'escalateAfterOverdueHours', 1000);
  setSetting(wb, 'notifySupervisors', false);
  const ids = await submitMany(wb, count, describe);
  ids.forEach((id, i) => assign(wb, id, i + 1, assignee, new Date(now(wb).getTime() + 30 * 60_000)));
  return ids;
}

/** Makes an order Assigned to `assignee` with a work-order number and the given due date. */
export function assign(wb: TestWorkbook, id: string, n: number, assignee: string, due: Date): void {
  const at = new Date(due.getTime() - 3 * DAY);
  // With its log row and sealed record, as the sidebar writes it: the hourly job decides reminders
  // from the record where the cells differ (cells alone would be a script's change).
  patchOrderAsAddOn(wb, id, {
    woNumber: `WO-2026-${String(n).padStart(5, '0')}`,
    status: 'Assigned',
    priority: 'P3 Routine',
    category: 'Electrical',
    assignee,
    due,
    decidedBy: 'sam.supervisor@example.com',
    decidedAt: at,
    assignedAt: at,
  });
}

export function hourlyTriggers(wb: TestWorkbook) {
  return wb.rt.world.triggers.list().filter((t) => t.handlerFunction === 'onHourlyTrigger');
}

/** An hour passes (at least) and Google runs the hourly trigger(s). */
export async function runHourly(wb: TestWorkbook, advanceMs = HOUR): Promise<ExecutionRecord[]> {
  advance(wb, advanceMs);
  return wb.rt.runTimeDrivenTriggers({ all: true });
}

export function ownerState(wb: TestWorkbook, name: string, owner = ADMIN): string | null {
  return wb.rt.world.properties.user(owner).get(`wo.${wb.ssId}.${name}`);
}

/** Rows of a sheet as objects keyed by its header (header row excluded); [] when the sheet does not exist. */
export function rowsOf(wb: TestWorkbook, sheetName: string): Record<string, unknown>[] {
  if (!wb.model.sheetModel(sheetName)) return [];
  const [header = [], ...rows] = wb.values(sheetName);
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/**
 * The rows of both Outbox tabs as one queue: the Outbox (the document's executions queue there) and the
 * Hourly Outbox (the hourly job's), in the order they were queued.
 */
export function outboxRows(wb: TestWorkbook): Record<string, unknown>[] {
  const queuedAt = (r: Record<string, unknown>): number =>
    r['Queued At'] instanceof Date ? r['Queued At'].getTime() : Number.MAX_SAFE_INTEGER;
  return [...rowsOf(wb, SHEET_NAMES.outbox), ...rowsOf(wb, SHEET_NAMES.hourlyOutbox)].sort(
    (a, b) => queuedAt(a) - queuedAt(b),
  );
}

export function mailTo(wb: TestWorkbook, address: string) {
  return wb.rt.world.mail.receivedBy(address);
}

/**
 * Emails to `to` about `id`: sent, plus queued in an Outbox tab, or held there for the reader's daily
 * digest (a notice that needs no action, on a day the sending account's quota is forecast short).
 */
export function emailsAbout(wb: TestWorkbook, to: string, id: string): number {
  const sent = wb.rt.world.mail
    .receivedBy(to)
    .filter((m) => m.subject.includes(id) || m.body.includes(id)).length;
  const queued = outboxRows(wb).filter(
    (r) =>
      r['Record ID'] === id &&
      String(r.To).includes(to) &&
      (r.Status === 'Queued' || r.Status === HELD_STATUS),
  ).length;
  return sent + queued;
}

/** "Work order update" notices to `to`: received, plus queued in an Outbox tab. */
export function updateNotices(wb: TestWorkbook, to: string): number {
  const sent = wb.rt.world.mail.receivedBy(to).filter((m) => /work order update/.test(m.subject)).length;
  const queued = outboxRows(wb).filter((r) => String(r.To) === to && r.Status === 'Queued').length;
  return sent + queued;
}

/**
 * Loads the project from the built dist folder plus extra test-only global functions bundled from
 * `entry` (a TypeScript file exporting the functions `names`): the way to call an exported server function that no
 * entry point exposes yet (e.g. one another feature's trigger will call), against the real Code.js.
 */
export async function loadWithTestEntry(
  entry: string,
  names: readonly string[],
  options: { mailDailyQuota?: number } = {},
): Promise<LocalAppsScript> {
  const dist = path.resolve(process.env.WO_DIST_DIR ?? 'dist');
  const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8')) as Manifest;
  const bundled = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: 'TestEntry',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    define: { __WO_NO_LOCKS__: 'false' },
    write: false,
  });
  const wrappers = names
    .map((n) => `function ${n}() { return TestEntry.${n}.apply(this, arguments); }`)
    .join('\n');
  return LocalAppsScript.fromSource(
    `${code}\n${bundled.outputFiles[0]?.text ?? ''}\n${wrappers}\n`,
    manifest,
    options,
  );
}

/** setUpWorkbook for a runtime loaded some other way: setup by the administrator, staff of every role. */
export async function setUpWorkbookIn(rt: LocalAppsScript): Promise<TestWorkbook> {
  const ssId = rt.createSpreadsheet('Maintenance work orders', ADMIN);
  expectOk(await rt.runMenuItem(ssId, ADMIN, 'setUpWorkOrders'));
  const form = rt.world.forms.linkedTo(ssId);
  if (!form) throw new Error('setup created no form linked to the spreadsheet');
  const wb = new TestWorkbook(rt, ssId, form.id);
  const staff = wb.sheet(SHEET_NAMES.staff);
  staff.writeValues(
    staff.lastRow() + 1,
    1,
    STAFF_ROWS.map((r) => [...r]),
  );
  forgetRememberedState(rt.world, ssId);
  return wb;
}

/** Appends register rows straight into the sheet (a large register as earlier work left it); fields by header. */
export function writeOrders(
  wb: TestWorkbook,
  orders: ReadonlyArray<Partial<Record<WorkOrderField, Cell>>>,
): void {
  const header = wb.values(SHEET_NAMES.register)[0] ?? [];
  const rows = orders.map((o) =>
    header.map((h) => {
      const field = (Object.keys(REGISTER_COLUMNS) as WorkOrderField[]).find(
        (f) => REGISTER_COLUMNS[f] === h,
      );
      return field === undefined ? '' : (o[field] ?? '');
    }),
  );
  const sheet = wb.sheet(SHEET_NAMES.register);
  sheet.writeValues(sheet.lastRow() + 1, 1, rows);
}

/**
 * A supervisor approves `id` (Electrical, P3) with the execution's `n`th service call failing; the
 * failed call's name, or null when the approval made fewer than `n` calls (it then ran whole).
 */
export async function approveWithCallFailing(
  wb: TestWorkbook,
  id: string,
  n: number,
): Promise<string | null> {
  wb.rt.world.faults.failNthCall(n);
  await wb
    .call(SUPERVISOR, 'reviewAct', {
      action: 'approve',
      id,
      revision: wb.order(id).revision,
      category: 'Electrical',
      priority: 'P3 Routine',
    })
    .catch(() => undefined);
  const hit = wb.rt.world.faults.lastFault;
  wb.rt.world.faults.disarm();
  return hit;
}

/**
 * Fails the approval of `id` at each of its service calls in turn, from the world as it is now, until
 * one leaves the approval in the register and its rows in the log with the log's checkpoint not moved
 * (and `also` holds); the world is left in that state. False when no call does.
 */
export async function reachUncommittedApproval(
  wb: TestWorkbook,
  id: string,
  also: () => boolean = () => true,
): Promise<boolean> {
  const saved = encodeWorldState(exportWorld(wb.rt.world));
  for (let n = 1; n < 200; n++) {
    importWorld(wb.rt.world, decodeWorldState(saved));
    const checkpoint = wb.rt.world.properties.document(wb.ssId).get(CHECKPOINT_KEY);
    if ((await approveWithCallFailing(wb, id, n)) === null) return false;
    const uncommitted = wb.rt.world.properties.document(wb.ssId).get(CHECKPOINT_KEY) === checkpoint;
    if (uncommitted && wb.order(id).status === 'Approved' && also()) return true;
  }
  return false;
}
