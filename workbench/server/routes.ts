/**
 * The workbench's HTTP API (under /wb/) and pages. Every action is something a person does in Google's
 * world — opens the spreadsheet, picks a menu item, types into cells, submits the form, lets time pass —
 * and runs the executions Google would run, through the local runtime.
 */
import type http from 'node:http';
import type { ExecutionRecord } from '../../runtime';
import { UserEditRefused } from '../../runtime/host/spreadsheet';
import { warningProtections } from '../../runtime/host/spreadsheet/guards';
import { FormSubmitError } from '../../runtime/host/form';
import { SHEET_NAMES } from '../../src/core/model';
import type { WorkbenchContext } from './workbench';
import {
  BadRequest,
  answersOf,
  parseBody,
  queryOf,
  requireInt,
  requireString,
  sendJson,
  sendText,
  stringGrid,
} from './http';
import { eventView } from './ui-events';
import { peopleOf } from './people';
import { sheetView } from './sheet-view';
import { mailList, mailPage } from './outbox';

type Handler = (
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

/** Where the workbench shows what a link of the add-on's points at (a form, the spreadsheet), or null. */
function localLink(ctx: WorkbenchContext, user: string): (url: string) => string | null {
  return (url) => {
    const as: Record<string, string> = user ? { as: user } : {};
    if (/^https:\/\/docs\.google\.com\/forms\//.test(url) && ctx.rt.world.forms.byUrl(url))
      return `/?${new URLSearchParams({ ...as, view: 'form', form: url }).toString()}`;
    if (url.includes(`/spreadsheets/d/${ctx.spreadsheetId}`))
      return `/?${new URLSearchParams({ ...as, view: 'sheet' }).toString()}`;
    return null;
  };
}

const api: Record<string, Handler> = {
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
      failures: failures([opened]),
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

/**
 * The workbench's own pages only: it may be opened as localhost or 127.0.0.1 (the shim posts to the
 * latter), on the port it listens on. Any other web page the person has open gets no answer.
 */
function corsFor(req: http.IncomingMessage): Record<string, string> | null {
  const origin = req.headers.origin;
  if (origin === undefined) return {};
  const port = req.socket.localPort;
  if (origin !== `http://localhost:${port}` && origin !== `http://127.0.0.1:${port}`) return null;
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    Vary: 'Origin',
  };
}

/** A POST from a page must say it is JSON: that forces a CORS preflight, which strangers fail. */
function isJson(req: http.IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** The HtmlHost `extraRoutes` handler. */
export function routes(context: () => WorkbenchContext) {
  return async (req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<boolean> => {
    const ctx = context();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
      sendText(res, 200, 'text/html', ctx.assets.html);
      return true;
    }
    if (method === 'GET' && url.pathname === '/wb/app.js') {
      sendText(res, 200, 'text/javascript', ctx.assets.script);
      return true;
    }
    if (method === 'GET' && url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return true;
    }
    if (method === 'GET' && url.pathname === '/wb/styles.css') {
      sendText(res, 200, 'text/css', ctx.assets.styles);
      return true;
    }
    // google.script.run from sidebars and dialogs. Handled here (not by HtmlHost) so that what the
    // call changed is shown and saved; CORS because the page may be opened as localhost while the
    // shim posts to 127.0.0.1.
    if (url.pathname === '/rpc') {
      const cors = corsFor(req);
      if (cors === null || (method !== 'OPTIONS' && !isJson(req))) {
        sendJson(res, 403, { error: 'Only the workbench itself may call the add-on.' });
        return true;
      }
      if (method === 'OPTIONS') {
        res.writeHead(204, cors).end();
        return true;
      }
      const call = parseBody(body) as {
        fn?: unknown;
        args?: unknown;
        user?: unknown;
        spreadsheetId?: unknown;
      };
      const reply = await ctx.rt.callFromHtml(
        String(call.fn ?? ''),
        Array.isArray(call.args) ? call.args : [],
        String(call.user ?? ''),
        String(call.spreadsheetId ?? ''),
      );
      ctx.changed();
      res.writeHead(200, { 'Content-Type': 'application/json', ...cors }).end(JSON.stringify(reply));
      return true;
    }
    const ui = /^\/wb\/ui\/(\d+)$/.exec(url.pathname);
    if (method === 'GET' && ui) {
      const user = url.searchParams.get('user') ?? '';
      const event = ctx.rt.world.ui.events.find((e) => e.seq === Number(ui[1]));
      if (!event || (event.kind !== 'sidebar' && event.kind !== 'dialog') || event.user !== user) {
        sendText(res, 404, 'text/plain', 'No such sidebar or dialog for this user');
        return true;
      }
      sendText(res, 200, 'text/html', ctx.host.withShim(event.html, user, event.spreadsheetId));
      return true;
    }
    const mail = /^\/wb\/mail\/(\d+)$/.exec(url.pathname);
    if (method === 'GET' && mail) {
      const message = ctx.rt.world.mail.sent[Number(mail[1])];
      if (!message) sendText(res, 404, 'text/plain', 'No such message');
      // The message is shown as the recipient's mail client would: its own document, no scripts.
      // A link to a form of the workbook opens that form in the workbench, signed in as the reader.
      else
        sendText(res, 200, 'text/html', mailPage(message, localLink(ctx, url.searchParams.get('as') ?? '')), {
          'Content-Security-Policy':
            "sandbox allow-popups allow-popups-to-escape-sandbox; default-src data:; style-src 'unsafe-inline'",
        });
      return true;
    }
    const route = /^\/wb\/api\/([a-z]+)$/.exec(url.pathname);
    const handler = route ? api[`${method} ${route[1]}`] : undefined;
    if (!handler) return false;
    if (method === 'POST' && (!isJson(req) || corsFor(req) === null)) {
      sendJson(res, 403, { error: 'Only the workbench itself may change the world.' });
      return true;
    }
    try {
      const input = method === 'GET' ? queryOf(url) : parseBody(body);
      sendJson(res, 200, (await handler(ctx, input, res, url)) ?? {});
    } catch (error) {
      if (error instanceof BadRequest || error instanceof SyntaxError)
        sendJson(res, 400, { error: error.message });
      else
        sendJson(res, 500, {
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
    }
    return true;
  };
}
