import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { World } from './host/world';
import { Executor } from './host/executor';
import type { ExecutionOutcome } from './host/executor';
import { emptyStats } from './host/execution';
import { endAllHolds } from './host/cost-trace';
import type { ExecutionContext, ExecutionKind } from './host/execution';
import { AuthMode } from './host/auth';
import { sessionIdentity } from './host/identity';
import type { Accounts } from './host/identity';
import { createGlobals } from './host/globals';
import { pageValue, serverFunctions } from './host/server-functions';
import { installAddon } from './host/install';
import { editCells, fireChange, openSpreadsheet, runDueTimeDrivenTriggers, submitForm } from './host/events';
import type { ChangeType, FormSubmission, UserEditOutcome } from './host/events';
import type { Submission } from './host/form/submission';
import { isValidTimeZone } from './host/time-zone';
import { changeSpreadsheetTimeZone } from './host/spreadsheet/time-zone-change';

export { AuthMode, Scope } from './host/auth';
export type { ExecutionContext, ExecutionKind, ExecutionStats } from './host/execution';
export type { ExecutionOutcome } from './host/executor';
export type { CostCounters, LockHold } from './host/cost-trace';
export { World } from './host/world';
export type { Accounts } from './host/identity';

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
  /** Folder holding Code.js, appsscript.json and the HTML files (default: $WO_DIST_DIR, else ./dist). */
  distDir?: string;
  mailDailyQuota?: number;
  /**
   * The people's Google accounts, which decide whom Session and `e.user` reveal (host/identity.ts):
   * `{ kind: 'workspace' }` (default: one Workspace domain), `{ kind: 'consumer' }` or
   * `{ kind: 'mixed', workspaceDomains: ['example.com'] }`.
   */
  accounts?: Accounts;
  /** Modelled ms per real ms (default 1): makes the world's clock and execution limits run faster. */
  timeScale?: number;
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
  private readonly defined = new Map<string, boolean>();

  private constructor(
    source: string,
    readonly manifest: Manifest,
    htmlFiles: Record<string, string>,
    options: LoadOptions,
  ) {
    this.code = { source, key: crypto.createHash('sha256').update(source).digest('hex') };
    this.world = new World({
      timeZone: manifest.timeZone,
      htmlFiles,
      mailDailyQuota: options.mailDailyQuota,
      accounts: options.accounts,
      timeScale: options.timeScale,
    });
  }

  static load(options: LoadOptions = {}): LocalAppsScript {
    const dir = path.resolve(options.distDir ?? process.env.WO_DIST_DIR ?? 'dist');
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
  static fromSource(
    source: string,
    manifest: Partial<Manifest> = {},
    options: LoadOptions = {},
  ): LocalAppsScript {
    const full: Manifest = {
      timeZone: 'Etc/UTC',
      runtimeVersion: 'V8',
      oauthScopes: [],
      ...manifest,
    };
    return new LocalAppsScript(source, full, {}, options);
  }

  /**
   * Whether the project defines the top-level function `name` (read from the source, as Apps Script
   * runs a simple trigger such as onEdit only when the project has it).
   */
  definesFunction(name: string): boolean {
    const known = this.defined.get(name);
    if (known !== undefined) return known;
    const found = this.declares(name);
    this.defined.set(name, found);
    return found;
  }

  private declares(name: string): boolean {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
    const declared = new RegExp(`(^|[;}\\s])(function\\s+${name}\\s*\\(|(var|let|const)\\s+${name}\\s*=)`);
    return declared.test(this.code.source);
  }

  /** The functions a page may call through google.script.run (public top-level functions). */
  serverFunctions(): readonly string[] {
    return serverFunctions(this.code.source, this.code.key);
  }

  /** Runs one execution of a top-level function, as Apps Script would start it. */
  async run(entry: string, options: RunOptions): Promise<ExecutionRecord> {
    const kind = options.kind ?? 'script-run';
    const effectiveUser = options.effectiveUser ?? options.user;
    const developer = options.spreadsheetId
      ? (this.world.spreadsheets.get(options.spreadsheetId)?.ownerEmail ?? null)
      : null;
    const ctx: ExecutionContext = {
      executionId: this.executor.newExecutionId(),
      world: this.world,
      kind,
      authMode: options.authMode ?? (kind === 'simple-trigger' ? AuthMode.LIMITED : AuthMode.FULL),
      activeUserEmail: options.user,
      effectiveUserEmail: effectiveUser,
      session: sessionIdentity(this.world.accounts, { kind, user: options.user, effectiveUser, developer }),
      activeSpreadsheetId: options.spreadsheetId,
      triggerUid: options.triggerUid ?? null,
      oauthScopes: this.manifest.oauthScopes ?? [],
      stats: emptyStats(),
    };
    // Someone using the add-on in a document (a menu item, a sidebar's call) enables it there.
    if (kind === 'script-run' && options.spreadsheetId) this.world.addonEnabledIn.add(options.spreadsheetId);
    const args = options.args;
    const makeArgs = typeof args === 'function' ? args : () => args ?? [];
    const outcome = await this.executor.execute(ctx, this.code, entry, createGlobals(ctx), makeArgs, () => {
      endAllHolds(ctx);
      this.world.locks.releaseAll(ctx.executionId);
    });
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

  // ---- What people do (each starts the executions Google would start) ----

  /** A new spreadsheet owned by `owner`, in the script's time zone unless given. */
  createSpreadsheet(name: string, owner: string, timeZone?: string): string {
    return this.world.spreadsheets.create(name, owner, timeZone ? { timeZone } : undefined).id;
  }

  /**
   * An editor changes File › Settings › Time zone: no trigger runs (the change is no edit), and every
   * date cell keeps its wall clock, so scripts read it as another instant (as setSpreadsheetTimeZone).
   */
  changeSpreadsheetTimeZone(spreadsheetId: string, timeZone: string): void {
    if (!isValidTimeZone(timeZone)) throw new Error(`not a time zone: ${timeZone}`);
    changeSpreadsheetTimeZone(this.world.spreadsheets.require(spreadsheetId), timeZone);
  }

  /**
   * `user` opens the spreadsheet: the simple onOpen trigger runs (LIMITED, or NONE before first use),
   * then the installable open triggers. Returns the simple trigger's execution.
   */
  openSpreadsheet(spreadsheetId: string, user: string, authMode?: AuthMode): Promise<ExecutionRecord | null> {
    return openSpreadsheet(this, spreadsheetId, user, authMode);
  }

  /** `user` installs the add-on while in the spreadsheet: enabled there, onInstall runs (FULL). */
  installAddon(spreadsheetId: string, user: string): Promise<ExecutionRecord | null> {
    return installAddon(this, spreadsheetId, user);
  }

  /** `user` picks a menu item: the named function runs as them, with full authorization. */
  runMenuItem(spreadsheetId: string, user: string, functionName: string): Promise<ExecutionRecord> {
    return this.run(functionName, { user, spreadsheetId, kind: 'script-run' });
  }

  /** A respondent submits the form; the form's own, then the spreadsheet's form-submit triggers fire. */
  submitForm(formId: string, submission: Submission): Promise<FormSubmission> {
    return submitForm(this, formId, submission);
  }

  /**
   * `user` changed the spreadsheet's structure or formats (the test makes the change on the model
   * first): the installable change triggers fire with `changeType`.
   */
  changeSpreadsheet(spreadsheetId: string, user: string, changeType: ChangeType): Promise<ExecutionRecord[]> {
    return fireChange(this, spreadsheetId, user, changeType);
  }

  /**
   * `user` types (or, with `paste`, pastes) `values` at (row, column); the edit triggers fire. A grid
   * of more than one cell is always a paste.
   */
  editCells(request: {
    spreadsheetId: string;
    sheetName: string;
    row: number;
    column: number;
    values: string[][];
    user: string;
    paste?: boolean;
  }): Promise<UserEditOutcome> {
    return editCells(this, request);
  }

  /** Time passes: every due time-driven trigger runs (or every one, with `all`). */
  runTimeDrivenTriggers(options: { all?: boolean } = {}): Promise<ExecutionRecord[]> {
    return runDueTimeDrivenTriggers(this, options);
  }

  /**
   * A call from a sidebar or dialog through google.script.run. Its rules: only public top-level
   * functions (a name ending in `_` is private; the page has no method for any other name, and a
   * request forged past it is refused here), and a return value holding a Date arrives as null.
   */
  async callFromHtml(
    fn: string,
    args: unknown[],
    user: string,
    spreadsheetId: string,
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
    if (!this.serverFunctions().includes(fn)) {
      return { ok: false, error: `Script function not found: ${fn}` };
    }
    const record = await this.run(fn, { user, spreadsheetId, kind: 'script-run', args });
    // The failure handler's message is what the script threw as a string: "Error: boom" for
    // `throw new Error('boom')` (pages strip that "Error: " prefix themselves), "boom" for a thrown
    // string; a failure of Apps Script's own (the time limit) is its message alone.
    if (!record.ok)
      return { ok: false, error: record.error?.text ?? record.error?.message ?? 'Unknown error' };
    return { ok: true, value: pageValue(record.value) };
  }

  async close(): Promise<void> {
    await this.executor.close();
  }
}
