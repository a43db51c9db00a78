/**
 * The workbench's HTTP API under /wb/api/: every handler is something a person does in Google's world —
 * opens the spreadsheet, picks a menu item, types into cells, submits the form, lets time pass — and runs
 * the executions Google would run, through the local runtime. ./routes.ts serves them with the pages.
 */
import type http from 'node:http';
import type { ExecutionRecord } from '../../runtime';
import { UserEditRefused } from '../../runtime/host/spreadsheet';
import { warningProtections } from '../../runtime/host/spreadsheet/guards';
import { FormSubmitError } from '../../runtime/host/form';
import { SHEET_NAMES } from '../../src/core/model';
import type { WorkbenchContext } from './workbench';
import { BadRequest, answersOf, requireInt, requireString, stringGrid } from './http';
import { eventView } from './ui-events';
import { peopleOf } from './people';
import { sheetView } from './sheet-view';
import { mailList } from './outbox';

export type Handler = (
  ctx: WorkbenchContext,
  input: Record<string, unknown>,
  res: http.ServerResponse,
  url: URL,
) => Promise<unknown> | unknown;

const HOUR_MS = 3_600_000;

/** What a failed execution tells the person (the script's exception message). */
function failures(records: readonly ExecutionRecord[]): { entry: string; message: string }[] {
  return records.filter((r) => !r.ok).map((r) => ({ entry: r.entry, message: r.error?.message ?? 'failed' }));
}

/** The form a request names by its link (`url`), else the intake form. */
function formOf(ctx: WorkbenchContext, input: Record<string, unknown>): { id: string } {
  if (input.url === undefined || input.url === '') return { id: ctx.formId };
  const url = typeof input.url === 'string' ? input.url : '';
  const form = ctx.rt.world.forms.byUrl(url);
  if (!form) throw new BadRequest(`No form of this workbench has the link ${url}`);
  return form;
}

/** The API's handlers, by "METHOD name" (the name is the path under /wb/api/). */
export const api: Record<string, Handler> = {
  'GET state': (ctx, q) => {
    const spreadsheet = ctx.rt.world.spreadsheets.require(ctx.spreadsheetId);
    const form = ctx.rt.world.forms.require(ctx.formId);
    const user = typeof q.user === 'string' ? q.user : '';
    return {
      revision: ctx.revision(),
      seq: lastSeq(ctx),
      spreadsheetName: spreadsheet.name,
      formTitle: form.title,
      now: ctx.rt.world.clock.nowMs(),
      timeZone: spreadsheet.timeZone,
      people: peopleOf(spreadsheet),
      outboxCount: ctx.rt.world.mail.sent.length,
      inboxCount: user ? ctx.rt.world.mail.receivedBy(user).length : 0,
      sheets: spreadsheet.sheetModels().map((s) => s.name),
      registerSheet: SHEET_NAMES.register,
    };
  },

  'GET sheet': (ctx, q) => {
    const spreadsheet = ctx.rt.world.spreadsheets.require(ctx.spreadsheetId);
    const name = typeof q.name === 'string' && q.name !== '' ? q.name : SHEET_NAMES.register;
    const sheet = spreadsheet.sheetModel(name) ?? spreadsheet.sheetModels()[0]!;
    const row = q.row === undefined ? 1 : requireInt(q, 'row');
    const rows = q.rows === undefined ? 100 : Math.min(requireInt(q, 'rows'), 500);
    return sheetView(spreadsheet, sheet, String(q.user ?? ''), { row, numRows: rows });
  },

  /** A person types (one cell) or pastes (a block) into the grid; the edit triggers fire as them. */
  'POST edit': async (ctx, body) => {
    const user = requireString(body, 'user');
    const sheetName = requireString(body, 'sheet');
    const row = requireInt(body, 'row');
    const column = requireInt(body, 'column');
    const values = stringGrid(body.values);
    const spreadsheet = ctx.rt.world.spreadsheets.require(ctx.spreadsheetId);
    const sheet = spreadsheet.requireSheet(sheetName);
    const rect = {
      row,
      column,
      numRows: values.length,
      numColumns: Math.max(...values.map((l) => l.length)),
    };
    // Warning-only protection: Sheets asks first ("Heads up!") and the person may go ahead.
    const warnings = warningProtections(sheet, rect).map((p) => p.description);
    if (warnings.length > 0 && body.confirmed !== true) return { ok: false, confirm: warnings };
    try {
      const outcome = await ctx.rt.editCells({
        spreadsheetId: ctx.spreadsheetId,
        sheetName,
        row,
        column,
        values,
        user,
      });
      return { ok: true, a1: outcome.edit.a1, triggerFailures: failures(outcome.executions) };
    } catch (error) {
      if (error instanceof UserEditRefused)
        return { ok: false, refused: error.message, reason: error.reason };
      throw error;
    } finally {
      ctx.changed();
    }
  },

  /** The user opens the spreadsheet: onOpen builds their add-on menu. */
  'GET menu': async (ctx, q) => {
    const user = requireString(q, 'user');
    const opened = await ctx.rt.openSpreadsheet(ctx.spreadsheetId, user);
    return {
      title: ctx.rt.world.ui.addonName,
      items: ctx.rt.world.ui.addonMenuFor(ctx.spreadsheetId, user) ?? [],
      failures: failures(opened ? [opened] : []),
    };
  },

  'POST menu': async (ctx, body) => {
    const user = requireString(body, 'user');
    const fn = requireString(body, 'functionName');
    const items = ctx.rt.world.ui.addonMenuFor(ctx.spreadsheetId, user) ?? [];
    const offered = (entries: typeof items): boolean =>
      entries.some(
        (e) => (e.kind === 'item' && e.functionName === fn) || (e.kind === 'submenu' && offered(e.items)),
      );
    if (!offered(items)) throw new BadRequest(`${fn} is not on ${user}'s menu`);
    try {
      const record = await ctx.rt.runMenuItem(ctx.spreadsheetId, user, fn);
      return { ok: record.ok, error: record.ok ? null : (record.error?.message ?? 'failed') };
    } finally {
      ctx.changed();
    }
  },

  /** What appeared on this user's screen since `since`: sidebars, dialogs, alerts, toasts. */
  'GET events': (ctx, q) => {
    const user = requireString(q, 'user');
    const since = q.since === undefined ? 0 : requireInt(q, 'since', 0);
    const events = ctx.rt.world.ui.events
      .filter((e) => e.seq > since && e.spreadsheetId === ctx.spreadsheetId && e.user === user)
      .map((e) => eventView(e, user))
      .filter((e) => e !== null);
    return { seq: lastSeq(ctx), revision: ctx.revision(), events };
  },

  /**
   * A form as its respondent sees it: the intake form, or the form a link names (a reply form or the
   * update form, pre-filled links included), as Google serves the link's page.
   */
  'GET form': (ctx, q) => ctx.rt.world.forms.describe(formOf(ctx, q).id),

  /** A respondent submits a form: the response lands in its tab and the form-submit trigger fires. */
  'POST form': async (ctx, body) => {
    const email = typeof body.email === 'string' ? body.email : '';
    const answers = answersOf(body.answers);
    const formId = formOf(ctx, body).id;
    try {
      const submitted = await ctx.rt.submitForm(formId, { respondentEmail: email, answers });
      const form = ctx.rt.world.forms.describe(formId);
      return {
        ok: true,
        confirmation: form.confirmationMessage || 'Your response has been recorded.',
        triggerFailures: failures(submitted.executions),
      };
    } catch (error) {
      if (error instanceof FormSubmitError) return { ok: false, error: error.message };
      throw error;
    } finally {
      ctx.changed();
    }
  },

  'GET outbox': (ctx) => ({ mails: mailList(ctx.rt.world.mail.sent, ctx.rt.world.timeZone) }),

  /** Time passes: an hour (the hourly job comes due) or a day; every due time-driven trigger runs. */
  'POST time': async (ctx, body) => {
    const step = body.step === 'day' ? 24 * HOUR_MS : HOUR_MS;
    ctx.rt.world.clock.advance(step);
    try {
      const ran = await ctx.rt.runTimeDrivenTriggers();
      return {
        now: ctx.rt.world.clock.nowMs(),
        ran: ran.map((r) => ({ entry: r.entry, ok: r.ok })),
        failures: failures(ran),
      };
    } finally {
      ctx.changed();
    }
  },
};

function lastSeq(ctx: WorkbenchContext): number {
  return ctx.rt.world.ui.events.at(-1)?.seq ?? 0;
}
