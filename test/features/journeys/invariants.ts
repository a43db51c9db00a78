/**
 * What must hold after every week of the six-week journey (weeks.test.ts), read back through the
 * host model and the add-on's own entry points, never through its code.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { KPI_HISTORY_SHEET } from '../../../src/core/reports/weekly';
import { fromLocalParts, localParts } from '../../../src/core/time';
import { rowsOf } from '../../support/ops';
import { ADMIN, expectOk } from '../../support/workbook';
import { archivedRows } from '../archive/support';
import {
  MANAGER,
  OWED,
  START,
  SUPS,
  TECHS,
  TZ,
  dayKey,
  localText,
  myWorkView,
  reviewView,
  steps,
  tracked,
  wb,
  type Sections,
  type Tracked,
} from './world';

/** Errors-tab rows this journey provokes on purpose (none so far). */
const provokedErrors = 0;
let seen = { requests: 0, woCounters: '{}' };

/** Archived orders (every year's archive file): request id and work-order number. */
function archivedOrders(): { id: string; wo: string }[] {
  return [2026, 2027].flatMap((y) =>
    archivedRows(wb, y).map((r) => ({ id: String(r['Request ID']), wo: String(r['WO Number']) })),
  );
}

/** Orders whose step `e` happened in [from, to), as the journey took them. */
function countIn(e: keyof Tracked['events'], from: number, to: number): number {
  return [...tracked.values()].filter((t) => {
    const ms = t.events[e]?.getTime() ?? -1;
    return ms >= from && ms < to;
  }).length;
}

/** Orders requested before `at` and not closed, rejected or cancelled by then. */
function backlogAt(at: number): number {
  const before = (d: Date | undefined) => d !== undefined && d.getTime() < at;
  return [...tracked.values()].filter(
    (t) => before(t.events.created) && !before(t.events.closed) && !before(t.events.rejected),
  ).length;
}

/**
 * Report: Trends' weekly table, built now, against the journey's own counts (before anything is
 * archived: the report covers what is left in the spreadsheet). Its weeks run across the New Year.
 */
export function checkTrends(): void {
  const rows = wb.values('Report: Trends');
  const start = rows.findIndex((r) => r[0] === 'Week' && r[1] === 'Created');
  const weeks = rows.slice(start + 1).filter((r, i, all) => all.slice(0, i + 1).every((x) => x[0] !== ''));
  const nowMs = wb.rt.world.clock.nowMs();
  expect(weeks.length).toBeGreaterThan(0);
  for (const r of weeks) {
    const [y, m, d] = String(r[0]).split('-').map(Number) as [number, number, number];
    const from = fromLocalParts({ year: y, month: m, day: d }, TZ).getTime();
    const to = Math.min(fromLocalParts({ year: y, month: m, day: d + 7 }, TZ).getTime(), nowMs + 1);
    expect({ week: r[0], counts: r.slice(1, 6).map(Number) }).toEqual({
      week: r[0],
      counts: [
        countIn('created', from, to),
        countIn('completed', from, to),
        countIn('closed', from, to),
        countIn('rejected', from, to),
        backlogAt(to),
      ],
    });
  }
}

function pick(row: Record<string, unknown>, keys: string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, Number(row[k])]));
}

async function verify(): Promise<{ ok: boolean; message: string }> {
  return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
}

/** The invariants after `weeksDone` full weeks. */
export async function checkWeek(weeksDone: number): Promise<void> {
  const verdict = await verify();
  expect({ week: weeksDone, ok: verdict.ok, message: verdict.ok ? '' : verdict.message }).toMatchObject({
    ok: true,
  });

  // The sidebars list what the register holds: each supervisor's lists and each technician's cards.
  const open = wb.register().map((r) => r.order);
  const ids = (pred: (o: (typeof open)[number]) => boolean) =>
    open
      .filter(pred)
      .map((o) => o.id)
      .sort();
  for (const sup of SUPS) {
    const view = await reviewView(sup);
    const listed = (k: keyof Sections) => view[k].items.map((i) => i.id).sort();
    expect({
      sup,
      submitted: listed('submitted'),
      approved: listed('approved'),
      completed: listed('completed'),
    }).toEqual({
      sup,
      submitted: ids((o) => o.status === 'Submitted'),
      approved: ids((o) => o.status === 'Approved'),
      completed: ids((o) => o.status === 'Completed'),
    });
  }
  for (const tech of TECHS) {
    const view = await myWorkView(tech);
    expect({
      tech,
      open: view.open.map((c) => c.id).sort(),
      done: view.awaitingClose.map((c) => c.id).sort(),
    }).toEqual({
      tech,
      open: ids((o) => o.assignee === tech && ['Assigned', 'In Progress', 'On Hold'].includes(o.status)),
      done: ids((o) => o.assignee === tech && o.status === 'Completed'),
    });
  }

  // The business clock skips the holidays: routine work approved on 24 December (5 business days)
  // is due on Monday 4 January, at the hour it was approved.
  if (weeksDone === 3) {
    const christmasEve = wb
      .register()
      .map((r) => r.order)
      .filter((o) => o.decidedAt && dayKey(o.decidedAt) === '2026-12-24' && o.priority === 'P3 Routine');
    const plain = christmasEve.filter((o) => o.heldHours === 0);
    expect(plain.length).toBeGreaterThan(0);
    for (const o of plain)
      expect({ id: o.id, due: o.due && localText(o.due) }).toEqual({
        id: o.id,
        due: `2027-01-04 ${localText(o.decidedAt as Date).slice(11)}`,
      });
  }

  // Each request exactly once: in the register, or (archived) in an archive file.
  const registerIds = wb.register().map((r) => r.order.id);
  const archived = [2026, 2027].flatMap((y) => archivedRows(wb, y).map((r) => String(r['Request ID'])));
  const all = [...registerIds, ...archived].sort();
  expect(all).toEqual([...tracked.keys()].sort());

  // Work-order numbers unique, numbered in the year of approval (New York time), 1, 2, 3… each year.
  const numbered = wb
    .register()
    .map((r) => r.order)
    .filter((o) => o.woNumber !== '');
  const numbers = [
    ...numbered.map((o) => o.woNumber),
    ...[2026, 2027].flatMap((y) => archivedRows(wb, y).map((r) => String(r['WO Number']))),
  ].filter((n) => n !== '');
  expect(new Set(numbers).size).toBe(numbers.length);
  for (const o of numbered) {
    const year = localParts(o.decidedAt as Date, TZ).year;
    expect({ id: o.id, wo: o.woNumber.slice(0, 8) }).toEqual({ id: o.id, wo: `WO-${year}-` });
  }
  for (const year of [2026, 2027]) {
    const seqs = numbers
      .filter((n) => n.startsWith(`WO-${year}-`))
      .map((n) => Number(n.slice(8)))
      .sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  }

  // Every email once: no two messages to one recipient with one subject and one text about one
  // order between two steps taken on it (a return makes "Work done" owed again; a due date moved by a
  // hold is a new lateness, whose Overdue notice names the new date).
  const woToId = new Map(
    [
      ...wb.register().map((r) => [r.order.woNumber, r.order.id]),
      ...archivedOrders().map((r) => [r.wo, r.id]),
    ].filter(([wo]) => wo !== '') as [string, string][],
  );
  const keys = wb.rt.world.mail.sent.flatMap((m) => {
    const ref = /^\[([A-Z0-9-]+)\]/.exec(m.subject)?.[1] ?? '';
    const id = ref.startsWith('REQ-') ? ref : (woToId.get(ref) ?? '');
    if (id === '') return [];
    const episode = (steps.get(id) ?? []).filter((t) => t <= m.at.getTime()).length;
    return m.to.map((to) => `${to} | ${m.subject} | step ${episode} | ${m.body}`);
  });
  const dups = keys.filter((k, i) => keys.indexOf(k) !== i);
  expect(dups).toEqual([]);
  // The Outbox drained: each row sent or put in a reader's digest, or still owed only while the
  // sending account's daily quota is spent.
  const outbox = [...rowsOf(wb, SHEET_NAMES.outbox), ...rowsOf(wb, SHEET_NAMES.hourlyOutbox)];
  const senders = new Set(wb.rt.world.mail.sent.map((m) => m.from));
  const quotaSpent = [...senders].some((s) => wb.rt.world.mail.remainingToday(s) < 5);
  const pending = outbox.filter(
    (r) =>
      !['Sent', 'In digest'].includes(String(r.Status)) && !(quotaSpent && OWED.includes(String(r.Status))),
  );
  expect(pending.map((r) => `${String(r.Status)}: ${String(r.Subject)}`)).toEqual([]);

  // KPI History: one row per finished week since the first, counting what happened in it.
  const kpiRows = rowsOf(wb, KPI_HISTORY_SHEET);
  const kpi = kpiRows.map((r) => String(r.Week));
  expect(new Set(kpi).size).toBe(kpi.length);
  expect(kpi).toHaveLength(weeksDone);
  kpiRows.forEach((row, w) => {
    const from = fromLocalParts({ ...START, day: START.day + w * 7 }, TZ).getTime();
    const to = fromLocalParts({ ...START, day: START.day + (w + 1) * 7 }, TZ).getTime();
    const count = (e: keyof Tracked['events']) => countIn(e, from, to);
    expect({
      week: row.Week,
      ...pick(row, ['Created', 'Completed', 'Closed', 'Rejected or cancelled']),
    }).toEqual({
      week: row.Week,
      Created: count('created'),
      Completed: count('completed'),
      Closed: count('closed'),
      'Rejected or cancelled': count('rejected'),
    });
    const backlog = backlogAt(to);
    expect({ week: row.Week, backlog: Number(row['Backlog (end of week)']) }).toEqual({
      week: row.Week,
      backlog,
    });
  });
  const weekly = wb.rt.world.mail.receivedBy(MANAGER).filter((m) => /Weekly KPIs/.test(m.subject));
  expect(weekly).toHaveLength(weeksDone);

  // Owed emails, each sent: the acknowledgment, the decision, the question, the closure, the alert.
  for (const [id, t] of tracked) {
    const order = wb.register().find((r) => r.order.id === id)?.order;
    const named = (subject: string, body: string) =>
      body.includes(id) || (order !== undefined && order.woNumber !== '' && subject.includes(order.woNumber));
    // Sent alone, or gathered in the reader's daily digest (or still owed while the quota is spent).
    const about = (to: string, subject: RegExp) => {
      const mails = wb.rt.world.mail.receivedBy(to);
      const alone = mails.filter((m) => subject.test(m.subject) && named(m.subject, m.body)).length;
      const digested = mails
        .filter((m) => /daily digest/.test(m.subject))
        .flatMap((m) => m.body.split('\n\n').filter((b) => b.startsWith('[')))
        .filter((b) => {
          const title = b.split('\n')[0] ?? '';
          return subject.test(title) && named(title, b);
        }).length;
      const owing = outbox.filter(
        (r) =>
          String(r.To).includes(to) &&
          OWED.includes(String(r.Status)) &&
          subject.test(String(r.Subject)) &&
          String(r['Record ID']) === id,
      ).length;
      return alone + digested + owing;
    };
    const owed: [string, RegExp, boolean][] = [
      [t.requestor, /Request received/, true],
      [t.requestor, /Question about your request/, t.asked],
      [t.requestor, /Not approved|\] Cancelled/, t.events.rejected !== undefined],
      [t.requestor, /\] Closed/, t.events.closed !== undefined],
      ...SUPS.map((s): [string, RegExp, boolean] => [s, /Requestor replied/, t.replied]),
      ...SUPS.map((s): [string, RegExp, boolean] => [s, /EMERGENCY request/, t.emergency]),
    ];
    for (const [to, subject, due] of owed) {
      if (due)
        expect({ id, to, subject: String(subject), sent: about(to, subject) }).toEqual({
          id,
          to,
          subject: String(subject),
          sent: 1,
        });
    }
  }

  const errors = rowsOf(wb, SHEET_NAMES.errors);
  expect(errors.map((r) => Object.values(r).join(' | '))).toHaveLength(provokedErrors);

  // Counters never go backwards.
  const props = wb.rt.world.properties.document(wb.ssId);
  const requests = Number(props.get('wo.counter.request') ?? 0);
  const woCounters = props.get('wo.counter.workOrder') ?? '{}';
  expect(requests).toBeGreaterThanOrEqual(seen.requests);
  const prev = JSON.parse(seen.woCounters) as Record<string, number>;
  const next = JSON.parse(woCounters) as Record<string, number>;
  for (const [y, n] of Object.entries(prev)) expect(next[y] ?? 0).toBeGreaterThanOrEqual(n);
  seen = { requests, woCounters };
}
