/**
 * Form intake: the request form's questions (defined once; setup builds the form from them) and the
 * validation of a submitted response. Parsing never throws: a request with missing or odd answers is
 * still recorded, with its problems written to the "Needs Review" column for a supervisor.
 */
import * as z from './validator';
import { emptyWorkOrder, type WorkOrder, type WorkOrderField } from './model';
import type { PriorityRule } from './settings-model';
import { asCellText, cleanText } from './sanitize';
import { assetIdOfAnswer, assetLocationOfAnswer } from './assets';

export type QuestionKey = 'requesterName' | 'description' | 'location' | 'urgency' | 'resources';

export interface FormQuestion {
  /** 'asset': the optional asset question (ASSET_QUESTION), asked only while assets are listed. */
  key: QuestionKey | 'asset';
  title: string;
  helpText: string;
  type: 'text' | 'paragraph' | 'list' | 'multipleChoice';
  required: boolean;
  /** Fixed choices; the location list comes from Settings (see `formQuestions`). */
  choices?: readonly string[];
}

export const URGENCY_CHOICES = [
  'Emergency (safety risk)',
  'Urgent (within 24 h)',
  'Routine',
  'Scheduled / planned',
] as const;

/** The questions in form order. The requester's email is collected by the form itself. */
export const FORM_QUESTIONS: readonly (FormQuestion & { key: QuestionKey })[] = [
  { key: 'requesterName', title: 'Your name', helpText: '', type: 'text', required: true },
  {
    key: 'description',
    title: 'Description of the work needed',
    helpText: 'What is wrong or what needs doing? Include anything that helps the technician.',
    type: 'paragraph',
    required: true,
  },
  { key: 'location', title: 'Location', helpText: 'Where is the work needed?', type: 'list', required: true },
  {
    key: 'urgency',
    title: 'Urgency',
    helpText: 'Choose Emergency only when there is a risk to safety or of serious damage.',
    type: 'multipleChoice',
    required: true,
    choices: URGENCY_CHOICES,
  },
  {
    key: 'resources',
    title: 'Required resources',
    helpText: 'Materials, tools, access or people the work will need, if you know.',
    type: 'paragraph',
    required: false,
  },
];

/**
 * The asset question, asked only while the Assets tab lists active assets (its choices are theirs,
 * "PUMP-01 — Boiler feed pump (Plant room)"). Optional: most requests are about a place, not a machine.
 */
export const ASSET_QUESTION: FormQuestion = {
  key: 'asset',
  title: 'Asset',
  helpText: 'The equipment concerned, if it is listed (its label names it).',
  type: 'list',
  required: false,
};

/** Title of the email field Google Forms adds when it collects addresses. */
export const EMAIL_QUESTION_TITLE = 'Email Address';

/**
 * The questions with the location list filled in from Settings. With no locations configured, the
 * location becomes a free-text question.
 */
export function formQuestions(
  locations: readonly string[],
  /** Choices of the asset question (core/assets.ts assetChoice); none: no asset question. */
  assetChoices: readonly string[] = [],
): FormQuestion[] {
  const questions: FormQuestion[] = FORM_QUESTIONS.map((q) =>
    q.key !== 'location'
      ? { ...q }
      : locations.length > 0
        ? { ...q, choices: [...locations] }
        : { ...q, type: 'text' as const },
  );
  if (assetChoices.length > 0) questions.push({ ...ASSET_QUESTION, choices: [...assetChoices] });
  return questions;
}

/** The form-submit event as the add-on's adapter hands it over (the Range reduced to coordinates). */
export const FormSubmitEventSchema = z.lazySchema(() =>
  z.object({
    namedValues: z.record(z.string(), z.array(z.string())),
    values: z.array(z.string()),
    range: z.object({
      sheetName: z.string().check(z.minLength(1)),
      row: z.int().check(z.gte(2)),
      column: z.int().check(z.gte(1)),
      numRows: z.int().check(z.gte(1)),
      numColumns: z.int().check(z.gte(1)),
    }),
    triggerUid: z.optional(z.string()),
  }),
);
export type FormSubmitEvent = z.infer<typeof FormSubmitEventSchema>;

/** Where a response lives: "Form Responses 1!A7" (the register's Response Row, the idempotency key). */
export function responseRef(sheetName: string, row: number): string {
  return `${sheetName}!A${row}`;
}

export function parseResponseRef(ref: string): { sheetName: string; row: number } | null {
  const m = /^(.+)!A(\d+)$/.exec(ref.trim());
  if (!m) return null;
  const row = Number(m[2]);
  return row >= 1 ? { sheetName: m[1] as string, row } : null;
}

export interface Submission {
  requesterEmail: string;
  requesterName: string;
  description: string;
  location: string;
  urgency: string;
  resources: string;
  /** Asset ID named by the asset question ('' when unanswered or the form has none). */
  asset: string;
  problems: string[];
}

const EMAIL_SHAPE = z.lazySchema(() => z.email());

function answerOf(
  namedValues: Record<string, readonly string[] | undefined>,
  title: string,
  keepWhitespace = false,
): string | undefined {
  const wanted = title.trim().toLowerCase();
  for (const [key, answers] of Object.entries(namedValues)) {
    if (key.trim().toLowerCase() !== wanted) continue;
    // Checkbox answers arrive as one "a, b" string; several values are joined the same way.
    // Free text is kept as typed (a leading tab is the respondent's text, and asCellText keeps it
    // literal); short answers are trimmed. Answers that are nothing but whitespace count as empty.
    return (answers ?? [])
      .map((a) => (keepWhitespace ? cleanText(String(a)) : cleanText(String(a)).trim()))
      .filter((a) => a.trim() !== '')
      .join(', ');
  }
  return undefined;
}

function oneOf(value: string, choices: readonly string[]): string | undefined {
  const wanted = value.trim().toLowerCase();
  return choices.find((c) => c.trim().toLowerCase() === wanted);
}

/** A normalized request from a response's named values; never throws. */
export function parseSubmission(
  namedValues: Record<string, readonly string[] | undefined>,
  knownLocations: readonly string[],
  urgencyChoices: readonly string[] = URGENCY_CHOICES,
): Submission {
  const problems: string[] = [];
  const titleOf = (key: QuestionKey): string => FORM_QUESTIONS.find((q) => q.key === key)?.title ?? key;
  const text = (key: QuestionKey): string => {
    const question = FORM_QUESTIONS.find((q) => q.key === key);
    const answer = answerOf(namedValues, titleOf(key), question?.type === 'paragraph');
    if (answer === undefined) {
      problems.push(`The form has no "${titleOf(key)}" question`);
      return '';
    }
    if (answer === '' && question?.required) problems.push(`"${titleOf(key)}" was left empty`);
    const cell = asCellText(answer);
    if (cell.truncated)
      problems.push(`"${titleOf(key)}" was cut to fit a cell (${cell.originalLength} characters)`);
    return cell.text;
  };

  const rawEmail = (answerOf(namedValues, EMAIL_QUESTION_TITLE) ?? '').toLowerCase();
  let requesterEmail = '';
  if (EMAIL_SHAPE.safeParse(rawEmail).success) requesterEmail = rawEmail;
  else
    problems.push(
      rawEmail === ''
        ? 'No requester email was collected'
        : `"${rawEmail.slice(0, 80)}" is not an email address`,
    );

  const requesterName = text('requesterName');
  const description = text('description');
  let location = text('location');
  if (location !== '' && knownLocations.length > 0) {
    const known = oneOf(location, knownLocations);
    if (known) location = known;
    else problems.push(`Location "${location.slice(0, 80)}" is not on the Settings list`);
  }
  let urgency = text('urgency');
  if (urgency !== '') {
    const known = oneOf(urgency, urgencyChoices);
    if (known) urgency = known;
    else problems.push(`Urgency "${urgency.slice(0, 80)}" is not one of the form's choices`);
  }
  const resources = text('resources');
  // Optional and asked only when assets are listed: a missing question is not a problem.
  const assetAnswer = answerOf(namedValues, ASSET_QUESTION.title) ?? '';
  const asset = assetIdOfAnswer(assetAnswer) ?? '';
  if (assetAnswer !== '' && asset === '')
    problems.push(`Asset "${assetAnswer.slice(0, 80)}" does not name an asset id`);
  // The choice says where the asset was when the form was last set up: a request naming another
  // location sends someone to the wrong place, or puts the order on the wrong asset's history.
  const assetAt = asset === '' ? null : assetLocationOfAnswer(assetAnswer, knownLocations);
  if (assetAt !== null && location !== '' && assetAt.toLowerCase() !== location.toLowerCase())
    problems.push(
      `Asset ${asset} is at ${assetAt}, but the request names ${location.slice(0, 80)}: check which is right before approving`,
    );
  return { requesterEmail, requesterName, description, location, urgency, resources, asset, problems };
}

/**
 * The priority that matches an urgency answer, by position (Emergency → first priority, …), as a
 * suggestion for the supervisor; '' when there is none.
 */
export function suggestedPriority(
  urgency: string,
  priorities: readonly PriorityRule[],
  urgencyChoices: readonly string[] = URGENCY_CHOICES,
): string {
  const index = urgencyChoices.findIndex((c) => c.toLowerCase() === urgency.trim().toLowerCase());
  return index >= 0 ? (priorities[index]?.name ?? '') : '';
}

/**
 * The fields newWorkOrder fills from the request's answers, which no person may type afterwards: what
 * Verify audit log compares with the request (features/integrity) and setup vouches for before it seals
 * a row without a record. Needs Review (reviewFlag) is filled from them too, from what they lacked.
 */
export const ANSWER_FIELDS = [
  'description',
  'requesterEmail',
  'requesterName',
  'location',
  'urgency',
  'resources',
  'asset',
] as const satisfies readonly WorkOrderField[];

/** The register row of a new request: Submitted, revision 1, its problems as the review flag. */
export function newWorkOrder(
  submission: Submission,
  meta: { id: string; requestedAt: Date; responseRef: string },
): WorkOrder {
  return {
    ...emptyWorkOrder(),
    id: meta.id,
    requestedAt: meta.requestedAt,
    requesterEmail: submission.requesterEmail,
    requesterName: submission.requesterName,
    location: submission.location,
    description: submission.description,
    urgency: submission.urgency,
    resources: submission.resources,
    asset: submission.asset,
    reviewFlag: asCellText(submission.problems.join('; ')).text,
    responseRef: meta.responseRef,
  };
}
