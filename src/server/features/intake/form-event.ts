/**
 * The form-submit trigger's event, checked and reduced to data before anything acts on it: a request,
 * an update-form answer or a reply alike (features/intake/form-submit.ts routes them).
 */
import { FormSubmitEventSchema, type FormSubmitEvent } from '../../../core/intake';

/** The trigger's event reduced to data (the Range read through local accessors only). */
export function toFormSubmitEvent(e: unknown): FormSubmitEvent | null {
  const raw = (e ?? {}) as {
    namedValues?: unknown;
    values?: unknown;
    range?: GoogleAppsScript.Spreadsheet.Range;
    triggerUid?: unknown;
  };
  const range = raw.range;
  const candidate = {
    namedValues: raw.namedValues,
    values: raw.values,
    range: range
      ? {
          sheetName: range.getSheet().getName(),
          row: range.getRow(),
          column: range.getColumn(),
          numRows: range.getNumRows(),
          numColumns: range.getNumColumns(),
        }
      : undefined,
    triggerUid: raw.triggerUid === undefined ? undefined : String(raw.triggerUid),
  };
  const parsed = FormSubmitEventSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new Error(
      `Form-submit event not understood: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  }
  // A blank event (every answer and the timestamp empty) is not a submission: no row, no id.
  const blank = parsed.data.values.every((v) => v.trim() === '');
  return blank ? null : parsed.data;
}
