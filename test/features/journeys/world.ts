/**
 * The six-week journey's world (weeks.test.ts): the team, the workbook, what the journey did to each
 * order and when, and the calls people make through dist/Code.js as the sidebars and forms make them.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { SETTINGS_COLUMNS } from '../../../src/core/settings';
import { fromLocalParts, localParts } from '../../../src/core/time';
import { ADMIN, expectOk, type TestWorkbook } from '../../support/workbook';

export const TZ = 'America/New_York';

export const SUPS = ['sam.supervisor@example.com', 'sue.supervisor@example.com'];

export const TECHS = ['tina.tech@example.com', 'theo.tech@example.com', 'tom.tech@example.com'];

export const MANAGER = 'mia.manager@example.com';

export const REQUESTORS = ['ann@example.org', 'bob@example.org', 'cy@example.org', 'dee@example.org'];

export const HOLIDAYS = ['2026-12-25', '2027-01-01'];

export const START = { year: 2026, month: 12, day: 14 };

export const WEEKS = 6;

export interface Tracked {
  requestor: string;
  emergency: boolean;
  asked: boolean;
  replied: boolean;
  startedOn: string;
  /** When each step the weekly KPIs count happened (the world's clock). */
  events: Partial<Record<'created' | 'completed' | 'closed' | 'rejected', Date>>;
}

export let wb: TestWorkbook;
export function useWorkbook(workbook: TestWorkbook): void {
  wb = workbook;
}
export const tracked = new Map<string, Tracked>();
/** When the journey took a step on each order (submit, sidebar action, reply): ms, in order. */
export const steps = new Map<string, number[]>();
export const stepOn = (id: string) => steps.set(id, [...(steps.get(id) ?? []), wb.rt.world.clock.nowMs()]);
let submitted = 0;

export const at = (day: Date, hour: number, minute = 0) => {
  const p = localParts(day, TZ);
  return fromLocalParts({ year: p.year, month: p.month, day: p.day, hour, minute }, TZ);
};

export const dayKey = (d: Date) => {
  const p = localParts(d, TZ);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};

/** Outbox statuses of an email still owed. */
export const OWED = ['Queued', 'Held for digest'];

export const localText = (d: Date) => {
  const p = localParts(d, TZ);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${dayKey(d)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
};

export const setClock = (d: Date) => wb.rt.world.clock.set(d);

export type Reply = { ok: boolean; message?: string };

export async function review(user: string, id: string, request: Record<string, unknown>): Promise<Reply> {
  const rev = wb.order(id).revision;
  return expectOk(await wb.call(user, 'reviewAct', { id, revision: rev, ...request })).value as Reply;
}

export function ok(reply: Reply, what: string): void {
  if (!reply.ok) throw new Error(`${what} refused: ${reply.message ?? ''}`);
}

export async function submit(emergency: boolean): Promise<string> {
  const requestor = REQUESTORS[submitted % REQUESTORS.length] as string;
  submitted++;
  const before = new Set(wb.register().map((r) => r.order.id));
  const outcome = await wb.submit(
    {
      requesterName: requestor.split('@')[0],
      description: emergency ? `Water pouring through ceiling ${submitted}` : `Fix item number ${submitted}`,
      urgency: emergency ? 'Emergency (safety risk)' : 'Routine',
    },
    requestor,
  );
  outcome.executions.forEach(expectOk);
  const added = wb.register().find((r) => !before.has(r.order.id));
  if (!added) throw new Error('the submission added no register row');
  const id = added.order.id;
  stepOn(id);
  tracked.set(id, {
    requestor,
    emergency,
    asked: false,
    replied: false,
    startedOn: '',
    events: { created: wb.rt.world.clock.now() },
  });
  return id;
}

export interface Item {
  id: string;
  status: string;
  revision: number;
  rowHint: number;
}

export type Sections = Record<
  'submitted' | 'overdue' | 'approved' | 'working' | 'completed',
  { total: number; items: Item[] }
>;

/** The Review & assign lists as `sup` sees them (first pages: the team's traffic fits in one). */
export async function reviewView(sup: string): Promise<Sections> {
  const reply = expectOk(await wb.call(sup, 'reviewLoad', {})).value as {
    ok: boolean;
    view?: { sections: Sections };
  };
  if (!reply.ok || !reply.view) throw new Error(`reviewLoad refused: ${JSON.stringify(reply)}`);
  return reply.view.sections;
}

/** My work as `tech` sees it, checked (the page's own load after the menu item's first paint). */
export async function myWorkView(tech: string): Promise<{ open: Item[]; awaitingClose: Item[] }> {
  const reply = expectOk(await wb.call(tech, 'myWorkLoad', {})).value as {
    ok: boolean;
    view?: { open: Item[]; awaitingClose: Item[] };
  };
  if (!reply.ok || !reply.view) throw new Error(`myWorkLoad refused: ${JSON.stringify(reply)}`);
  return reply.view;
}

/** A sidebar action on an item as the sidebar showed it (its revision and row hint). */
export async function act(
  fn: 'reviewAct' | 'myWorkAct',
  user: string,
  listed: Item,
  request: Record<string, unknown>,
) {
  // As the review page does: work in a technician's hands is listed without its revision, and
  // fetched before a form opens on it.
  let item = listed;
  if (fn === 'reviewAct' && listed.revision === 0) {
    const found = expectOk(await wb.call(user, 'reviewFind', { query: listed.id })).value as {
      ok: boolean;
      item?: Item;
    };
    if (!found.ok || !found.item) throw new Error(`reviewFind ${listed.id}: ${JSON.stringify(found)}`);
    item = found.item;
  }
  const reply = expectOk(
    await wb.call(user, fn, { id: item.id, revision: item.revision, rowHint: item.rowHint, ...request }),
  ).value as Reply;
  ok(reply, `${fn} ${String(request.action)} on ${item.id} by ${user}`);
  stepOn(item.id);
  const step = { complete: 'completed', close: 'closed', reject: 'rejected' }[String(request.action)];
  const t = tracked.get(item.id);
  if (t && step) t.events[step as keyof Tracked['events']] = wb.rt.world.clock.now();
  // Sent back: its completion no longer counts (the KPIs count orders by their Completed At).
  if (t && request.action === 'return') delete t.events.completed;
}

/** The administrator types a setting's value on the Settings tab (the edit trigger judges it). */
export async function typeSetting(key: string, value: string): Promise<void> {
  const values = wb.values(SHEET_NAMES.settings);
  const keyAt = (values[0] ?? []).indexOf(SETTINGS_COLUMNS.setting);
  const valueAt = (values[0] ?? []).indexOf(SETTINGS_COLUMNS.value);
  const row = values.findIndex((r) => r[keyAt] === key);
  if (row < 1) throw new Error(`no setting ${key}`);
  const out = await wb.edit(ADMIN, SHEET_NAMES.settings, row + 1, valueAt + 1, [[value]]);
  out.executions.forEach(expectOk);
  expect(String(wb.values(SHEET_NAMES.settings)[row]?.[valueAt])).toEqual(value);
}
