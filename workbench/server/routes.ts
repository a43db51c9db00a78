/**
 * The workbench's pages and HTTP routes: the page and its assets, google.script.run from sidebars and
 * dialogs (/rpc), a sidebar or dialog as its user sees it, a sent message, and the API under /wb/api/
 * (its handlers in ./api-handlers.ts), with the checks that only the workbench itself may call them.
 */
import type http from 'node:http';
import type { WorkbenchContext } from './workbench';
import { BadRequest, parseBody, queryOf, sendJson, sendText } from './http';
import { mailPage } from './outbox';
import { api } from './api-handlers';

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
