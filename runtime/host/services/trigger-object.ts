/**
 * The Trigger objects ScriptApp hands back, and the one place a builder's create() records a trigger
 * in the world's registry (./trigger-registry). Shared by ScriptApp (./triggers) and the builders
 * (./trigger-builders), so neither has to import the other.
 */
import { GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import type { ClockSchedule, EventTypeName, TriggerRecord, TriggerSourceName } from './trigger-registry';
import { EVENT_TYPE, TRIGGER_SOURCE } from './trigger-registry';
import type { GasEnumValue } from '../gas-enum';

/** A Spreadsheet or Form object (another service's GasObject) or its id. */
export function documentId(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value instanceof GasObject) {
    const getId = (value as unknown as { getId?: unknown }).getId;
    if (typeof getId === 'function') return String((getId as () => unknown).call(value));
  }
  return null;
}

/** Common tail of the builders: Google checks the limits only at create(). */
/**
 * The document the add-on is being used in: the active one, or, in a run of a time-driven trigger
 * (which has none), the document that trigger was made for. Null elsewhere.
 */
export function documentInUse(ctx: ExecutionContext): string | null {
  if (ctx.activeSpreadsheetId) return ctx.activeSpreadsheetId;
  const running = ctx.triggerUid ? ctx.world.triggers.byUid(ctx.triggerUid) : undefined;
  return running?.documentId ?? null;
}

export function createTrigger(
  ctx: ExecutionContext,
  fields: {
    handlerFunction: string;
    eventType: EventTypeName;
    source: TriggerSourceName;
    sourceId: string | null;
    schedule: ClockSchedule | null;
  },
): Trigger {
  const now = ctx.world.clock.now();
  const record = ctx.world.triggers.add(
    {
      ...fields,
      owner: ctx.effectiveUserEmail,
      documentId: documentInUse(ctx) ?? fields.sourceId,
      createdAt: now,
    },
    now.getTime(),
  );
  return new Trigger(record);
}

/** A script-visible snapshot of one installable trigger. */
export class Trigger extends GasObject {
  readonly gasClass = 'Trigger';
  readonly gasService = 'Script' as const;
  constructor(private readonly record: TriggerRecord) {
    super();
  }
  getUniqueId(): string {
    return this.record.uid;
  }
  getHandlerFunction(): string {
    return this.record.handlerFunction;
  }
  getEventType(): GasEnumValue<EventTypeName> {
    return EVENT_TYPE.value(this.record.eventType);
  }
  getTriggerSource(): GasEnumValue<TriggerSourceName> {
    return TRIGGER_SOURCE.value(this.record.source);
  }
  /** Reference: the spreadsheet or form id; null for time-driven triggers. */
  getTriggerSourceId(): string | null {
    return this.record.sourceId;
  }
}
