/**
 * A respondent's submission and the checks the form page makes before it accepts one: the form open,
 * the email collected and valid, one response per person when limited, and each answer one the
 * question can take. A refusal is a FormSubmitError with what the page would say.
 */
import { CHOICE_TYPES } from './model';
import type { Answer, FormModel, ItemModel } from './model';

/**
 * What a respondent sends from the form page: answers by question title, or by item id (as the page
 * itself sends them) for questions that share a title with another.
 */
export interface Submission {
  respondentEmail?: string;
  answers: Record<string, Answer>;
  byItemId?: Record<number, Answer>;
  /** Default: the world's clock. */
  at?: Date;
}

/** What the runtime needs to fire the form-submit triggers (spreadsheet fields null without a destination). */
export interface SubmitResult {
  formId: string;
  responseId: string;
  timestamp: Date;
  spreadsheetId: string | null;
  sheetName: string | null;
  row: number | null;
  /** `e.values`: display strings, the timestamp as "M/d/yyyy H:mm:ss" in the spreadsheet's zone. */
  values: string[];
  /** `e.namedValues`: header → display strings, one per column with that header, in column order. */
  namedValues: Record<string, string[]>;
}

/** A submission the form page itself would refuse (the respondent sees the message). */
export class FormSubmitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormSubmitError';
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The respondent's email as given (trimmed) and the answers as stored, or a FormSubmitError. */
export function checkSubmission(
  form: FormModel,
  submission: Submission,
): { email: string; answers: Map<number, Answer> } {
  if (!form.acceptingResponses) {
    throw new FormSubmitError(
      form.customClosedFormMessage || `The form ${form.title} is no longer accepting responses.`,
    );
  }
  const email = (submission.respondentEmail ?? '').trim();
  if (form.collectEmail) {
    if (email === '') throw new FormSubmitError('Email: This is a required question');
    if (!EMAIL.test(email)) throw new FormSubmitError('Email: Must be a valid email address');
  }
  if (form.limitOneResponsePerUser) {
    if (email === '') throw new FormSubmitError('You need to sign in to respond to this form.');
    if (form.responses.some((r) => r.respondentEmail.toLowerCase() === email.toLowerCase())) {
      throw new FormSubmitError("You've already responded. You can only fill in this form once.");
    }
  }
  return { email, answers: checkAnswers(form, submission.answers, submission.byItemId ?? {}) };
}

function checkAnswers(
  form: FormModel,
  given: Record<string, Answer>,
  byItemId: Record<number, Answer>,
): Map<number, Answer> {
  const sharing = new Map<string, number>();
  for (const item of form.items) sharing.set(item.title, (sharing.get(item.title) ?? 0) + 1);
  for (const title of Object.keys(given)) {
    const count = sharing.get(title) ?? 0;
    if (count === 0) throw new FormSubmitError(`The form has no question titled ${JSON.stringify(title)}.`);
    if (count > 1) {
      throw new FormSubmitError(
        `${count} questions are titled ${JSON.stringify(title)}: answer each by its item id (byItemId).`,
      );
    }
  }
  for (const id of Object.keys(byItemId)) {
    if (!form.items.some((i) => String(i.id) === id))
      throw new FormSubmitError(`The form has no question with item id ${id}.`);
  }
  const answers = new Map<number, Answer>();
  for (const item of form.items) {
    const raw = Object.prototype.hasOwnProperty.call(byItemId, item.id)
      ? byItemId[item.id]
      : Object.prototype.hasOwnProperty.call(given, item.title)
        ? given[item.title]
        : undefined;
    const answer = normalize(item, raw);
    if (answer === null) {
      if (item.required) throw new FormSubmitError(`${item.title}: This is a required question`);
      continue;
    }
    answers.set(item.id, answer);
  }
  return answers;
}

/** The answer as stored, or null when unanswered; refuses what the page cannot send. */
function normalize(item: ItemModel, raw: Answer | undefined): Answer | null {
  if (raw === undefined) return null;
  if (item.type === 'CHECKBOX') {
    const picked = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== '');
    for (const value of picked) {
      if (!item.choices.includes(value))
        throw new FormSubmitError(`${item.title}: ${JSON.stringify(value)} is not one of the choices`);
    }
    // The page sends ticked boxes in the order of the choices, each once.
    const ordered = item.choices.filter((c) => picked.includes(c));
    return ordered.length === 0 ? null : ordered;
  }
  if (Array.isArray(raw)) throw new FormSubmitError(`${item.title}: only one answer is allowed`);
  const text = raw;
  if (text.trim() === '') return null;
  if (CHOICE_TYPES.has(item.type) && !item.choices.includes(text)) {
    throw new FormSubmitError(`${item.title}: ${JSON.stringify(text)} is not one of the choices`);
  }
  return text;
}
