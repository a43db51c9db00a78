/**
 * Saves a whole World to a JSON file and loads it back, so the local workbench survives restarts:
 * every spreadsheet (values, formulas, notes, formats, validations, protections, charts, tab
 * settings, per-user view state), forms and their responses, triggers, properties, caches, the mail
 * outbox and its quota counts, what the users were shown, and the clock's offset.
 *
 * Not saved: locks and executions in flight (nothing runs across a restart), the execution log, and
 * the project's code and HTML files (they come from dist/, rebuilt on every start).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { World } from './host/world';
import type { SpreadsheetState } from './host/spreadsheet/spreadsheet-model';
import type { FormStoreState } from './host/form/state';
import type { TriggerRecord } from './host/services/trigger-registry';
import type { SentMail } from './host/services/mail';
import type { PropertyStoresState } from './host/services/properties';
import type { CacheStoresState } from './host/services/cache';
import type { RecordedUiEvent } from './host/services/ui-recorder';

export const WORLD_STATE_VERSION = 1;

export interface WorldState {
  version: typeof WORLD_STATE_VERSION;
  /** Real time of the save, for people reading the file. */
  savedAt: string;
  /** The world clock's offset from real time (the workbench moves it forward to see due dates pass). */
  clockOffsetMs: number;
  /** The script time zone the world was made with; loading into another zone is refused. */
  timeZone: string;
  spreadsheets: SpreadsheetState[];
  forms: FormStoreState;
  triggers: { nextUid: number; triggers: TriggerRecord[] };
  mail: { sent: SentMail[]; used: [string, number][] };
  properties: PropertyStoresState;
  cache: CacheStoresState;
  ui: { seq: number; events: RecordedUiEvent[] };
  /** Spreadsheets the add-on is enabled in (World.addonEnabledIn); absent in saves made before it was kept. */
  addonEnabledIn?: string[];
}

export interface ExportOptions {
  /**
   * `all` keeps every recorded UI event; `latest` (for long-lived worlds) keeps what is still on
   * screen: each user's latest menus, sidebar and dialog per spreadsheet, and the last few alerts,
   * prompts and toasts. Default `all`.
   */
  ui?: 'all' | 'latest';
}

/** How many alerts, prompts and toasts `latest` keeps. */
const RECENT_MESSAGES = 50;

export function exportWorld(world: World, options: ExportOptions = {}): WorldState {
  const ui = world.ui.exportState();
  return {
    version: WORLD_STATE_VERSION,
    savedAt: new Date().toISOString(),
    clockOffsetMs: world.clock.offset,
    timeZone: world.timeZone,
    spreadsheets: world.spreadsheets.exportState(),
    forms: world.forms.exportState(),
    triggers: world.triggers.exportState(),
    mail: world.mail.exportState(),
    properties: world.properties.exportState(),
    cache: world.cache.exportState(),
    ui: options.ui === 'latest' ? { seq: ui.seq, events: latestUiEvents(ui.events) } : ui,
    addonEnabledIn: [...world.addonEnabledIn],
  };
}

/** Replaces everything in `world` with the saved state. */
export function importWorld(world: World, state: WorldState): void {
  if (state.version !== WORLD_STATE_VERSION) {
    throw new Error(
      `saved world has version ${String(state.version)}; this runtime reads version ${WORLD_STATE_VERSION}`,
    );
  }
  if (state.timeZone !== world.timeZone) {
    throw new Error(`saved world is in time zone ${state.timeZone}, the project in ${world.timeZone}`);
  }
  world.clock.setOffset(state.clockOffsetMs);
  // Spreadsheets before forms: a form's destination points at a tab.
  world.spreadsheets.importState(state.spreadsheets);
  world.forms.importState(state.forms);
  world.triggers.importState(state.triggers);
  world.mail.importState(state.mail);
  world.properties.importState(state.properties);
  world.cache.importState(state.cache);
  world.ui.importState(state.ui);
  // A save from before this was kept: its worlds opened every spreadsheet in LIMITED, so keep them so.
  const enabled = state.addonEnabledIn ?? state.spreadsheets.map((s) => s.id);
  world.addonEnabledIn.clear();
  for (const id of enabled) world.addonEnabledIn.add(id);
}

/** JSON with Dates kept as Dates (`{"$d": epochMs}`; an invalid Date as `{"$d": null}`). */
export function encodeWorldState(state: WorldState): string {
  return JSON.stringify(state, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    if (raw instanceof Date) {
      const t = raw.getTime();
      return { $d: Number.isNaN(t) ? null : t };
    }
    return value;
  });
}

export function decodeWorldState(text: string): WorldState {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === '$d') {
        const ms = (value as { $d: number | null }).$d;
        return new Date(ms === null ? NaN : ms);
      }
    }
    return value;
  }) as WorldState;
}

/** Writes the world to `file` (through a temporary file and a rename, so a crash never leaves half a file). */
export function saveWorldFile(world: World, file: string, options: ExportOptions = {}): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, encodeWorldState(exportWorld(world, options)));
  fs.renameSync(temporary, file);
}

/** Loads `file` into `world`; false when there is no such file (a first start). */
export function loadWorldFile(world: World, file: string): boolean {
  if (!fs.existsSync(file)) return false;
  importWorld(world, decodeWorldState(fs.readFileSync(file, 'utf8')));
  return true;
}

function latestUiEvents(events: readonly RecordedUiEvent[]): RecordedUiEvent[] {
  const latest = new Map<string, RecordedUiEvent>();
  const messages: RecordedUiEvent[] = [];
  for (const event of events) {
    if (event.kind === 'alert' || event.kind === 'prompt' || event.kind === 'toast') {
      messages.push(event);
      continue;
    }
    const title = event.kind === 'menu' ? `${String(event.addon)}:${event.title}` : '';
    latest.set(`${event.kind}|${event.spreadsheetId}|${event.user}|${title}`, event);
  }
  return [...latest.values(), ...messages.slice(-RECENT_MESSAGES)].sort((a, b) => a.seq - b.seq);
}
