/**
 * The requestors' reply form: how a requestor answers a supervisor's question, or adds information
 * to an open request, so that it lands on the work order (not in someone's inbox). Its questions are
 * declared once here, for the form's creation and for reading a response by question title.
 */
import { SHEET_NAMES } from './model';

export const REPLY_FORM_TITLE = 'Reply about your work order request';
/** The responses tab: one of the add-on's own (the hourly reconciliation never takes it for requests). */
export const REPLY_RESPONSES_SHEET = SHEET_NAMES.requestorReplies;
/** Longest answer kept on the work order (the rest stays in the responses tab). */
export const MAX_REPLY_LENGTH = 2000;

export const REPLY_QUESTIONS = {
  requestId: {
    title: 'Request ID',
    helpText: 'The reference of your request (REQ-000123). The link in our email fills it in.',
  },
  answer: {
    title: 'Your answer or added information',
    helpText: 'What the supervisor asked about, or anything that helps with your request.',
  },
} as const;

/** Google's header for the collected (verified) email in the event's namedValues. */
const EMAIL_HEADER = 'Email Address';

/** Whether a form-submit event's answers come from the reply form (both its questions are there). */
export function isReplyResponse(namedValues: Readonly<Record<string, readonly string[]>>): boolean {
  const has = (title: string): boolean => Object.prototype.hasOwnProperty.call(namedValues, title);
  return has(REPLY_QUESTIONS.requestId.title) && has(REPLY_QUESTIONS.answer.title);
}

export interface Reply {
  id: string;
  answer: string;
  /** The respondent's verified address, lower-cased ('' when the form collected none). */
  email: string;
}

export function readReply(namedValues: Readonly<Record<string, readonly string[]>>): Reply {
  const first = (title: string): string => String(namedValues[title]?.[0] ?? '').trim();
  return {
    id: first(REPLY_QUESTIONS.requestId.title).toUpperCase(),
    answer: first(REPLY_QUESTIONS.answer.title),
    email: first(EMAIL_HEADER).toLowerCase(),
  };
}

/** The Progress Notes after a reply: the earlier notes, then "<when> Requestor: <answer>". */
export function notesWithReply(notes: string, when: string, answer: string): string {
  const cut = answer.length > MAX_REPLY_LENGTH ? `${answer.slice(0, MAX_REPLY_LENGTH - 1)}…` : answer;
  const line = `${when} Requestor: ${cut}`;
  return notes.trim() === '' ? line : `${notes.trimEnd()}\n${line}`;
}
