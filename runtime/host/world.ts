import { Clock } from './clock';
import { SpreadsheetStore } from './spreadsheet/store';
import { FormStore } from './form/store';
import { TriggerRegistry } from './services/triggers';
import { MailOutbox } from './services/mail';
import { PropertyStores } from './services/properties';
import { LockTable } from './services/lock';
import { CacheStores } from './services/cache';
import { UiRecorder } from './services/ui';
import { LogSink } from './services/logging';
import { ONE_WORKSPACE, parseAccounts } from './identity';
import type { Accounts } from './identity';
import { FaultPlan } from './faults';

export interface WorldOptions {
  /** The script's time zone (appsscript.json `timeZone`). */
  timeZone: string;
  /** HTML files of the project by name without extension (`Sidebar` for `Sidebar.html`). */
  htmlFiles: Record<string, string>;
  /**
   * MailApp's daily recipient quota, the same for every user; unset, each account has Google's for its
   * kind (100 on consumer accounts, 1,500 on Workspace).
   */
  mailDailyQuota?: number;
  /** The people's Google accounts (identity.ts): one Workspace domain unless given. */
  accounts?: Accounts;
  /**
   * Modelled milliseconds per real millisecond (default 1): the world's clock, the sandbox's `Date`,
   * Utilities.sleep, lock waits and the execution time limits all run this much faster, so a test can
   * reach the 6-minute limit in a fraction of a second.
   */
  timeScale?: number;
}

/**
 * Everything that outlives one execution: documents, triggers, properties, mail, locks, what the
 * user saw. One World is one set of Google accounts (identity.ts) with one add-on installed.
 */
export class World {
  readonly clock: Clock;
  readonly accounts: Accounts;
  readonly timeZone: string;
  readonly htmlFiles: Record<string, string>;
  readonly spreadsheets: SpreadsheetStore;
  readonly forms: FormStore;
  readonly triggers = new TriggerRegistry();
  readonly mail: MailOutbox;
  readonly properties = new PropertyStores();
  readonly locks = new LockTable();
  readonly cache: CacheStores;
  readonly ui = new UiRecorder();
  readonly logs = new LogSink();
  /**
   * Spreadsheets the add-on is enabled in: anyone has used it there (a menu item, a sidebar's call).
   * The add-on lifecycle guide: an add-on is enabled in a document "when anyone uses it there", and
   * its onOpen runs in AuthMode.LIMITED where it is enabled, AuthMode.NONE where it is not.
   */
  readonly addonEnabledIn = new Set<string>();
  /** Test-only fault injection (faults.ts); inert unless armed. */
  readonly faults = new FaultPlan();

  constructor(options: WorldOptions) {
    this.clock = new Clock(options.timeScale ?? 1);
    this.accounts = options.accounts === undefined ? ONE_WORKSPACE : parseAccounts(options.accounts);
    this.timeZone = options.timeZone;
    this.htmlFiles = options.htmlFiles;
    this.spreadsheets = new SpreadsheetStore(this);
    this.forms = new FormStore(this);
    this.mail = new MailOutbox(this, options.mailDailyQuota);
    this.cache = new CacheStores(this.clock);
  }
}
