/**
 * Which tabs reconciliation reads for form responses: the tabs Google Forms writes, named as Forms
 * names them or linked to a form (a renamed one), and the tabs of the add-on's own forms (the reply
 * form's and the update form's answers, which reconciliation owes to their handlers: ./missed-answers.ts).
 * Asking a tab whether a form writes it is a call to the backend, so the add-on's own tabs are never
 * asked, nor the tabs found unlinked before.
 */
import { SHEET_NAMES } from '../../../core/model';
import { UPDATE_RESPONSES_SHEET } from '../../../shared/my-work-update-form';
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import { listTabs } from '../../adapters/tabs';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

const RESPONSES_TAB = /^form responses \d+$/i;

/** Named by setup: taken by name, as Forms' own names are (a form behind each row is checked later). */
export const ANSWER_TABS: ReadonlySet<string> = new Set(
  [SHEET_NAMES.requestorReplies, UPDATE_RESPONSES_SHEET].map((n) => n.toLowerCase()),
);

const OWN_TABS: ReadonlySet<string> = new Set(Object.values(SHEET_NAMES).map((n) => n.toLowerCase()));

/**
 * Owner state (per spreadsheet): ids of the tabs found linked to no form, as JSON. Linking a form
 * always makes a new tab for its responses, so a tab once found unlinked never becomes one Forms
 * writes: it is not asked again.
 */
export const FORMLESS_TABS = 'formlessTabs';

function readFormless(ssId: string): Set<number> {
  try {
    const ids: unknown = JSON.parse(readOwnerState(ssId, FORMLESS_TABS) ?? '[]');
    return new Set(Array.isArray(ids) ? ids.filter((v): v is number => Number.isInteger(v)) : []);
  } catch {
    return new Set();
  }
}

/** The tabs Google Forms writes; the record of the unlinked ones kept to the tabs there now. */
export function responseSheets(ss: Spreadsheet, ssId: string): Sheet[] {
  const known = readFormless(ssId);
  const formless: number[] = [];
  const sheets = listTabs(ss).filter((s) => {
    const name = s.getName().trim();
    if (RESPONSES_TAB.test(name) || ANSWER_TABS.has(name.toLowerCase())) return true;
    if (OWN_TABS.has(name.toLowerCase())) return false;
    const id = s.getSheetId();
    if (!known.has(id) && s.getFormUrl() !== null) return true;
    formless.push(id);
    return false;
  });
  // Kept to the tabs there now: a deleted tab's id leaves the list.
  const changed = formless.length !== known.size || formless.some((id) => !known.has(id));
  if (changed) writeOwnerState(ssId, FORMLESS_TABS, JSON.stringify(formless));
  return sheets;
}
