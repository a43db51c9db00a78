/**
 * Calls to the review sidebar's server functions, as google.script.run makes them (one execution
 * each, as the given user), with every reply parsed by the shared contract's zod schemas: a reply
 * that does not match the contract fails the test.
 */
import type { ExecutionRecord } from '../../../runtime';
import { spreadsheetCalls } from '../../../runtime/host/execution';
import {
  ReviewActResponseSchema,
  ReviewFindResponseSchema,
  ReviewLoadResponseSchema,
  type ReviewActResponse,
  type ReviewActionInput,
  type ReviewFindResponse,
  type ReviewItem,
  type ReviewLoadResponse,
  type ReviewView,
} from '../../../src/shared/review';
import { expectOk, type Answers, type TestWorkbook } from '../../support/workbook';

export interface Reply<T> {
  reply: T;
  record: ExecutionRecord;
}

async function callParsed<T>(
  wb: TestWorkbook,
  user: string,
  fn: string,
  args: unknown[],
  parse: (value: unknown) => T,
): Promise<Reply<T>> {
  const record = expectOk(await wb.call(user, fn, ...args));
  return { reply: parse(record.value), record };
}

export const load = (wb: TestWorkbook, user: string, request?: unknown): Promise<Reply<ReviewLoadResponse>> =>
  callParsed(wb, user, 'reviewLoad', request === undefined ? [] : [request], (v) =>
    ReviewLoadResponseSchema.parse(v),
  );

export const act = (
  wb: TestWorkbook,
  user: string,
  request: ReviewActionInput | unknown,
): Promise<Reply<ReviewActResponse>> =>
  callParsed(wb, user, 'reviewAct', [request], (v) => ReviewActResponseSchema.parse(v));

export const find = (wb: TestWorkbook, user: string, query: unknown): Promise<Reply<ReviewFindResponse>> =>
  callParsed(wb, user, 'reviewFind', [{ query }], (v) => ReviewFindResponseSchema.parse(v));

/** The view of a successful load (fails the test on a refusal). */
export async function viewFor(wb: TestWorkbook, user: string, request?: unknown): Promise<ReviewView> {
  const { reply } = await load(wb, user, request);
  if (!reply.ok) throw new Error(`reviewLoad refused: ${reply.message}`);
  return reply.view;
}

export function itemIn(view: ReviewView, id: string): ReviewItem {
  for (const page of Object.values(view.sections)) {
    const item = page.items.find((i) => i.id === id);
    if (item) return item;
  }
  throw new Error(`${id} is not in the sidebar's lists`);
}

export function idsIn(view: ReviewView, section: keyof ReviewView['sections']): string[] {
  return view.sections[section].items.map((i) => i.id);
}

/** Submits requests one after the other; returns their request ids in order. */
export async function submitRequests(
  wb: TestWorkbook,
  answers: Answers[],
  respondent?: string,
): Promise<string[]> {
  const before = new Set(wb.register().map((r) => r.order.id));
  for (const a of answers) (await wb.submit(a, respondent)).executions.forEach(expectOk);
  return wb
    .register()
    .map((r) => r.order.id)
    .filter((id) => !before.has(id));
}

export function sheetCalls(record: ExecutionRecord): number {
  return spreadsheetCalls(record.stats);
}

/** The target fields of an action on `item` as the sidebar shows it. */
export function target(item: ReviewItem): { id: string; revision: number; rowHint: number } {
  return { id: item.id, revision: item.revision, rowHint: item.rowHint };
}

/** Mail sent so far, newest last, as (recipients, subject). */
export function mailLog(wb: TestWorkbook): Array<{ to: string[]; subject: string; body: string }> {
  return wb.rt.world.mail.sent.map((m) => ({ to: m.to, subject: m.subject, body: m.body }));
}

/** Change-log rows of one record written by the sidebar, as [user, field, old, new]. */
export function sidebarLog(wb: TestWorkbook, id: string): string[][] {
  return wb
    .changeLogEntries()
    .filter((e) => e.source === 'sidebar' && e.recordId === id)
    .map((e) => [e.user, e.field, e.oldValue, e.newValue]);
}

/** The mail sent after the first `since` messages. */
export function newMail(wb: TestWorkbook, since: number) {
  return mailLog(wb).slice(since);
}
