import type { AuthMode } from './auth';
import type { World } from './world';
import type { SessionIdentity } from './identity';
import type { LockHold } from './cost-trace';

/** What one execution did, for tests and the benchmark to read. */
export interface ExecutionStats {
  /** Service calls by `Class.method`, e.g. `Range.getValues`. */
  calls: Record<string, number>;
  /** Service calls by family (`Spreadsheet`, `Mail`…), local accessors included. */
  callsByService: Record<string, number>;
  /**
   * Calls that reach Google's backend, by family and kind (see call-cost.ts): e.g.
   * `backend.Spreadsheet.read`. "Spreadsheet calls" in budgets are `read + write` of `Spreadsheet`.
   */
  backend: Record<string, { touch: number; read: number; write: number }>;
  cellsRead: number;
  cellsWritten: number;
  /** Spreadsheet reads Google's read cache would answer (cost-trace.ts); included in `backend`. */
  cachedReads: number;
  /** Cells covered by structural calls: validation or protection ranges, rows inserted or deleted. */
  structuralCells: number;
  emailsSent: number;
  emailRecipients: number;
  lockWaits: number;
  lockWaitMs: number;
  /** Wall time spent inside service calls (host work plus transport), ms. */
  serviceMs: number;
  /** Time to load `Code.js` into the fresh context, ms. */
  loadMs: number;
  /** Wall time of the whole execution, ms. */
  totalMs: number;
  /**
   * CPU time of the script's own thread while its function ran (after loading Code.js), ms: service
   * calls are not in it, neither their waiting nor the sandbox's encoding of their arguments and
   * decoding of their replies (the cost model prices each call and cell), nor the entry point's
   * arguments and result crossing from and to the host. NaN where the platform cannot tell.
   */
  scriptCpuMs: number;
  /** Every lock taken and given back, with what the execution did meanwhile (cost-trace.ts). */
  lockHolds: LockHold[];
}

/** Reads plus writes that reached the Sheets backend: what the budgets call "Spreadsheet calls". */
export function spreadsheetCalls(stats: ExecutionStats): number {
  const s = stats.backend.Spreadsheet;
  return s ? s.read + s.write : 0;
}

export function emptyStats(): ExecutionStats {
  return {
    calls: {},
    callsByService: {},
    backend: {},
    cellsRead: 0,
    cellsWritten: 0,
    cachedReads: 0,
    structuralCells: 0,
    emailsSent: 0,
    emailRecipients: 0,
    lockWaits: 0,
    lockWaitMs: 0,
    serviceMs: 0,
    loadMs: 0,
    totalMs: 0,
    scriptCpuMs: NaN,
    lockHolds: [],
  };
}

/** How an execution was started, which decides what Apps Script lets it do. */
export type ExecutionKind =
  | 'simple-trigger' // onOpen/onInstall/onEdit: AuthMode.LIMITED (or NONE), no authorization-requiring services
  | 'installable-trigger' // form submit, edit, time-driven: AuthMode.FULL, runs as the trigger's owner
  | 'script-run' // google.script.run from a sidebar or dialog, or a menu item: AuthMode.FULL as the user
  | 'editor-run'; // run from the script editor

/** Everything a service object needs to know about the execution it serves. */
export interface ExecutionContext {
  readonly executionId: number;
  readonly world: World;
  readonly kind: ExecutionKind;
  readonly authMode: AuthMode;
  /** The person at the keyboard (whose UI and selection the execution sees), revealed or not. */
  readonly activeUserEmail: string;
  /** Whose authority the script runs with (the trigger owner for installable triggers): whose user
   * properties, user lock, user cache, triggers and mail quota it uses. */
  readonly effectiveUserEmail: string;
  /** What `Session` and `e.user` show: '' where Google would not reveal the user (identity.ts). */
  readonly session: SessionIdentity;
  /** The container document: null for time-driven executions, as in Apps Script. */
  readonly activeSpreadsheetId: string | null;
  /** The trigger that started this execution, if any. */
  readonly triggerUid: string | null;
  /** The manifest's `oauthScopes`: a call needing a scope not listed fails as it would for a user. */
  readonly oauthScopes: readonly string[];
  readonly stats: ExecutionStats;
}
