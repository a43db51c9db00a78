/**
 * The events Google fires, with their event objects as the Apps Script reference describes them
 * (developers.google.com/apps-script/guides/triggers/events): what a person does in the world
 * (opens the spreadsheet, submits the form, edits cells, lets an hour pass) and the executions it starts.
 */
import type { ExecutionContext } from './execution';
import { AUTH_MODE } from './auth';
import type { AuthMode } from './auth';
import { rangeObject, spreadsheetObject } from './spreadsheet';
import { userEdit } from './spreadsheet/user-input';
import type { UserEditResult } from './spreadsheet/user-input';
import { EventUser } from './services/session';
import { NO_ACCESS_MESSAGE, canEditFile, canOpen } from './spreadsheet/sharing';
import { toSerial } from './spreadsheet/number-format';
import type { ExecutionRecord, LocalAppsScript } from '../index';

export { fireFormBoundSubmit, fireFormSubmit, submitForm } from './form-events';
export type { FormSubmission } from './form-events';

function clockFields(date: Date, timeZone: string): Record<string, unknown> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
    weekday: 'long',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    'day-of-month': Number(get('day')),
    'day-of-week':
      ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].indexOf(
        get('weekday'),
      ) || 7,
    'week-of-year': weekOfYear(Number(get('year')), Number(get('month')), Number(get('day'))),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    timezone: timeZone,
  };
}

/**
 * The events guide lists `week-of-year` (e.g. 23) without saying how weeks are counted; this is
 * Java's Calendar.WEEK_OF_YEAR for the US (weeks start on Sunday; week 1 is the one holding 1 January,
 * so the last days of December can fall in week 1), the runtime's choice.
 */
function weekOfYear(year: number, month: number, day: number): number {
  const dayMs = 86_400_000;
  const date = Date.UTC(year, month - 1, day);
  const weekStart = date - new Date(date).getUTCDay() * dayMs;
  if (weekStart + 6 * dayMs >= Date.UTC(year + 1, 0, 1)) return 1;
  const jan1 = Date.UTC(year, 0, 1);
  const firstWeekStart = jan1 - new Date(jan1).getUTCDay() * dayMs;
  return Math.round((weekStart - firstWeekStart) / (7 * dayMs)) + 1;
}

/**
 * `user` opens the spreadsheet: the simple onOpen if the project defines one, then every installable
 * open trigger, which runs as its owner (FULL). The simple trigger runs in AuthMode.LIMITED where the
 * add-on is enabled (anyone has used it in this document), else AuthMode.NONE (add-on lifecycle guide:
 * "Installed … onOpen(e) runs in AuthMode.NONE (unless also enabled, in which case AuthMode.LIMITED)");
 * `authMode` overrides that. Open triggers, simple and installable, run only for someone who may edit
 * the file (triggers guides: onOpen runs when a user opens a file "that the user has permission to
 * edit"): a viewer's open runs nothing. Returns the simple trigger's execution, null when none ran;
 * the installable ones are in `rt.executions`.
 */
export async function openSpreadsheet(
  rt: LocalAppsScript,
  spreadsheetId: string,
  user: string,
  authMode?: AuthMode,
): Promise<ExecutionRecord | null> {
  const file = rt.world.spreadsheets.require(spreadsheetId);
  if (!canOpen(user, file.ownerEmail, file.editors, file.sharing))
    throw new Error(`runtime: ${user} cannot open spreadsheet ${spreadsheetId}: ${NO_ACCESS_MESSAGE}`);
  if (!canEditFile(user, file)) return null;
  const mode: AuthMode = authMode ?? (rt.world.addonEnabledIn.has(spreadsheetId) ? 'LIMITED' : 'NONE');
  const simple = rt.definesFunction('onOpen')
    ? await rt.run('onOpen', {
        user,
        kind: 'simple-trigger',
        authMode: mode,
        spreadsheetId,
        args: (ctx: ExecutionContext) => [
          mode === 'NONE'
            ? { authMode: AUTH_MODE.value(mode) }
            : {
                authMode: AUTH_MODE.value(mode),
                source: spreadsheetObject(ctx, spreadsheetId),
                user: new EventUser(ctx.session.activeEmail),
              },
        ],
      })
    : null;
  for (const trigger of rt.world.triggers.matching('ON_OPEN', 'SPREADSHEETS', spreadsheetId)) {
    await rt.run(trigger.handlerFunction, {
      user,
      effectiveUser: trigger.owner,
      kind: 'installable-trigger',
      spreadsheetId,
      triggerUid: trigger.uid,
      args: (ctx: ExecutionContext) => [
        {
          authMode: AUTH_MODE.value('FULL'),
          source: spreadsheetObject(ctx, spreadsheetId),
          triggerUid: trigger.uid,
          user: new EventUser(ctx.session.activeEmail),
        },
      ],
    });
  }
  return simple;
}

/** Change types of the installable change trigger's event (events guide, "Change"). */
export type ChangeType =
  | 'EDIT'
  | 'INSERT_ROW'
  | 'INSERT_COLUMN'
  | 'REMOVE_ROW'
  | 'REMOVE_COLUMN'
  | 'INSERT_GRID'
  | 'REMOVE_GRID'
  | 'FORMAT'
  | 'OTHER';

/**
 * A person changed the spreadsheet (the change itself is already made, by editCells or by the test on
 * the model): every installable change trigger fires, as its owner, with `changeType`.
 */
export async function fireChange(
  rt: LocalAppsScript,
  spreadsheetId: string,
  user: string,
  changeType: ChangeType,
): Promise<ExecutionRecord[]> {
  const executions: ExecutionRecord[] = [];
  for (const trigger of rt.world.triggers.matching('ON_CHANGE', 'SPREADSHEETS', spreadsheetId)) {
    executions.push(
      await rt.run(trigger.handlerFunction, {
        user,
        effectiveUser: trigger.owner,
        kind: 'installable-trigger',
        spreadsheetId,
        triggerUid: trigger.uid,
        args: (ctx: ExecutionContext) => [
          {
            authMode: AUTH_MODE.value('FULL'),
            changeType,
            source: spreadsheetObject(ctx, spreadsheetId),
            triggerUid: trigger.uid,
            user: new EventUser(ctx.session.activeEmail),
          },
        ],
      }),
    );
  }
  return executions;
}

/**
 * A cell value as the edit event's `value` or `oldValue` string. Booleans differ between the two on
 * live Apps Script: ticking a checkbox gives `value` "TRUE" but `oldValue` "false" (scripts published
 * for live Sheets test exactly `e.value === "TRUE" && e.oldValue === "false"`, e.g. the radio-button
 * onEdit at kierandixon.com/radio-buttons-google-sheets).
 *
 * A date or time is passed as its serial number (days since 30 December 1899 in the spreadsheet's
 * time zone, the fraction the time of day: "46082.5"), not as the text Sheets shows nor a Date. The
 * events guide says only "New cell value"; the serial number is what answers on Stack Overflow report
 * of live onEdit events (read `e.range.getValue()` for the Date), which no Google page confirms: an
 * assumption, taken because of the readings it is the one that fools a script (`new Date(e.value)`
 * is no date), where a JavaScript date string would not.
 */
function eventText(cell: unknown, field: 'value' | 'oldValue', timeZone: string): string {
  if (typeof cell === 'boolean') return field === 'value' ? String(cell).toUpperCase() : String(cell);
  return cell instanceof Date ? String(toSerial(cell, timeZone)) : String(cell);
}

export interface UserEditOutcome {
  edit: UserEditResult;
  executions: ExecutionRecord[];
}

/**
 * A person types or pastes into the grid: the cells change (Sheets' own validation and protection
 * apply), then the simple onEdit (if the project has one), every installable edit trigger, then every
 * change trigger (changeType EDIT). Each runs as its
 * owner; `e.user` and Session reveal the editor only as identity.ts says. A single cell typed carries
 * `value` and `oldValue`; a multi-cell paste carries neither (events guide: "only available if the
 * edited range is a single cell"); a single cell pasted carries `value` but no `oldValue`, as scripts
 * that met it report (the trigger cannot tell a paste over a filled cell from typing into an empty one).
 */
export async function editCells(
  rt: LocalAppsScript,
  request: {
    spreadsheetId: string;
    sheetName: string;
    row: number;
    column: number;
    values: string[][];
    user: string;
    paste?: boolean;
  },
): Promise<UserEditOutcome> {
  const edit = userEdit(rt.world.spreadsheets, request);
  const single = edit.rect.numRows === 1 && edit.rect.numColumns === 1;
  const executions: ExecutionRecord[] = [];
  const eventFor = (ctx: ExecutionContext, authMode: AuthMode, triggerUid?: string) => {
    const event: Record<string, unknown> = {
      authMode: AUTH_MODE.value(authMode),
      ...(triggerUid === undefined ? {} : { triggerUid }),
      range: rangeObject(
        ctx,
        request.spreadsheetId,
        request.sheetName,
        edit.rect.row,
        edit.rect.column,
        edit.rect.numRows,
        edit.rect.numColumns,
      ),
      source: spreadsheetObject(ctx, request.spreadsheetId),
      user: new EventUser(ctx.session.activeEmail),
    };
    if (single) {
      const value = edit.newValues[0]?.[0];
      const old = edit.oldValues[0]?.[0];
      // Apps Script passes the values as strings; an emptied cell has no `value`, a filled-in empty one no `oldValue`.
      const { timeZone } = rt.world.spreadsheets.require(request.spreadsheetId);
      if (value !== '' && value !== undefined) event.value = eventText(value, 'value', timeZone);
      if (old !== '' && old !== undefined && request.paste !== true)
        event.oldValue = eventText(old, 'oldValue', timeZone);
    }
    return event;
  };
  // The simple onEdit runs when the project defines it: as the editor, without authorization (LIMITED).
  if (rt.definesFunction('onEdit')) {
    executions.push(
      await rt.run('onEdit', {
        user: request.user,
        kind: 'simple-trigger',
        spreadsheetId: request.spreadsheetId,
        args: (ctx: ExecutionContext) => [eventFor(ctx, 'LIMITED')],
      }),
    );
  }
  for (const trigger of rt.world.triggers.matching('ON_EDIT', 'SPREADSHEETS', request.spreadsheetId)) {
    executions.push(
      await rt.run(trigger.handlerFunction, {
        user: request.user,
        effectiveUser: trigger.owner,
        kind: 'installable-trigger',
        spreadsheetId: request.spreadsheetId,
        triggerUid: trigger.uid,
        args: (ctx: ExecutionContext) => [eventFor(ctx, 'FULL', trigger.uid)],
      }),
    );
  }
  // A typed or pasted value is also a change of type EDIT for the change triggers.
  executions.push(...(await fireChange(rt, request.spreadsheetId, request.user, 'EDIT')));
  return { edit, executions };
}

/** Runs every time-driven trigger that is due at the world's clock (no active spreadsheet, as in Apps Script). */
export async function runDueTimeDrivenTriggers(
  rt: LocalAppsScript,
  options: { all?: boolean } = {},
): Promise<ExecutionRecord[]> {
  const now = rt.world.clock.nowMs();
  const due = rt.world.triggers
    .list()
    .filter(
      (t) => t.eventType === 'CLOCK' && (options.all || (t.nextRunAtMs !== null && t.nextRunAtMs <= now)),
    );
  const executions: ExecutionRecord[] = [];
  for (const trigger of due) {
    rt.world.triggers.markRan(trigger.uid, now);
    executions.push(
      await rt.run(trigger.handlerFunction, {
        user: trigger.owner,
        kind: 'installable-trigger',
        spreadsheetId: null,
        triggerUid: trigger.uid,
        args: () => [
          {
            authMode: AUTH_MODE.value('FULL'),
            triggerUid: trigger.uid,
            ...clockFields(new Date(now), rt.world.timeZone),
          },
        ],
      }),
    );
  }
  return executions;
}
