/**
 * Answers to the add-on's own forms (the requestors' reply form, the technicians' update form) that no
 * form-submit execution recorded.
 */
import { isReplyResponse } from '../../../core/reply-form';
import { isUpdateResponse } from '../../../shared/my-work-update-form';

/** Whether a response row holds an answer to the reply or the update form, told as the trigger tells it. */
export function isFormAnswer(namedValues: Readonly<Record<string, readonly string[]>>): boolean {
  return isUpdateResponse(namedValues) || isReplyResponse(namedValues);
}
