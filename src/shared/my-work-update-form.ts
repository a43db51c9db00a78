/**
 * The per-order update form (for a phone, where the Sheets app shows no add-on menu or sidebar): its
 * questions, declared once for setup (which creates and repairs the form) and for the form-submit
 * trigger (which reads the answers by question title). Its steps are My work's steps.
 */
import type { MyWorkStep } from './my-work-types';

export const UPDATE_FORM_TITLE = 'Work order update';
/** The responses tab: not "Form Responses N", so the hourly reconciliation never takes it for requests. */
export const UPDATE_RESPONSES_SHEET = 'Work Order Updates';
/** Google's header for the collected email in a responses tab and in the event's namedValues. */
export const EMAIL_ADDRESS_HEADER = 'Email Address';

export type UpdateQuestionKey =
  'order' | 'step' | 'reason' | 'note' | 'results' | 'actionsTaken' | 'checklist' | 'hours' | 'parts';

export interface UpdateQuestion {
  key: UpdateQuestionKey;
  title: string;
  helpText: string;
  type: 'text' | 'paragraph' | 'choice';
  required: boolean;
}

/** The answer of the step question for each step, as the respondent reads it. */
export const STEP_CHOICES: Readonly<Record<MyWorkStep, string>> = {
  start: 'Start work',
  hold: 'Put on hold',
  resume: 'Resume work',
  note: 'Add a progress note',
  complete: 'Complete the work',
};

/** The choice for an answer that only ticks checklist items or records time or parts. */
export const RECORD_ONLY_CHOICE = 'Only tick checklist items or record time and parts';

/** Every choice of the step question, in the order the form shows them. */
export const UPDATE_STEP_CHOICES: readonly string[] = [...Object.values(STEP_CHOICES), RECORD_ONLY_CHOICE];

export const UPDATE_QUESTIONS: readonly UpdateQuestion[] = [
  {
    key: 'order',
    title: 'Work order',
    helpText:
      'The request id (REQ-000123) or work-order number (WO-2026-00042). The link in your email fills it in.',
    type: 'text',
    required: true,
  },
  { key: 'step', title: 'What are you doing?', helpText: '', type: 'choice', required: true },
  {
    key: 'reason',
    title: 'Reason for the hold',
    helpText: 'Needed when you put the work on hold.',
    type: 'paragraph',
    required: false,
  },
  {
    key: 'note',
    title: 'Progress note',
    helpText: 'Needed for a progress note; optional with any other step.',
    type: 'paragraph',
    required: false,
  },
  {
    key: 'results',
    title: 'Results',
    helpText: 'Needed to complete the work.',
    type: 'paragraph',
    required: false,
  },
  {
    key: 'actionsTaken',
    title: 'Actions taken',
    helpText: 'Needed to complete the work.',
    type: 'paragraph',
    required: false,
  },
  {
    key: 'checklist',
    title: 'Checklist items done',
    helpText:
      'One item per line, by its number as My work shows it ("2") or its text. Items stay ticked; untick one in My work.',
    type: 'paragraph',
    required: false,
  },
  {
    key: 'hours',
    title: 'Hours worked today',
    helpText: 'Hours you worked on this order today, e.g. 1.5 (optional).',
    type: 'text',
    required: false,
  },
  {
    key: 'parts',
    title: 'Parts used',
    helpText: 'One part per line: part; quantity; unit cost, e.g. "Fuse 10A; 2; 1.20" (optional).',
    type: 'paragraph',
    required: false,
  },
];

export function updateQuestion(key: UpdateQuestionKey): UpdateQuestion {
  return UPDATE_QUESTIONS.find((q) => q.key === key) as UpdateQuestion;
}

/** Whether a form-submit event's answers come from the update form (its step question is there). */
export function isUpdateResponse(namedValues: Readonly<Record<string, readonly string[]>>): boolean {
  return (
    Object.prototype.hasOwnProperty.call(namedValues, updateQuestion('step').title) &&
    Object.prototype.hasOwnProperty.call(namedValues, updateQuestion('order').title)
  );
}

/** The answers by key ('' for an unanswered question), and the step the choice names (null if none). */
export function readUpdateAnswers(namedValues: Readonly<Record<string, readonly string[]>>): {
  answers: Record<UpdateQuestionKey, string>;
  step: MyWorkStep | null;
  email: string;
} {
  const first = (title: string): string => String(namedValues[title]?.[0] ?? '').trim();
  const answers = {} as Record<UpdateQuestionKey, string>;
  for (const q of UPDATE_QUESTIONS) answers[q.key] = first(q.title);
  const step =
    (Object.keys(STEP_CHOICES) as MyWorkStep[]).find((s) => STEP_CHOICES[s] === answers.step) ?? null;
  return { answers, step, email: first(EMAIL_ADDRESS_HEADER).toLowerCase() };
}
