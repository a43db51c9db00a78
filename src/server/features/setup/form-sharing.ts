/**
 * The add-on's forms shared with the administrators. A form is a Drive file private to the account that
 * made it (the installation owner's setup): without this, another administrator could not open it, so
 * their setup could not repair it and Print request labels could not read it. Two calls per form, the
 * second only when an administrator is missing; removed administrators keep their access (as the
 * archive files do), since taking it needs Drive and setup cannot tell who was given it by hand.
 */
import type { StaffMember } from '../../../core/model';
import { administratorEmails } from '../../../core/staff';
import type { Form } from '../../adapters/apps-script-types';
import { addFormEditors, formEditorEmails, openFormOrNull } from '../../adapters/forms';
import { SetupReport } from './report';
import { PROPERTY_KEYS, getProperty } from '../../adapters/document-properties';

export function shareFormsWithAdministrators(
  forms: readonly (Form | null)[],
  staff: readonly StaffMember[],
  report: SetupReport,
): void {
  const admins = administratorEmails(staff).map((e) => e.toLowerCase());
  for (const form of forms) {
    if (!form || admins.length === 0) continue;
    const editors = new Set(formEditorEmails(form));
    const missing = admins.filter((e) => !editors.has(e));
    if (missing.length === 0) continue;
    // Sharing never stops setup: a refusal (an address outside what the domain may share with) is
    // reported, and tried again by the next run.
    try {
      addFormEditors(form, missing);
      report.repaired.push(
        `shared the form "${form.getTitle()}" with ${missing.join(', ')} (administrators)`,
      );
    } catch (error) {
      report.warnings.push(
        `the form "${form.getTitle()}" could not be shared with ${missing.join(', ')}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/**
 * After an accepted Staff edit (the edit trigger runs as the installation owner, whose forms they are):
 * an administrator added there can open the forms at once, not only after the owner's next setup. A
 * take-over by that administrator then finds forms its hourly job can read (the check of missed
 * responses against the request form). A form this account cannot open is left to the owner's setup.
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
