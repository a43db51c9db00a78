/**
 * A sidebar's or a menu item's write refused by one of the add-on's own protections.
 *
 * Technicians and supervisors are editors of the protections over the tabs and columns their sidebars
 * write (a sidebar writes as the person using it), and any editor of a protection may change its
 * editors: a script of their own can remove other staff. Those people's next write then fails with
 * Google's "contact the spreadsheet owner to remove protection", which is not what to do (the owner
 * must not remove the protection) and reaches nobody who can mend it. So the person is told the truth
 * and the way back (an administrator runs setup, which re-applies every protection from the Staff
 * tab), and the administrators hear of it through the Errors tab and its daily email. Nothing is
 * checked per protection beforehand: the refusal itself is the signal, and the honest path pays nothing.
 */
import { administratorEmails } from '../../../core/staff';
import { loadReferenceData } from '../../adapters/reference-data';
import { currentUserEmail } from '../../adapters/session';
import { activeSpreadsheetOrNull } from '../../adapters/installation-services';
import { reportProblem } from './report';

const SETUP = 'Extensions › Work Orders › Set up work orders';

/** What became of the work, for the person: a sidebar's, or a menu item's that stopped at the write. */
const AFTER = {
  sidebar: 'Press Reload to see what was saved.',
  menu: 'It stopped at that write.',
} as const;

/**
 * Records the refusal (Errors tab, and the administrators' email once a day) and returns what the
 * person is told. `what`: the call, for the Errors row ("Sidebar", "buildReports"…).
 */
export function protectionRefused(what: string, error: unknown, from: keyof typeof AFTER): string {
  const email = currentUserEmail();
  const ss = activeSpreadsheetOrNull();
  let admins: string[] = [];
  let told = false;
  if (ss) {
    try {
      admins = administratorEmails(loadReferenceData(ss).staff);
    } catch {
      // The message below still says who can mend it, without names.
    }
    try {
      reportProblem(ss, {
        source: what,
        key: 'protection-refused',
        message:
          `Google refused a write Work Orders makes as ${email || 'a staff member'}: they are not among the ` +
          `editors of one of the add-on's protections their role writes (an editor's own script can remove ` +
          `people from a protection). Run ${SETUP}, which re-applies every protection from the Staff tab.`,
        stack: error instanceof Error ? (error.stack ?? '') : '',
        errorName: 'ProtectionRefused',
      });
      told = true;
    } catch {
      // The same removal may cover the Errors tab: the person is asked to tell an administrator instead.
    }
  }
  const who = admins.length > 0 ? `an administrator (${admins.slice(0, 3).join(', ')})` : 'an administrator';
  return (
    `Google refused to let Work Orders save this as you${email ? ` (${email})` : ''}: you are not among the ` +
    `editors of a protected tab or column your role writes, so someone has changed its protection (an ` +
    `editor's own script can). ${AFTER[from]} To get your rights back, ask ${who} to ` +
    `run ${SETUP}, which re-applies the protections; then try again.` +
    (told
      ? ' The administrators have been told on the Errors tab.'
      : ' Tell them yourself: Work Orders could not record it on the Errors tab either.')
  );
}
