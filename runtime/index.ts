import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { World } from './host/world';
import { Executor } from './host/executor';
import type { ExecutionOutcome } from './host/executor';
import { emptyStats } from './host/execution';
import type { ExecutionContext, ExecutionKind } from './host/execution';
import { AuthMode } from './host/auth';
import { createGlobals } from './host/globals';

export { AuthMode, Scope } from './host/auth';
export type { ExecutionContext, ExecutionKind, ExecutionStats } from './host/execution';
export type { ExecutionOutcome } from './host/executor';
export { World } from './host/world';

/** The parts of appsscript.json the runtime honours. */
export interface Manifest {
  timeZone: string;
  runtimeVersion: string;
  oauthScopes: string[];
  [key: string]: unknown;
}

export interface RunOptions {
  /** The user at the keyboard (or the trigger's owner). */
  user: string;
  kind?: ExecutionKind;
  /** Default: LIMITED for simple triggers, FULL otherwise. */
  authMode?: AuthMode;
  /** The container spreadsheet; null for time-driven executions. */
  spreadsheetId: string | null;
  /** Arguments, or a factory for arguments that hold host objects bound to the execution (event ranges). */
  args?: unknown[] | ((ctx: ExecutionContext) => unknown[]);
  triggerUid?: string | null;
  effectiveUser?: string;
}

export interface ExecutionRecord extends ExecutionOutcome {
  entry: string;
  user: string;
  kind: ExecutionKind;
}

export interface LoadOptions {
  /** Folder holding Code.js, appsscript.json and the HTML files (default: ./dist). */
  distDir?: string;
  mailDailyQuota?: number;
}

/**
 * The local Apps Script runtime: one add-on project (the very `dist/` that `clasp push` uploads)
 * installed in one world of documents and users.
 */
export class LocalAppsScript {
  readonly world: World;
  readonly executions: ExecutionRecord[] = [];
  private readonly executor = new Executor();
  private readonly code: { source: string; key: string };

  private constructor(
    source: string,
    readonly manifest: Manifest,
    htmlFiles: Record<string, string>,
    options: LoadOptions,
  ) {
    this.code = { source, key: crypto.createHash('sha256').update(source).digest('hex') };
    this.world = new World({ timeZone: manifest.timeZone, htmlFiles, mailDailyQuota: options.mailDailyQuota });
  }

  static load(options: LoadOptions = {}): LocalAppsScript {
    const dir = path.resolve(options.distDir ?? 'dist');
    const read = (name: string) => {
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
      return fs.readFileSync(file, 'utf8');
    };
    const manifest = JSON.parse(read('appsscript.json')) as Manifest;
    const htmlFiles: Record<string, string> = {};
    for (const name of fs.readdirSync(dir)) {
      if (name.endsWith('.html')) htmlFiles[name.slice(0, -'.html'.length)] = read(name);
    }
    return new LocalAppsScript(read('Code.js'), manifest, htmlFiles, options);
  }

  /** For runtime conformance tests: a project made of the given source instead of dist/. */
  static fromSource(source: string, manifest: Partial<Manifest> = {}, options: LoadOptions = {}): LocalAppsScript {
    const full: Manifest = {
      timeZone: 'Etc/UTC',
      runtimeVersion: 'V8',
      oauthScopes: [],
      ...manifest,
    };
    return new LocalAppsScript(source, full, {}, options);
  }

  /** Runs one execution of a top-level function, as Apps Script would start it. */
  async run(entry: string, options: RunOptions): Promise<ExecutionRecord> {
    const kind = options.kind ?? 'script-run';
    const ctx: ExecutionContext = {
      executionId: this.executor.newExecutionId(),
      world: this.world,
      kind,
      authMode: options.authMode ?? (kind === 'simple-trigger' ? AuthMode.LIMITED : AuthMode.FULL),
      activeUserEmail: options.user,
      effectiveUserEmail: options.effectiveUser ?? options.user,
      activeSpreadsheetId: options.spreadsheetId,
      triggerUid: options.triggerUid ?? null,
      oauthScopes: this.manifest.oauthScopes ?? [],
      stats: emptyStats(),
    };
    const args = options.args;
    const makeArgs = typeof args === 'function' ? args : () => args ?? [];
    const outcome = await this.executor.execute(ctx, this.code, entry, createGlobals(ctx), makeArgs, () =>
      this.world.locks.releaseAll(ctx.executionId),
    );
    const record: ExecutionRecord = { ...outcome, entry, user: options.user, kind };
    this.executions.push(record);
    return record;
  }

  /**
   * Runs the given executions with strict interleaving at service-call boundaries (see Executor):
   * the schedule under which a missing lock shows up as a lost update.
   */
  async interleaved<T>(body: () => Promise<T>): Promise<T> {
    this.executor.mode = 'interleaved';
    try {
      return await body();
    } finally {
      this.executor.mode = 'parallel';
    }
  }

  async close(): Promise<void> {
    await this.executor.close();
  }
}
