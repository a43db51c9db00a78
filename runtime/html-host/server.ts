import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { shimSource } from './shim';
import type { LocalAppsScript } from '../index';

export interface HtmlHostOptions {
  /** Extra routes (the local workbench adds its own); return true when handled. */
  extraRoutes?: (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: string,
  ) => Promise<boolean> | boolean;
  port?: number;
}

/**
 * Serves the project's HTML files (dist/*.html, exactly as HtmlService would) with a
 * `google.script.run` shim, and runs the calls they make as executions of the local runtime.
 */
export class HtmlHost {
  private server?: http.Server;
  constructor(
    private readonly runtime: LocalAppsScript,
    private readonly options: HtmlHostOptions = {},
  ) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        this.route(req, res, body).catch((error: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String(error instanceof Error ? error.stack : error));
        });
      });
    });
    await new Promise<void>((resolve, reject) => {
      // A port already in use (EADDRINUSE) must fail start(), not crash the process later.
      this.server!.once('error', reject);
      this.server!.listen(this.options.port ?? 0, '127.0.0.1', () => {
        this.server!.off('error', reject);
        resolve();
      });
    });
    return this.origin;
  }

  get origin(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('HtmlHost is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  /** URL of a project HTML file opened by `user` in `spreadsheetId`. */
  pageUrl(file: string, user: string, spreadsheetId: string): string {
    const q = new URLSearchParams({ user, ss: spreadsheetId });
    return `${this.origin}/page/${encodeURIComponent(file)}?${q}`;
  }

  /**
   * URL of the sidebar `user` was last shown in `spreadsheetId`: the page as the execution that showed
   * it made it (anything it appended, such as first data, included), as Google serves that output.
   */
  shownSidebarUrl(user: string, spreadsheetId: string): string {
    const q = new URLSearchParams({ user, ss: spreadsheetId });
    return `${this.origin}/shown/sidebar?${q}`;
  }

  /** An HTML document (a sidebar's content as shown) with the shim injected for `user`. */
  withShim(html: string, user: string, spreadsheetId: string): string {
    // Same-origin path: the page is always served by this host (or a server that mounts its routes).
    const shim = `<script>${shimSource({
      user,
      spreadsheetId,
      rpcPath: '/rpc',
      functions: this.runtime.serverFunctions(),
    })}</script>`;
    return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${shim}`) : shim + html;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (this.options.extraRoutes && (await this.options.extraRoutes(req, res, body))) return;
    if (req.method === 'GET' && url.pathname.startsWith('/page/')) {
      const name = decodeURIComponent(url.pathname.slice('/page/'.length));
      const html = this.runtime.world.htmlFiles[name];
      if (html === undefined) {
        res.writeHead(404).end(`No HTML file named ${name}`);
        return;
      }
      const page = this.withShim(html, url.searchParams.get('user') ?? '', url.searchParams.get('ss') ?? '');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/shown/sidebar') {
      const user = url.searchParams.get('user') ?? '';
      const ss = url.searchParams.get('ss') ?? '';
      const shown = this.runtime.world.ui.lastSidebar(ss, user);
      if (!shown) {
        res.writeHead(404).end(`No sidebar was shown to ${user}`);
        return;
      }
      const page = this.withShim(shown.html, user, ss);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/rpc') {
      const call = JSON.parse(body) as { fn: string; args: unknown[]; user: string; spreadsheetId: string };
      const reply = await this.runtime.callFromHtml(call.fn, call.args, call.user, call.spreadsheetId);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply));
      return;
    }
    res.writeHead(404).end('not found');
  }
}
