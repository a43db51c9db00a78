/**
 * A form as plain data, for the saved world (runtime/persistence.ts): written from the model and read
 * back into it, its destination tab kept by spreadsheet and sheet id.
 */
import type { World } from '../world';
import { SheetModel } from '../spreadsheet/sheet-model';
import { FormModel } from './model';
import type { Answer, ColumnKey, ItemModel } from './model';

/** One form as plain data (runtime/persistence.ts); its destination tab by spreadsheet and sheet id. */
export interface FormState {
  id: string;
  publishedId: string;
  title: string;
  /** Absent in states saved before the file name was modelled: then the title. */
  fileName?: string;
  formerDestinationId?: string | null;
  ownerEmail: string;
  /** Who besides the owner may open it; both absent in worlds saved before access was modelled. */
  editors?: string[];
  openToAll?: boolean;
  description: string;
  collectEmail: boolean;
  /** Verified email collection (Form.setEmailCollectionType(VERIFIED)); absent in older saved worlds. */
  verifiedEmail?: boolean;
  confirmationMessage: string;
  customClosedFormMessage: string;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  acceptingResponses: boolean;
  items: ItemModel[];
  responses: { id: string; timestamp: Date; respondentEmail: string; answers: [number, Answer][] }[];
  destination: {
    spreadsheetId: string;
    sheetId: number;
    /** Kept so a deleted destination tab can be stood in for (the form recreates it on the next response). */
    sheetName: string;
    columns: ColumnKey[];
    headers: string[];
  } | null;
}

export interface FormStoreState {
  nextItemId: number;
  forms: FormState[];
}

export function exportForm(f: FormModel): FormState {
  return {
    id: f.id,
    publishedId: f.publishedId,
    title: f.title,
    fileName: f.fileName,
    formerDestinationId: f.formerDestinationId,
    ownerEmail: f.ownerEmail,
    editors: [...f.editors],
    openToAll: f.openToAll,
    description: f.description,
    collectEmail: f.collectEmail,
    verifiedEmail: f.verifiedEmail,
    confirmationMessage: f.confirmationMessage,
    customClosedFormMessage: f.customClosedFormMessage,
    allowResponseEdits: f.allowResponseEdits,
    limitOneResponsePerUser: f.limitOneResponsePerUser,
    acceptingResponses: f.acceptingResponses,
    items: f.items.map((i) => ({ ...i, choices: [...i.choices] })),
    responses: f.responses.map((r) => ({
      id: r.id,
      timestamp: new Date(r.timestamp.getTime()),
      respondentEmail: r.respondentEmail,
      answers: [...r.answers].map(([k, a]): [number, Answer] => [k, Array.isArray(a) ? [...a] : a]),
    })),
    destination: f.destination && {
      spreadsheetId: f.destination.spreadsheetId,
      sheetId: f.destination.sheet.sheetId,
      sheetName: f.destination.sheet.name,
      columns: [...f.destination.columns],
      headers: [...f.destination.headers],
    },
  };
}

/** The saved form as a model; the world's spreadsheets must be loaded first (the destination points into them). */
export function importForm(world: World, f: FormState): FormModel {
  const form = new FormModel(f.id, f.publishedId, f.title, f.ownerEmail);
  form.fileName = f.fileName ?? f.title;
  form.formerDestinationId = f.formerDestinationId ?? null;
  for (const e of f.editors ?? []) form.editors.add(e);
  // Saved before access was modelled: anyone could open it then, and still can.
  form.openToAll = f.openToAll ?? true;
  form.description = f.description;
  form.collectEmail = f.collectEmail;
  form.verifiedEmail = f.verifiedEmail === true;
  form.confirmationMessage = f.confirmationMessage;
  form.customClosedFormMessage = f.customClosedFormMessage;
  form.allowResponseEdits = f.allowResponseEdits;
  form.limitOneResponsePerUser = f.limitOneResponsePerUser;
  form.acceptingResponses = f.acceptingResponses;
  form.items.push(...f.items.map((i) => ({ ...i, choices: [...i.choices] })));
  form.responses.push(
    ...f.responses.map((r) => ({
      id: r.id,
      timestamp: new Date(r.timestamp.getTime()),
      respondentEmail: r.respondentEmail,
      answers: new Map(r.answers),
    })),
  );
  if (f.destination) {
    const spreadsheet = world.spreadsheets.require(f.destination.spreadsheetId);
    let sheet = spreadsheet.sheetById(f.destination.sheetId);
    if (!sheet) {
      // The tab was deleted: a detached stand-in, which the next response replaces with a new tab.
      sheet = new SheetModel(spreadsheet, f.destination.sheetName, f.destination.sheetId);
      sheet.deleted = true;
    }
    form.destination = {
      spreadsheetId: f.destination.spreadsheetId,
      sheet,
      columns: [...f.destination.columns],
      headers: [...f.destination.headers],
    };
  }
  return form;
}
