import { GasError, GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { AuthMode } from '../auth';
import { overload, signatureError } from '../args';
import { EventType, TriggerSource, WeekDay, localToUtc } from './trigger-registry';
import type {
  ClockSchedule,
  EventTypeName,
  TriggerRecord,
  TriggerSourceName,
  WeekDayName,
} from './trigger-registry';

export {
  TriggerRegistry,
  EventType,
  TriggerSource,
  WeekDay,
  nextRun,
  MAX_TRIGGERS_PER_USER,
} from './trigger-registry';
export type {
  TriggerRecord,
  ClockSchedule,
  EventTypeName,
  TriggerSourceName,
  WeekDayName,
} from './trigger-registry';

export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;

/** The local project's script id (Apps Script ids are 57-character strings). */
export const LOCAL_SCRIPT_ID = '1LocalAppsScriptProjectWorkOrdersForGoogleSheets0000000000';

/**
 * Reference (editor add-on triggers): "Time-driven triggers cannot run more frequently than once per
 * hour." Google's exact wording for the refusal is not published; this says the same thing.
 */
export const ADDON_CLOCK_TOO_FREQUENT =
  'Add-ons cannot create time-based triggers that run more frequently than once per hour.';

/** A Spreadsheet or Form object (another service's GasObject) or its id. */
function documentId(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value instanceof GasObject) {
    const getId = (value as unknown as { getId?: unknown }).getId;
    if (typeof getId === 'function') return String((getId as () => unknown).call(value));
  }
  return null;
}

class ScriptAppService extends GasObject {
  readonly gasClass = 'ScriptApp';
  readonly gasService = 'Script' as const;
  constructor(readonly ctx: ExecutionContext) {
    super();
  }
  override _staticProperties(): Record<string, unknown> {
    return { AuthMode, AuthorizationStatus, EventType, TriggerSource, WeekDay };
  }

  newTrigger(functionName: string): TriggerBuilder {
    overload(this.gasClass, 'newTrigger', arguments, ['string']);
    return new TriggerBuilder(this.ctx, functionName);
  }

  /** Reference: the installable triggers "associated with the current project and current user". */
  getProjectTriggers(): Trigger[] {
    overload(this.gasClass, 'getProjectTriggers', arguments, []);
    return this.ctx.world.triggers.forOwner(this.ctx.effectiveUserEmail).map((t) => new Trigger(t));
  }

  /** Reference: the triggers "owned by this user in the given spreadsheet [or form]". */
  getUserTriggers(document: unknown): Trigger[] {
    const id = arguments.length === 1 ? documentId(document) : null;
    if (id === null || typeof document === 'string')
      throw signatureError(this.gasClass, 'getUserTriggers', arguments);
    return this.ctx.world.triggers
      .forOwner(this.ctx.effectiveUserEmail)
      .filter((t) => t.documentId === id || t.sourceId === id)
      .map((t) => new Trigger(t));
  }

  deleteTrigger(trigger: Trigger): void {
    if (arguments.length !== 1 || !(trigger instanceof Trigger))
      throw signatureError(this.gasClass, 'deleteTrigger', arguments);
    const record = this.ctx.world.triggers.byUid(trigger.getUniqueId());
    // A user can neither see nor delete another user's triggers.
    if (record && record.owner === this.ctx.effectiveUserEmail) this.ctx.world.triggers.remove(record.uid);
  }

  getScriptId(): string {
    return LOCAL_SCRIPT_ID;
  }

  getOAuthToken(): string {
    return `ya29.local-${this.ctx.executionId}`;
  }

  /**
   * The local runtime has no consent screen: a user who can run the add-on has authorized the
   * manifest's scopes, so the status is always NOT_REQUIRED.
   */
  getAuthorizationInfo(authMode: string): AuthorizationInfo {
    overload(this.gasClass, 'getAuthorizationInfo', arguments, ['string'], ['string', 'any']);
    if (!(authMode in AuthMode)) throw signatureError(this.gasClass, 'getAuthorizationInfo', arguments);
    return new AuthorizationInfo([...this.ctx.oauthScopes]);
  }
}

class AuthorizationInfo extends GasObject {
  readonly gasClass = 'AuthorizationInfo';
  readonly gasService = 'Script' as const;
  constructor(private readonly scopes: string[]) {
    super();
  }
  getAuthorizationStatus(): string {
    return AuthorizationStatus.NOT_REQUIRED;
  }
  getAuthorizationUrl(): string | null {
    return null;
  }
  getAuthorizedScopes(): string[] {
    return [...this.scopes];
  }
}

class TriggerBuilder extends GasObject {
  readonly gasClass = 'TriggerBuilder';
  readonly gasService = 'Script' as const;
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly functionName: string,
  ) {
    super();
  }
  forSpreadsheet(spreadsheet: unknown): SpreadsheetTriggerBuilder {
    const id = arguments.length === 1 ? documentId(spreadsheet) : null;
    if (id === null) throw signatureError(this.gasClass, 'forSpreadsheet', arguments);
    return new SpreadsheetTriggerBuilder(this.ctx, this.functionName, id);
  }
  forForm(form: unknown): FormTriggerBuilder {
    const id = arguments.length === 1 ? documentId(form) : null;
    if (id === null) throw signatureError(this.gasClass, 'forForm', arguments);
    return new FormTriggerBuilder(this.ctx, this.functionName, id);
  }
  timeBased(): ClockTriggerBuilder {
    overload(this.gasClass, 'timeBased', arguments, []);
    return new ClockTriggerBuilder(this.ctx, this.functionName);
  }
}

/** Common tail of the builders: Google checks the limits only at create(). */
function createTrigger(
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
      documentId: ctx.activeSpreadsheetId ?? fields.sourceId,
      createdAt: now,
    },
    now.getTime(),
  );
  return new Trigger(record);
}

abstract class DocumentTriggerBuilder extends GasObject {
  readonly gasService = 'Script' as const;
  protected eventType: EventTypeName | null = null;
  protected abstract readonly source: TriggerSourceName;
  constructor(
    protected readonly ctx: ExecutionContext,
    protected readonly functionName: string,
    protected readonly sourceId: string,
  ) {
    super();
  }
  protected _on(method: string, args: IArguments, eventType: EventTypeName): this {
    overload(this.gasClass, method, args, []);
    this.eventType = eventType;
    return this;
  }
  create(): Trigger {
    overload(this.gasClass, 'create', arguments, []);
    if (this.eventType === null)
      throw new GasError('Trigger event type must be specified before calling create().');
    return createTrigger(this.ctx, {
      handlerFunction: this.functionName,
      eventType: this.eventType,
      source: this.source,
      sourceId: this.sourceId,
      schedule: null,
    });
  }
}

class SpreadsheetTriggerBuilder extends DocumentTriggerBuilder {
  readonly gasClass = 'SpreadsheetTriggerBuilder';
  protected readonly source = 'SPREADSHEETS';
  onOpen(): this {
    return this._on('onOpen', arguments, 'ON_OPEN');
  }
  onEdit(): this {
    return this._on('onEdit', arguments, 'ON_EDIT');
  }
  onChange(): this {
    return this._on('onChange', arguments, 'ON_CHANGE');
  }
  onFormSubmit(): this {
    return this._on('onFormSubmit', arguments, 'ON_FORM_SUBMIT');
  }
}

class FormTriggerBuilder extends DocumentTriggerBuilder {
  readonly gasClass = 'FormTriggerBuilder';
  protected readonly source = 'FORMS';
  onOpen(): this {
    return this._on('onOpen', arguments, 'ON_OPEN');
  }
  onFormSubmit(): this {
    return this._on('onFormSubmit', arguments, 'ON_FORM_SUBMIT');
  }
}

type Recurrence = { unit: 'minutes' | 'hours' | 'days' | 'weeks' | 'months'; every: number };

class ClockTriggerBuilder extends GasObject {
  readonly gasClass = 'ClockTriggerBuilder';
  readonly gasService = 'Script' as const;
  private once: number | null = null;
  private recurrence: Recurrence | null = null;
  private hour: number | null = null;
  private minute: number | null = null;
  private weekDay: WeekDayName | null = null;
  private monthDay: number | null = null;
  private timeZone: string;
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly functionName: string,
  ) {
    super();
    this.timeZone = ctx.world.timeZone;
  }

  after(durationMilliseconds: number): this {
    overload(this.gasClass, 'after', arguments, ['number']);
    this.once = this.ctx.world.clock.nowMs() + Math.max(0, durationMilliseconds);
    return this;
  }
  at(instant: Date): this {
    overload(this.gasClass, 'at', arguments, ['date']);
    this.once = instant.getTime();
    return this;
  }
  atDate(year: number, month: number, day: number): this {
    overload(this.gasClass, 'atDate', arguments, ['number', 'number', 'number']);
    this.recurrence = null;
    // Midnight of that day in the trigger's time zone.
    this.once = localToUtc(year, month, day, 0, 0, this.timeZone);
    return this;
  }
  /** Reference: valid values are 1, 5, 10, 15 and 30. (An add-on may use none of them: see create.) */
  everyMinutes(n: number): this {
    overload(this.gasClass, 'everyMinutes', arguments, ['number']);
    if (![1, 5, 10, 15, 30].includes(n))
      throw new GasError('Invalid argument: minutes. Valid values are 1, 5, 10, 15 or 30.');
    this.recurrence = { unit: 'minutes', every: n };
    return this;
  }
  everyHours(n: number): this {
    overload(this.gasClass, 'everyHours', arguments, ['number']);
    this.recurrence = { unit: 'hours', every: positiveInteger(n, 'hours') };
    return this;
  }
  everyDays(n: number): this {
    overload(this.gasClass, 'everyDays', arguments, ['number']);
    this.recurrence = { unit: 'days', every: positiveInteger(n, 'days') };
    return this;
  }
  everyWeeks(n: number): this {
    overload(this.gasClass, 'everyWeeks', arguments, ['number']);
    this.recurrence = { unit: 'weeks', every: positiveInteger(n, 'weeks') };
    return this;
  }
  onWeekDay(day: string): this {
    overload(this.gasClass, 'onWeekDay', arguments, ['string']);
    if (!(day in WeekDay)) throw signatureError(this.gasClass, 'onWeekDay', arguments);
    this.weekDay = day as WeekDayName;
    if (!this.recurrence || this.recurrence.unit !== 'weeks') this.recurrence = { unit: 'weeks', every: 1 };
    return this;
  }
  onMonthDay(day: number): this {
    overload(this.gasClass, 'onMonthDay', arguments, ['number']);
    if (!Number.isInteger(day) || day < 1 || day > 31) throw new GasError('Invalid argument: day');
    this.monthDay = day;
    this.recurrence = { unit: 'months', every: 1 };
    return this;
  }
  atHour(hour: number): this {
    overload(this.gasClass, 'atHour', arguments, ['number']);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new GasError('Invalid argument: hour');
    this.hour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    overload(this.gasClass, 'nearMinute', arguments, ['number']);
    if (!Number.isInteger(minute) || minute < 0 || minute > 59)
      throw new GasError('Invalid argument: minute');
    this.minute = minute;
    return this;
  }
  inTimezone(timezone: string): this {
    overload(this.gasClass, 'inTimezone', arguments, ['string']);
    this.timeZone = timezone;
    return this;
  }

  create(): Trigger {
    overload(this.gasClass, 'create', arguments, []);
    const schedule = this._schedule();
    if (schedule.kind === 'recurring' && schedule.unit === 'minutes')
      throw new GasError(ADDON_CLOCK_TOO_FREQUENT);
    return createTrigger(this.ctx, {
      handlerFunction: this.functionName,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule,
    });
  }

  private _schedule(): ClockSchedule {
    if (this.recurrence) {
      if (this.hour !== null && (this.recurrence.unit === 'minutes' || this.recurrence.unit === 'hours')) {
        throw new GasError('atHour() can only be used with daily, weekly or monthly triggers.');
      }
      return {
        kind: 'recurring',
        ...this.recurrence,
        atHour: this.hour,
        nearMinute: this.minute,
        weekDay: this.weekDay,
        monthDay: this.monthDay,
        timeZone: this.timeZone,
      };
    }
    if (this.once !== null) return { kind: 'once', atMs: this.once };
    throw new GasError('A time-based trigger needs a schedule (everyHours, everyDays, at…) before create().');
  }
}

function positiveInteger(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 1) throw new GasError(`Invalid argument: ${what}`);
  return n;
}

/** A script-visible snapshot of one installable trigger. */
class Trigger extends GasObject {
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
  getEventType(): EventTypeName {
    return this.record.eventType;
  }
  getTriggerSource(): TriggerSourceName {
    return this.record.source;
  }
  /** Reference: the spreadsheet or form id; null for time-driven triggers. */
  getTriggerSourceId(): string | null {
    return this.record.sourceId;
  }
}

export function createScriptApp(ctx: ExecutionContext): GasObject {
  return new ScriptAppService(ctx);
}
