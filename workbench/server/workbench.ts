/**
 * The local workbench: the real add-on (dist/) in the local Apps Script runtime, one demo workbook,
 * served to a browser. `startWorkbench` is what `npm start` runs and what the browser tests start
 * in-process on a free port.
 */
import fs from 'node:fs';
import net from 'node:net';
import { LocalAppsScript } from '../../runtime';
import { HtmlHost } from '../../runtime/html-host/server';
import { loadWorldFile } from '../../runtime/persistence';
import { StateSaver } from './state-saver';
import { createDemoWorkbook, createWorkbook, WORKBOOK_NAME } from './seed-workbook';
import { buildClient, type ClientAssets } from './client-assets';
import { routes } from './routes';

export interface WorkbenchOptions {
  /** Port to listen on; 0 (the default) takes a free one. Taken ports fall back to a free one. */
  port?: number;
  /** File the world is saved to after every action; null keeps it in memory only. */
  statePath?: string | null;
  /** Deletes the saved state first (`npm start -- --reset`). */
  reset?: boolean;
  /** What a first start creates: the workbook with weeks of demo history, or just the set-up workbook and staff. */
  seed?: 'demo' | 'workbook';
  /** Days of demo history (default 42). */
  demoDays?: number;
  /** dist/ folder (default: $WO_DIST_DIR, else ./dist). */
  distDir?: string;
  log?: (message: string) => void;
}

export interface Workbench {
  /** http://localhost:<port> */
  url: string;
  port: number;
  rt: LocalAppsScript;
  spreadsheetId: string;
  formId: string;
  /** Writes the saved state now (no-op without a state file). */
  flush(): void;
  close(): Promise<void>;
}

/** Everything a route handler needs. */
export interface WorkbenchContext {
  rt: LocalAppsScript;
  host: HtmlHost;
  spreadsheetId: string;
  formId: string;
  assets: ClientAssets;
  /** Increases after anything that may have changed what is on screen. */
  revision(): number;
  /** Call after an action: bumps the revision and schedules a save. */
  changed(): void;
}

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const log = options.log ?? (() => {});
  const statePath = options.statePath ?? null;
  if (statePath && options.reset) fs.rmSync(statePath, { force: true });

  const rt = LocalAppsScript.load({ distDir: options.distDir });
  const restored = statePath !== null && loadWorldFile(rt.world, statePath);
  let ids = restored ? findWorkbook(rt) : null;
  if (restored && !ids) log(`${statePath} holds no ${WORKBOOK_NAME} workbook: starting a new one`);
  if (!ids && (options.seed ?? 'demo') === 'demo') {
    log('First start: playing several weeks of demo history through the add-on (takes about 20 seconds)…');
    const demo = await createDemoWorkbook(rt, { days: options.demoDays });
    log(demo.summary);
    ids = demo.ids;
  } else if (!ids) {
    ids = await createWorkbook(rt);
  } else {
    log(`Loaded the saved workbench from ${statePath}`);
  }
  const { spreadsheetId, formId } = ids;

  const saver = new StateSaver(rt.world, statePath, log);
  let revision = 1;
  const assets = await buildClient();
  const port = await freePort(options.port ?? 0);
  // The routes need the host (to inject google.script.run into pages) and the host needs the routes.
  const holder: { context?: WorkbenchContext } = {};
  const host = new HtmlHost(rt, { port, extraRoutes: routes(() => holder.context!) });
  holder.context = {
    rt,
    host,
    spreadsheetId,
    formId,
    assets,
    revision: () => revision,
    changed: () => {
      revision++;
      saver.schedule();
    },
  };
  await host.start();
  // Save the freshly created (or seeded) world at once, so a crash before the first action keeps it.
  if (!restored) saver.flush();

  return {
    url: `http://localhost:${port}`,
    port,
    rt,
    spreadsheetId,
    formId,
    flush: () => saver.flush(),
    close: async () => {
      saver.flush();
      await host.close();
      await rt.close();
    },
  };
}

/** The demo workbook of a loaded world: its spreadsheet and the form that feeds it. */
function findWorkbook(rt: LocalAppsScript): { spreadsheetId: string; formId: string } | null {
  for (const spreadsheet of rt.world.spreadsheets.all()) {
    const form = rt.world.forms.linkedTo(spreadsheet.id);
    if (form && spreadsheet.name === WORKBOOK_NAME) return { spreadsheetId: spreadsheet.id, formId: form.id };
  }
  return null;
}

/** `wanted` if it can be listened on, else a free port the system picks (0 always picks one). */
async function freePort(wanted: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address() as net.AddressInfo;
        server.close(() => resolve(address.port));
      });
    });
  return (await tryPort(wanted)) ?? (await tryPort(0))!;
}
