import type { Spreadsheet, Sheet, Form } from '../../adapters/apps-script-types';
import { firstTab, lastUsedColumn, listTabs, renameTab } from '../../adapters/tabs';
import { hasTab } from '../../adapters/response-tabs';
import {
  collectVerifiedEmails,
  collectsVerifiedEmails,
  sendResponsesTo,
  stopResponseEdits,
} from '../../adapters/forms';
import { trimNewTabColumns } from '../../adapters/tab-sizing';
/**
 * The tab a form of the add-on sends its responses to, in this spreadsheet: the request form
 * (./intake-form.ts), the per-order update form (./update-form.ts) and the requestors' reply form
 * (./reply-form.ts) each have one.
 */

/** Google inserts a newly linked form's responses tab first: that tab, or null when the first is no form's. */
export function newResponsesSheet(ss: Spreadsheet): Sheet | null {
  const sheet = firstTab(ss);
  return sheet && sheet.getFormUrl() !== null ? sheet : null;
}

/**
 * A new responses tab is 26 columns wide for a handful of answers: every empty cell counts against the
 * spreadsheet's 10-million-cell limit, once per response row. Forms adds a column itself when a
 * question is added later.
 */
export function trimEmptyColumns(sheet: Sheet): void {
  trimNewTabColumns(sheet, lastUsedColumn(sheet));
}

/**
 * Whether a tab of this spreadsheet is linked to this very form. With two forms linked (requests and
 * the per-order update form), Spreadsheet.getFormUrl() names either; Form.getDestinationId() keeps
 * answering after the form is unlinked (and throws for a form never linked).
 */
export function hasLinkedTab(form: Form, ss: Spreadsheet): boolean {
  const id = form.getId();
  return listTabs(ss).some((sheet) => (sheet.getFormUrl() ?? '').includes(id));
}

/**
 * Google inserts the destination tab first: it gets the add-on's name for it, never "Form Responses N"
 * (which the hourly reconciliation reads as requests), and loses its empty columns. A form linked
 * again gets a new tab; the old one keeps its rows and its name, so the new one is numbered.
 */
export function nameNewResponsesTab(ss: Spreadsheet, baseName: string): void {
  const sheet = newResponsesSheet(ss);
  if (!sheet) return;
  let name = baseName;
  for (let n = 2; hasTab(ss, name); n++) name = `${baseName} ${n}`;
  renameTab(sheet, name);
  trimEmptyColumns(sheet);
}

/** One of setup's own forms (the update form, the reply form), as its repair names and names its tab. */
export interface OwnForm {
  /** How the summary names it: "the update form". */
  name: string;
  title: string;
  /** Its responses tab's name (numbered when the form is linked again). */
  tab: string;
}

/**
 * Puts back what each of setup's own forms keeps besides its questions, saying what it did: verified
 * email addresses (a reply or an update is from whom Google says), response editing off (an answer is
 * taken in once), a title, and its responses sent to a tab of this spreadsheet.
 */
export function repairFormSettings(ss: Spreadsheet, form: Form, own: OwnForm, repaired: string[]): void {
  if (!collectsVerifiedEmails(form)) {
    collectVerifiedEmails(form);
    repaired.push(`${own.name} collects verified email addresses again`);
  }
  if (stopResponseEdits(form)) {
    repaired.push(
      `${own.name} no longer lets respondents edit a response after sending it (an edit is not taken in)`,
    );
  }
  if (form.getTitle().trim() === '') {
    form.setTitle(own.title);
    repaired.push(`${own.name} has its title again`);
  }
  if (!hasLinkedTab(form, ss)) {
    sendResponsesTo(form, ss.getId());
    nameNewResponsesTab(ss, own.tab);
    repaired.push(`${own.name} sends its responses to this spreadsheet again`);
  }
}
