/**
 * The events Google fires, with their event objects as the Apps Script reference describes them
 * (developers.google.com/apps-script/guides/triggers/events): what a person does in the world
 * (opens the spreadsheet, submits the form, edits cells, lets an hour pass) and the executions it starts.
 */
import type { ExecutionContext } from './execution';
import type { AuthMode } from './auth';
import { rangeObject, spreadsheetObject } from './spreadsheet';
import { userEdit } from './spreadsheet/user-input';
import type { UserEditResult } from './spreadsheet/user-input';
import type { Submission, SubmitResult } from './form/store';
import type { TriggerRecord } from './services/trigger-registry';
import { User } from './services/session';
import type { ExecutionRecord, LocalAppsScript } from '../index';

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
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    timezone: timeZone,
  };
}

/** Simple onOpen: AuthMode.LIMITED once the add-on is used in the document, NONE before. */
export function openSpreadsheet(
  rt: LocalAppsScript,
  spreadsheetId: string,
  user: string,
  authMode: AuthMode = 'LIMITED',
): Promise<ExecutionRecord> {
  return rt.run('onOpen', {
    user,
    kind: 'simple-trigger',
    authMode,
    spreadsheetId,
    args: (ctx: ExecutionContext) => [
      authMode === 'NONE'
        ? { authMode }
        : { authMode, source: spreadsheetObject(ctx, spreadsheetId), user: new User(user) },
    ],
  });
}

export interface FormSubmission {
  response: SubmitResult;
  executions: ExecutionRecord[];
}

/** A respondent submits the form: the response row is appended, then each form-submit trigger fires. */
export async function submitForm(
  rt: LocalAppsScript,
  formId: string,
  submission: Submission,
): Promise<FormSubmission> {
  const response = rt.world.forms.submit(formId, submission);
  const executions: ExecutionRecord[] = [];
  if (response.spreadsheetId && response.sheetName && response.row) {
    const ssId = response.spreadsheetId;
    const sheetName = response.sheetName;
    const row = response.row;
    for (const trigger of rt.world.triggers.matching('ON_FORM_SUBMIT', 'SPREADSHEETS', ssId)) {
      executions.push(
        await fireFormSubmit(rt, trigger, ssId, {
          sheetName,
          row,
          values: response.values,
          namedValues: response.namedValues,
        }),
      );
    }
  }
  return { response, executions };
}

/** Fires one spreadsheet form-submit trigger for an existing response row (also used to replay an event). */
export function fireFormSubmit(
  rt: LocalAppsScript,
  trigger: TriggerRecord,
  spreadsheetId: string,
  event: { sheetName: string; row: number; values: string[]; namedValues: Record<string, string[]> },
): Promise<ExecutionRecord> {
  return rt.run(trigger.handlerFunction, {
    user: trigger.owner,
    kind: 'installable-trigger',
    spreadsheetId,
    triggerUid: trigger.uid,
    args: (ctx: ExecutionContext) => [
      {
        authMode: 'FULL',
        triggerUid: trigger.uid,
        range: rangeObject(
          ctx,
          spreadsheetId,
          event.sheetName,
          event.row,
          1,
          1,
          Math.max(event.values.length, 1),
        ),
        values: event.values,
        namedValues: event.namedValues,
        source: spreadsheetObject(ctx, spreadsheetId),
      },
    ],
  });
}

export interface UserEditOutcome {
  edit: UserEditResult;
  executions: ExecutionRecord[];
}

/**
 * A person types or pastes into the grid: the cells change (Sheets' own validation and protection
 * apply), then every edit trigger fires. A single-cell edit carries `value` and `oldValue`; a
 * multi-cell paste carries neither, as in Apps Script.
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
  },
): Promise<UserEditOutcome> {
  const edit = userEdit(rt.world.spreadsheets, request);
  const single = edit.rect.numRows === 1 && edit.rect.numColumns === 1;
  const executions: ExecutionRecord[] = [];
  for (const trigger of rt.world.triggers.matching('ON_EDIT', 'SPREADSHEETS', request.spreadsheetId)) {
    executions.push(
      await rt.run(trigger.handlerFunction, {
        user: request.user,
        effectiveUser: trigger.owner,
        kind: 'installable-trigger',
        spreadsheetId: request.spreadsheetId,
        triggerUid: trigger.uid,
        args: (ctx: ExecutionContext) => {
          const event: Record<string, unknown> = {
            authMode: 'FULL',
            triggerUid: trigger.uid,
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
            user: new User(request.user),
          };
          if (single) {
            const value = edit.newValues[0]?.[0];
            const old = edit.oldValues[0]?.[0];
            // Apps Script passes the values as strings; an emptied cell has no `value`, a filled-in empty one no `oldValue`.
            if (value !== '' && value !== undefined)
              event.value = value instanceof Date ? value.toString() : String(value);
            if (old !== '' && old !== undefined)
              event.oldValue = old instanceof Date ? old.toString() : String(old);
          }
          return [event];
        },
      }),
    );
  }
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
          { authMode: 'FULL', triggerUid: trigger.uid, ...clockFields(new Date(now), rt.world.timeZone) },
        ],
      }),
    );
  }
  return executions;
}
