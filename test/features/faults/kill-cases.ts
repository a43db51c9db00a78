/**
 * The entry points ./kills.test.ts kills at each of their service calls: each runs one action on the
 * workbook prepared there, and says what must hold after the kill and the next executions.
 */
import { emailsAbout, mailTo, outboxRows, rowsOf, runHourly } from '../../support/ops';
import {
  ADMIN,
  MANAGER,
  REQUESTOR,
  SUPERVISOR,
  TECH,
  expectOk,
  type TestWorkbook,
} from '../../support/workbook';

/** The preventive schedule's occurrence the hourly job makes an order for, and the week it keeps. */
export const SCHEDULE_DUE = '2026-11-09';
export const WEEK = '2026-W45';
/** The first item of the Electrical checklist (test/features/checklists/helpers.ts), and its tab. */
const TICKED = 'Isolate the circuit';
const CHECKLIST_ITEMS = 'Checklist Items';

export interface Ids {
  witness: string;
  /** In Progress, TECH's: put on hold from My work. */
  toHold: string;
  /** Submitted: its requestor is asked a question. */
  toAsk: string;
}

export interface Baseline {
  /** The tabs a clean run of the case leaves (tabNames). */
  tabs: string;
  /** The installation owner's triggers (triggersOf). */
  triggers: string;
  entries: number;
  mail: Map<string, number>;
}

export interface KillCase {
  run(wb: TestWorkbook, ids: Ids): Promise<unknown>;
  /**
   * What must hold after the kill and the next executions (problems found, described). `mayLose`: the
   * kill came after the email's record was released and before it was sent (`released` below), where
   * an email, an effect outside every store, can only be lost, never sent twice.
   */
  check(wb: TestWorkbook, ids: Ids, baseline: Baseline, mayLose: boolean): string[];
  /** The call (1-based, in a clean run's trace) that releases the action's email for its send. */
  released?: (calls: readonly string[]) => number;
  /** Runs after the kill, before the ordinary next executions (the user's own next edit, say). */
  next?: (wb: TestWorkbook) => Promise<unknown>;
  /** False when `next` is all that follows (the hourly job and an edit have nothing to settle). */
  ordinary?: boolean;
  /** Emails counted before the run, as `to|id`, to compare with after. */
  mail: (ids: Ids) => Array<{ to: string; id: string }>;
}

export const weeklyMails = (book: TestWorkbook): number =>
  mailTo(book, MANAGER).filter((m) => /Weekly KPIs/.test(m.subject)).length +
  outboxRows(book).filter(
    (r) => String(r.To).includes(MANAGER) && /Weekly KPIs/.test(String(r.Subject)) && r.Status === 'Queued',
  ).length;

import { FORM_ANSWER_CASES } from './kill-cases-forms';

export const CASES: Record<string, KillCase> = {
  // Preventive maintenance and the weekly KPI snapshot: both made by the hourly job, each exactly once.
  'hourly job (schedule order, KPI history)': {
    run: (book) => runHourly(book),
    // The KPI week recorded under the owner's lock (the last step's state write before its email).
    released: (calls) =>
      calls.lastIndexOf('Properties.setProperties', calls.lastIndexOf('MailApp.sendEmail')) + 1,
    mail: () => [],
    check: (book, _ids, baseline, mayLose) => {
      const problems: string[] = [];
      const made = book.register().filter((r) => r.order.responseRef === `Schedule PM-K ${SCHEDULE_DUE}`);
      if (made.length !== 1) problems.push(`${made.length} orders for the schedule's occurrence`);
      const id = made[0]?.order.id;
      const created = book
        .changeLogEntries()
        .filter((e) => id !== undefined && e.recordId === id && e.field === 'Created').length;
      if (id && created !== 1) problems.push(`${id}: ${created} Created log rows`);
      const kept = rowsOf(book, 'KPI History').filter((r) => r.Week === WEEK).length;
      if (kept !== 1) problems.push(`${kept} KPI History rows for ${WEEK}`);
      const weekly = weeklyMails(book) - (baseline.mail.get('weekly') ?? 0);
      if (mayLose ? weekly > 1 : weekly !== 1) problems.push(`${weekly} weekly KPI emails to the manager`);
      return problems;
    },
  },
  // Ask requestor: the question is on the record once and the requestor is emailed once.
  'review: ask requestor': {
    run: (book, { toAsk }) =>
      book.call(SUPERVISOR, 'reviewAct', {
        action: 'clarify',
        id: toAsk,
        revision: book.order(toAsk).revision,
        question: 'Which door?',
      }),
    mail: ({ toAsk }) => [{ to: REQUESTOR, id: toAsk }],
    // The intent's deletion, the last property write before the email (change-log-mail.ts). Between it
    // and the send, where a kill can only lose the email, nothing but giving the lock back.
    released: (calls) => {
      const at = calls.lastIndexOf('Properties.deleteProperty') + 1;
      expect(calls.slice(at, calls.lastIndexOf('MailApp.sendEmail'))).toEqual(['Lock.releaseLock']);
      return at;
    },
    check: (book, { toAsk }, baseline, mayLose) => {
      const asked = book
        .changeLogEntries()
        .filter((e) => e.recordId === toAsk && e.newValue === 'Which door?').length;
      const mails = emailsAbout(book, REQUESTOR, toAsk) - (baseline.mail.get(`${REQUESTOR}|${toAsk}`) ?? 0);
      if (asked > 1) return [`the question is logged ${asked} times`];
      if (mayLose ? mails > asked : mails !== asked)
        return [`${mails} emails to the requestor for ${asked} questions logged`];
      return [];
    },
  },
  // My work's hold owes the requestor and the supervisors an email each (the lifecycle table).
  'My work: put on hold': {
    run: (book, { toHold }) =>
      book.call(TECH, 'myWorkAct', {
        action: 'hold',
        id: toHold,
        revision: book.order(toHold).revision,
        reason: 'Waiting for a part',
      }),
    released: (calls) => calls.lastIndexOf('Properties.deleteProperty') + 1,
    mail: ({ toHold }) => [
      { to: REQUESTOR, id: toHold },
      { to: SUPERVISOR, id: toHold },
    ],
    check: (book, { toHold }, baseline, mayLose) => {
      const problems: string[] = [];
      const held = book.order(toHold).status === 'On Hold';
      const logged = book
        .changeLogEntries()
        .slice(baseline.entries)
        .filter((e) => e.recordId === toHold && e.field === 'Status' && e.newValue === 'On Hold').length;
      if (logged !== (held ? 1 : 0))
        problems.push(`${held ? 'On Hold' : 'not held'}, logged ${logged} times`);
      for (const to of [REQUESTOR, SUPERVISOR]) {
        const mails = emailsAbout(book, to, toHold) - (baseline.mail.get(`${to}|${toHold}`) ?? 0);
        const owed = held ? 1 : 0;
        if (mayLose ? mails > owed : mails !== owed) problems.push(`${to}: ${mails} emails (${owed} owed)`);
      }
      return problems;
    },
  },
  ...FORM_ANSWER_CASES,
  // A checklist tick from My work: ticked with one log row, or neither (the technician ticks again).
  'My work: tick a checklist item': {
    run: (book, { toHold }) =>
      book.call(TECH, 'myWorkRecord', { kind: 'tick', id: toHold, number: 1, item: TICKED, done: true }),
    mail: () => [],
    check: (book, { toHold }, baseline) => {
      const row = book.values(CHECKLIST_ITEMS).find((r) => r[0] === toHold && r[2] === TICKED);
      const ticked = row?.[4] === true;
      const logged = book
        .changeLogEntries()
        .slice(baseline.entries)
        .filter((e) => e.recordId === toHold && e.newValue.includes(TICKED)).length;
      return logged === (ticked ? 1 : 0)
        ? []
        : [`${ticked ? 'ticked' : 'not ticked'}, logged ${logged} times`];
    },
  },
  // Build reports: run again after the kill, the report tabs are there once each, protected.
  'Build reports': {
    run: (book) => book.menu(ADMIN, 'buildReports'),
    next: (book) => book.menu(ADMIN, 'buildReports'),
    ordinary: false,
    mail: () => [],
    check: (book, _ids, baseline) => {
      const problems: string[] = [];
      const names = tabNames(book);
      if (names !== baseline.tabs) problems.push(`tabs ${names}, a clean build leaves ${baseline.tabs}`);
      for (const sheet of book.model.sheetModels())
        if (/^Report/.test(sheet.name) && sheet.protections.length === 0)
          problems.push(`${sheet.name} is not protected`);
      return problems;
    },
  },
  // Take over installation: whatever call it dies at, the new owner running it again ends with one set of
  // triggers as theirs, and the next request is taken in once.
  'take over installation': {
    run: (book) => {
      answerYes(book);
      return book.menu(NEW_OWNER, 'takeOverInstallation');
    },
    next: async (book) => {
      answerYes(book);
      // Run again by the administrator who was stopped: it finishes what the killed run left undone.
      expect(String(expectOk(await book.menu(NEW_OWNER, 'takeOverInstallation')).value)).toMatch(
        /own this installation/,
      );
      await book.submit({ description: AFTER_TAKE_OVER });
    },
    ordinary: false,
    mail: () => [],
    check: (book, _ids, baseline) => {
      const problems: string[] = [];
      const taken = book.register().filter((r) => r.order.description === AFTER_TAKE_OVER).length;
      if (taken !== 1) problems.push(`${taken} orders for the request made after the take-over`);
      const mine = triggersOf(book, NEW_OWNER);
      if (mine !== baseline.triggers)
        problems.push(`the new owner's triggers: ${mine}, the former owner's were ${baseline.triggers}`);
      return problems;
    },
  },
};

export const NEW_OWNER = 'ada.admin@example.com';

/** The administrator answers Yes when asked, and OK when told. */
export function answerYes(book: TestWorkbook): void {
  book.rt.world.ui.responder = (question) =>
    question.buttons === 'YES_NO' ? { button: 'YES' } : { button: 'OK', text: '' };
}
export const AFTER_TAKE_OVER = 'Submitted after the take-over';

/** The spreadsheet's triggers `owner` holds, by handler ("onEditTrigger×1, …"). */
export function triggersOf(book: TestWorkbook, owner: string): string {
  const counts = new Map<string, number>();
  for (const t of book.rt.world.triggers.list().filter((t) => t.owner === owner))
    counts.set(t.handlerFunction, (counts.get(t.handlerFunction) ?? 0) + 1);
  return [...counts]
    .sort()
    .map(([h, n]) => `${h}×${n}`)
    .join(', ');
}

export const tabNames = (book: TestWorkbook): string =>
  book.model
    .sheetModels()
    .map((s) => s.name)
    .sort()
    .join(', ');
