/**
 * ScriptApp.newTrigger(…) and the builders it leads to: spreadsheet and form event triggers, and
 * time-driven (clock) triggers with their schedule rules. Reference:
 * developers.google.com/apps-script/reference/script/trigger-builder
 */
import { GasError, GasObject } from '../gas-object';
import type { ExecutionContext } from '../execution';
import { enumArg, overload, signatureError } from '../args';
import { WEEK_DAY, localToUtc } from './trigger-registry';
import type { ClockSchedule, EventTypeName, TriggerSourceName, WeekDayName } from './trigger-registry';
import { type Trigger, createTrigger, documentId, documentInUse } from './trigger-object';

/**
 * Reference (editor add-on triggers): "Time-driven triggers cannot run more frequently than once per
 * hour." Google's exact wording for the refusal is not published; this says the same thing.
 */
export const ADDON_CLOCK_TOO_FREQUENT =
  'Add-ons cannot create time-based triggers that run more frequently than once per hour.';

/**
 * Reference (editor add-on triggers, Restrictions): "Add-ons can only create triggers for the file in
 * which the add-on is used. That is, an add-on that is used in Google Doc A cannot create a trigger to
 * monitor when Google Doc B is opened." Google's exact wording for the refusal is not published. A run
 * of a time-driven trigger counts as used in the document that trigger was made for (documentInUse):
 * whether live Apps Script lets such a run make that document's triggers is not verified here.
 */
export const ADDON_OTHER_FILE_TRIGGER =
  'Add-ons can only create triggers for the file in which the add-on is used.';

export class TriggerBuilder extends GasObject {
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
    const inUse = documentInUse(this.ctx);
    if (inUse !== null && inUse !== this.sourceId) throw new GasError(ADDON_OTHER_FILE_TRIGGER);
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

const EVERY_HOURS: readonly number[] = [1, 2, 4, 6, 8, 12];

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
  /**
   * The reference says only "every n hours"; the hour timers Apps Script offers (its trigger editor's
   * list) are every 1, 2, 4, 6, 8 and 12 hours, and no other n makes a trigger. Google does not publish
   * the refusal's wording: this follows everyMinutes', given as the builder is called.
   */
  everyHours(n: number): this {
    overload(this.gasClass, 'everyHours', arguments, ['number']);
    if (!EVERY_HOURS.includes(n))
      throw new GasError('Invalid argument: hours. Valid values are 1, 2, 4, 6, 8 or 12.');
    this.recurrence = { unit: 'hours', every: n };
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
  onWeekDay(day: unknown): this {
    overload(this.gasClass, 'onWeekDay', arguments, ['enum']);
    this.weekDay = enumArg(this.gasClass, 'onWeekDay', arguments, WEEK_DAY, day);
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
