import { GasError } from '../gas-object';
import { gasEnum } from '../gas-enum';
import { zonedFields } from '../time-zone';

export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export type EventTypeName = keyof typeof EventType;

export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;
export type TriggerSourceName = keyof typeof TriggerSource;

export const WeekDay = {
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
} as const;
export type WeekDayName = keyof typeof WeekDay;

/** The enums as scripts see them (objects: ../gas-enum.ts). */
export const EVENT_TYPE = gasEnum('ScriptApp.EventType', EventType);
export const TRIGGER_SOURCE = gasEnum('ScriptApp.TriggerSource', TriggerSource);
export const WEEK_DAY = gasEnum('ScriptApp.WeekDay', WeekDay);

/** When a time-driven trigger runs. Times of day are in `timeZone` (the script's unless `inTimezone`). */
export type ClockSchedule =
  | { kind: 'once'; atMs: number }
  | {
      kind: 'recurring';
      unit: 'minutes' | 'hours' | 'days' | 'weeks' | 'months';
      every: number;
      atHour: number | null;
      nearMinute: number | null;
      weekDay: WeekDayName | null;
      monthDay: number | null;
      timeZone: string;
    };

export interface TriggerRecord {
  /** Google's trigger ids are long decimal strings. */
  uid: string;
  handlerFunction: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  /** The spreadsheet or form id; null for time-driven triggers. */
  sourceId: string | null;
  /** Who created it: the trigger runs as this user. */
  owner: string;
  /** The document whose add-on created it (the active spreadsheet then), for the add-on limits. */
  documentId: string | null;
  createdAt: Date;
  schedule: ClockSchedule | null;
  /** Time-driven only: when it is due next (null once a one-off trigger has run). */
  nextRunAtMs: number | null;
}

/** Google's quotas page: "Triggers: 20 / user / script". */
export const MAX_TRIGGERS_PER_USER = 20;

const LIMIT_NOUN: Record<EventTypeName, string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_FORM_SUBMIT: 'form submit',
  ON_CHANGE: 'change',
  ON_EVENT_UPDATED: 'calendar',
};

/**
 * The installable triggers of the add-on, across every user and document, with the add-on limits:
 * one trigger of each event type per user per document, time-driven at most hourly, 20 per user.
 */
export class TriggerRegistry {
  private readonly triggers = new Map<string, TriggerRecord>();
  private nextUid = 1;

  list(): TriggerRecord[] {
    return [...this.triggers.values()];
  }
  byUid(uid: string): TriggerRecord | undefined {
    return this.triggers.get(uid);
  }
  /** Triggers of one document: created in it, or watching it. */
  forSpreadsheet(spreadsheetId: string): TriggerRecord[] {
    return this.list().filter((t) => t.documentId === spreadsheetId || t.sourceId === spreadsheetId);
  }
  forOwner(owner: string): TriggerRecord[] {
    return this.list().filter((t) => t.owner === owner);
  }
  /** The triggers an event fires: e.g. ('ON_FORM_SUBMIT', 'SPREADSHEETS', spreadsheetId). */
  matching(eventType: EventTypeName, source: TriggerSourceName, sourceId: string): TriggerRecord[] {
    return this.list().filter(
      (t) => t.eventType === eventType && t.source === source && t.sourceId === sourceId,
    );
  }
  remove(uid: string): boolean {
    return this.triggers.delete(uid);
  }
  clear(): void {
    this.triggers.clear();
  }

  /** Adds a trigger after checking Google's limits; `nowMs` anchors a recurring schedule. */
  add(trigger: Omit<TriggerRecord, 'uid' | 'nextRunAtMs'>, nowMs: number): TriggerRecord {
    const mine = this.forOwner(trigger.owner);
    if (mine.length >= MAX_TRIGGERS_PER_USER) {
      throw new GasError(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    if (mine.some((t) => t.documentId === trigger.documentId && t.eventType === trigger.eventType)) {
      throw new GasError(
        `This add-on has created too many ${LIMIT_NOUN[trigger.eventType]} triggers in this document for this Google user account.`,
      );
    }
    const uid = String(7_000_000_000_000_000 + this.nextUid++ * 7919);
    const record: TriggerRecord = {
      ...trigger,
      uid,
      nextRunAtMs: trigger.schedule ? nextRun(trigger.schedule, nowMs, nowMs) : null,
    };
    this.triggers.set(uid, record);
    return record;
  }

  /** Time-driven triggers due at `nowMs` (for whoever plays Google's scheduler). */
  due(nowMs: number): TriggerRecord[] {
    return this.list().filter((t) => t.nextRunAtMs !== null && t.nextRunAtMs <= nowMs);
  }

  /** Every trigger as plain data (runtime/persistence.ts). */
  exportState(): { nextUid: number; triggers: TriggerRecord[] } {
    return { nextUid: this.nextUid, triggers: this.list().map((t) => cloneTrigger(t)) };
  }

  /** Replaces every trigger with the saved ones. */
  importState(state: { nextUid: number; triggers: readonly TriggerRecord[] }): void {
    this.triggers.clear();
    this.nextUid = state.nextUid;
    for (const t of state.triggers) this.triggers.set(t.uid, cloneTrigger(t));
  }

  /** Records that a time-driven trigger ran at `atMs`; a one-off trigger never runs again. */
  markRan(uid: string, atMs: number): void {
    const t = this.triggers.get(uid);
    if (!t || !t.schedule) return;
    t.nextRunAtMs = t.schedule.kind === 'once' ? null : nextRun(t.schedule, t.createdAt.getTime(), atMs);
  }
}

function cloneTrigger(t: TriggerRecord): TriggerRecord {
  return { ...t, createdAt: new Date(t.createdAt.getTime()), schedule: t.schedule && { ...t.schedule } };
}

const UNIT_MS = { minutes: 60_000, hours: 3_600_000 } as const;
const DAY_MS = 86_400_000;
const ISO_WEEKDAY: Record<WeekDayName, number> = {
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
  SUNDAY: 7,
};

/**
 * The first run strictly after `afterMs`. Interval triggers count from their creation (Google picks
 * the minute itself); daily, weekly and monthly ones run at `atHour`:`nearMinute` in their zone.
 */
export function nextRun(schedule: ClockSchedule, anchorMs: number, afterMs: number): number {
  if (schedule.kind === 'once') return schedule.atMs;
  const { unit, every } = schedule;
  if (unit === 'minutes' || unit === 'hours') {
    const period = every * UNIT_MS[unit];
    const periods = Math.floor((afterMs - anchorMs) / period) + 1;
    return anchorMs + Math.max(1, periods) * period;
  }
  const hour = schedule.atHour ?? zonedFields(new Date(anchorMs), schedule.timeZone).hour;
  const minute = schedule.nearMinute ?? 0;
  const after = zonedFields(new Date(afterMs), schedule.timeZone);
  // Walk forward day by day (at most ~62 steps for a monthly trigger) to the next matching day.
  for (let day = 0; day < 400; day++) {
    const local = new Date(Date.UTC(after.year, after.month - 1, after.day + day));
    const candidate = localToUtc(
      local.getUTCFullYear(),
      local.getUTCMonth() + 1,
      local.getUTCDate(),
      hour,
      minute,
      schedule.timeZone,
    );
    if (candidate <= afterMs) continue;
    const f = zonedFields(new Date(candidate), schedule.timeZone);
    const daysSinceAnchor = Math.floor((candidate - anchorMs) / DAY_MS);
    if (unit === 'days' && daysSinceAnchor % every !== 0 && every > 1) continue;
    if (unit === 'weeks') {
      if (schedule.weekDay !== null && f.isoWeekday !== ISO_WEEKDAY[schedule.weekDay]) continue;
      if (every > 1 && Math.floor(daysSinceAnchor / 7) % every !== 0) continue;
    }
    if (unit === 'months' && f.day !== schedule.monthDay) continue;
    return candidate;
  }
  throw new Error(`nextRun: no run found for ${JSON.stringify(schedule)}`);
}

/** The instant at which the wall clock of `timeZone` reads the given local time. */
export function localToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  let guess = naive - zonedFields(new Date(naive), timeZone).offsetMinutes * 60_000;
  guess = naive - zonedFields(new Date(guess), timeZone).offsetMinutes * 60_000;
  return guess;
}
