/**
 * A respondent submits a form: the response is stored and appended to the destination tab, then the
 * form-submit triggers fire with the event objects of Google's events guide
 * (developers.google.com/apps-script/guides/triggers/events): the spreadsheet's ("Form submit" under
 * Google Sheets events: range, values, namedValues) and the form's own ("Form submit" under Google
 * Forms events: response, source). Each runs as its owner; the respondent is never the active user.
 */
import { AUTH_MODE } from './auth';
import type { ExecutionContext } from './execution';
import { rangeObject, spreadsheetObject } from './spreadsheet';
import type { Submission, SubmitResult } from './form/submission';
import type { TriggerRecord } from './services/trigger-registry';
import { Form } from './form/form';
import { FormResponse } from './form/responses';
import type { ExecutionRecord, LocalAppsScript } from '../index';

export interface FormSubmission {
  response: SubmitResult;
  executions: ExecutionRecord[];
}

export async function submitForm(
  rt: LocalAppsScript,
  formId: string,
  submission: Submission,
): Promise<FormSubmission> {
  const response = rt.world.forms.submit(formId, submission);
  const executions: ExecutionRecord[] = [];
  for (const trigger of rt.world.triggers.matching('ON_FORM_SUBMIT', 'FORMS', formId)) {
    executions.push(await fireFormBoundSubmit(rt, trigger, formId, response.responseId));
  }
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
        authMode: AUTH_MODE.value('FULL'),
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

/**
 * Fires one form-bound submit trigger (`ScriptApp.newTrigger(f).forForm(form).onFormSubmit()`):
 * `e.response` is the FormResponse (its getRespondentEmail() is '' unless the form collects emails),
 * `e.source` the Form. No active spreadsheet: the script runs for the form.
 */
export function fireFormBoundSubmit(
  rt: LocalAppsScript,
  trigger: TriggerRecord,
  formId: string,
  responseId: string,
): Promise<ExecutionRecord> {
  const form = rt.world.forms.require(formId);
  const response = form.responses.find((r) => r.id === responseId);
  if (!response) throw new Error(`form ${formId} has no response ${responseId}`);
  return rt.run(trigger.handlerFunction, {
    user: trigger.owner,
    kind: 'installable-trigger',
    spreadsheetId: null,
    triggerUid: trigger.uid,
    args: (ctx: ExecutionContext) => [
      {
        authMode: AUTH_MODE.value('FULL'),
        response: new FormResponse(ctx, form, response),
        source: new Form(ctx, form),
        triggerUid: trigger.uid,
      },
    ],
  });
}
