/**
 * The add-on's forms shared with the administrators, and only while they are. A form is a Drive file
 * private to the account that made it (the installation owner's setup): without sharing, another
 * administrator could not open it, so their setup could not repair it and Print request labels could
 * not read it. Who gets and loses access is decided in core/access-grants.ts; the record of whom the role
 * gave access to is kept in document properties. One call per form to read its editors, then one per
 * change: nothing more when Staff's administrators are unchanged.
 */
import type { StaffMember } from '../../../core/model';
import { administratorEmails } from '../../../core/staff';
import { parseFormGrants, planFormSharing } from '../../../core/access-grants';
import type { Form } from '../../adapters/apps-script-types';
import { addFormEditors, formEditorEmails, openFormOrNull, removeFormEditor } from '../../adapters/forms';
import { effectiveUserEmail } from '../../adapters/session';
import { SetupReport } from './report';
import { PROPERTY_KEYS, getProperty, setProperty } from '../../adapters/document-properties';
import { recordedInstallationOwner } from './installation';

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function shareFormsWithAdministrators(
  forms: readonly (Form | null)[],
  staff: readonly StaffMember[],
  report: SetupReport,
): void {
  const admins = administratorEmails(staff);
  const keep = [effectiveUserEmail(), recordedInstallationOwner() ?? ''];
  const before = getProperty(PROPERTY_KEYS.formGrants);
  const grants = parseFormGrants(before);
  for (const form of forms) {
    if (!form) continue;
    const id = form.getId();
    const plan = planFormSharing(admins, formEditorEmails(form), grants[id] ?? [], keep);
    const title = form.getTitle();
    // Sharing never stops setup: a refusal (an address outside what the domain may share with) is
    // reported, and tried again by the next run.
    if (plan.add.length > 0) {
      try {
        addFormEditors(form, plan.add);
        report.repaired.push(`shared the form "${title}" with ${plan.add.join(', ')} (administrators)`);
      } catch (error) {
        report.warnings.push(
          `the form "${title}" could not be shared with ${plan.add.join(', ')}: ${reason(error)}`,
        );
      }
    }
    // A removal that fails stays on the record, to be tried again by the next Staff edit or setup.
    const stillGranted: string[] = [];
    for (const email of plan.remove) {
      try {
        removeFormEditor(form, email);
        report.repaired.push(
          `took ${email} off the editors of the form "${title}" (no longer an active administrator)`,
        );
      } catch (error) {
        stillGranted.push(email);
        report.warnings.push(
          `${email} is no longer an active administrator but could not be taken off the editors of the form "${title}": ${reason(error)}. Remove them in the form's Share dialog.`,
        );
      }
    }
    grants[id] = [...plan.granted, ...stillGranted];
  }
  const after = JSON.stringify(grants);
  if (after !== (before ?? JSON.stringify({}))) setProperty(PROPERTY_KEYS.formGrants, after);
}

/**
 * After an accepted Staff edit (the edit trigger runs as the installation owner, whose forms they are):
 * an administrator added there can open the forms at once, not only after the owner's next setup (a
 * take-over by them then finds forms its hourly job can read), and one removed there, or made
 * inactive, loses the access the role gave them at once. A form this account cannot open is left to
 * the owner's setup.
 */
export function shareRecordedFormsWithAdministrators(staff: readonly StaffMember[]): void {
  const forms = [PROPERTY_KEYS.formId, PROPERTY_KEYS.updateFormId, PROPERTY_KEYS.replyFormId].map((key) => {
    const id = getProperty(key);
    return id ? openFormOrNull(id) : null;
  });
  const report = new SetupReport();
  shareFormsWithAdministrators(forms, staff, report);
  for (const warning of report.warnings) console.warn(`Staff edit: ${warning}`);
}
