/**
 * An edit by someone Google does not name. The edit trigger runs as the installation's owner, and
 * Google gives it the editor's email only when the editor is in the owner's Workspace domain: for a
 * consumer account, a contractor or another domain the email is blank. Such an edit cannot be checked
 * against anyone's role, so it is put back; the note then says so plainly, instead of calling the
 * person "not active staff", and points to the paths that do know who they are (My work runs as the
 * person who opens it; the update form collects verified emails). What they typed is logged as usual.
 */
import type { WorkOrderField } from '../../../core/model';
import { NOT_KEPT, type RowVerdict } from './judge';

export const HIDDEN_EDITOR_REASON =
  "Google did not tell Work Orders who made this edit (it shares an editor's email only within the spreadsheet owner's Google Workspace domain), so it could not be checked and was put back. Use Extensions › Work Orders › My work, or the update link in your assignment email, instead; what you typed is kept in the Change Log";

/** The reason checkSheetEdit/checkTransition give for an actor with no email and so no role. */
const UNKNOWN_ACTOR = /^This user is not active staff/;

/** Rewrites the refusals that come from the missing identity (in place) and returns the verdicts. */
export function explainHiddenEditor(verdicts: RowVerdict[]): RowVerdict[] {
  for (const verdict of verdicts) {
    if (verdict.kind === 'unchecked') continue;
    for (const refusal of verdict.refused) {
      if (!UNKNOWN_ACTOR.test(refusal.reason)) continue;
      refusal.reason = HIDDEN_EDITOR_REASON;
      if (verdict.kind === 'judged' && refusal.field !== 'state') {
        const field = refusal.field as WorkOrderField;
        verdict.notes.set(
          field,
          refusal.restored ? HIDDEN_EDITOR_REASON : `${HIDDEN_EDITOR_REASON}. ${NOT_KEPT}`,
        );
      }
    }
  }
  return verdicts;
}
