/**
 * The questions of the request form (./intake-form.ts) and the per-order update form
 * (./update-form.ts): added by kind, found again by title (so a form an administrator reworded keeps
 * working for the questions it still has), added back when missing, and their choices put right; and
 * the rule by which setup keeps each of its forms (request, update, reply): the recorded one put
 * right, or a new one recorded.
 */
import type { FormQuestion } from '../../../core/intake';
import { choiceValues, openFormOrNull } from '../../adapters/forms';
import type { Form, Item } from '../../adapters/apps-script-types';
import { getProperty, setProperty, type PropertyKey } from '../../adapters/document-properties';
import { effectiveUserEmail } from '../../adapters/installation-services';
import { recordedInstallationOwner } from './installation';

/** A question as either form asks it. */
export type AskedQuestion = Pick<FormQuestion, 'title' | 'helpText' | 'type' | 'required' | 'choices'>;

/**
 * The form recorded under an id, or null when none is recorded or it was deleted or is no longer
 * shared: setup then makes a new one (the old responses tab stays).
 */
export function openRecordedForm(id: string | null): Form | null {
  return id ? openFormOrNull(id) : null;
}

/**
 * The form whose id setup recorded under `key`, given to `repair`; or, when none is recorded or it can
 * no longer be opened, a new one from `make`, its id recorded and `created` said in the report.
 * A form is a Drive file private to whoever made it (the installation owner's setup): another
 * administrator cannot open it even though it still takes requests, so their run must not record a
 * second form in its place (a second responses tab, the printed links left on the old one). It is
 * left as it is, with a warning naming the owner, and null returned.
 */
export function recordedOrNewForm(
  key: PropertyKey,
  report: { created: string[]; warnings: string[] },
  created: string,
  make: () => Form,
  repair: (form: Form) => void,
): Form | null {
  const id = getProperty(key);
  const recorded = openRecordedForm(id);
  if (recorded) {
    repair(recorded);
    return recorded;
  }
  const owner = recordedInstallationOwner();
  if (id && owner !== null && owner !== effectiveUserEmail()) {
    const name = created.replace(/ \(.*\)$/, '');
    report.warnings.push(
      `${name} could not be opened: it is not shared with you (it belongs to the account that made it, normally the installation owner ${owner}) or it was deleted. It was left as it is: ask ${owner} to run Set up work orders, which shares the forms with the administrators or makes a new one if it was deleted`,
    );
    return null;
  }
  const form = make();
  setProperty(key, form.getId());
  report.created.push(created);
  return form;
}

export function addQuestion(form: Form, q: AskedQuestion): void {
  const item =
    q.type === 'paragraph'
      ? form.addParagraphTextItem()
      : q.type === 'text'
        ? form.addTextItem()
        : q.type === 'list'
          ? form.addListItem().setChoiceValues([...(q.choices ?? [])])
          : form.addMultipleChoiceItem().setChoiceValues([...(q.choices ?? [])]);
  item.setTitle(q.title).setHelpText(q.helpText).setRequired(q.required);
}

/** Keeps a choice question's choices equal to the wanted list; true when they were put right. */
function syncChoices(item: Item, q: AskedQuestion): boolean {
  if (!q.choices) return false;
  const choiceItem = q.type === 'list' ? item.asListItem() : item.asMultipleChoiceItem();
  const current = choiceValues(choiceItem);
  if (current.join('\n') === q.choices.join('\n')) return false;
  choiceItem.setChoiceValues([...q.choices]);
  return true;
}

/** The form's items by their title, trimmed and lower-cased. */
export function itemsByTitle(form: Form): Map<string, Item> {
  return new Map(form.getItems().map((item) => [item.getTitle().trim().toLowerCase(), item]));
}

/** What repairing one question did. */
export type QuestionRepair = 'added back' | 'choices put right';

/**
 * Adds back each missing question (found by title in `byTitle`) and puts each choice question's
 * choices right, in the questions' order; says what it did to which.
 */
export function repairQuestions<Q extends AskedQuestion>(
  form: Form,
  byTitle: ReadonlyMap<string, Item>,
  questions: readonly Q[],
): Array<{ question: Q; repair: QuestionRepair }> {
  const repairs: Array<{ question: Q; repair: QuestionRepair }> = [];
  for (const question of questions) {
    const item = byTitle.get(question.title.toLowerCase());
    if (!item) {
      addQuestion(form, question);
      repairs.push({ question, repair: 'added back' });
    } else if (syncChoices(item, question)) {
      repairs.push({ question, repair: 'choices put right' });
    }
  }
  return repairs;
}
