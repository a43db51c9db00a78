/**
 * Questions put to requestors and not answered yet, by request id, in one document property: the card
 * reads "waiting for requestor" until the answer comes back through the reply form. Kept small (the
 * newest MAX_OPEN questions, each cut to QUESTION_LIMIT characters): it is read with the queue.
 */
import { PROPERTY_KEYS } from '../../adapters/document-properties';
import { documentPropertiesOrNull } from '../../adapters/service-handles';

const KEY = PROPERTY_KEYS.reviewQuestions;
const MAX_OPEN = 300;
const QUESTION_LIMIT = 300;

export type OpenQuestions = Map<string, string>;

/** The open questions in a properties snapshot (an unreadable value counts as none). */
export function openQuestionsIn(properties: Readonly<Record<string, string>>): OpenQuestions {
  const text = properties[KEY];
  if (!text) return new Map();
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return new Map();
    return new Map(
      Object.entries(raw as Record<string, unknown>).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    );
  } catch {
    return new Map();
  }
}

function store(questions: OpenQuestions): void {
  const props = documentPropertiesOrNull();
  if (!props) return;
  const kept = [...questions].slice(-MAX_OPEN);
  if (kept.length === 0) props.deleteProperty(KEY);
  else props.setProperty(KEY, JSON.stringify(Object.fromEntries(kept)));
}

/** A question as it is kept: cut to QUESTION_LIMIT characters. */
function kept(question: string): string {
  return question.length > QUESTION_LIMIT ? `${question.slice(0, QUESTION_LIMIT - 1)}…` : question;
}

/**
 * Whether `question` is the one already waiting for this request's reply: the same call made twice
 * (a double click, a retried call, two tabs) must not email the requestor the same question twice.
 */
export function isOpenQuestion(
  properties: Readonly<Record<string, string>>,
  id: string,
  question: string,
): boolean {
  return openQuestionsIn(properties).get(id) === kept(question);
}

/** Records a question (call under the document lock, with the snapshot read under it). */
export function recordQuestion(
  properties: Readonly<Record<string, string>>,
  id: string,
  question: string,
): void {
  const questions = openQuestionsIn(properties);
  questions.delete(id);
  questions.set(id, kept(question));
  store(questions);
}

/** Marks a request's question answered (call under the document lock); false when none was open. */
export function settleQuestion(id: string): boolean {
  const props = documentPropertiesOrNull();
  if (!props) return false;
  const questions = openQuestionsIn({ [KEY]: props.getProperty(KEY) ?? '' });
  if (!questions.delete(id)) return false;
  store(questions);
  return true;
}
