/**
 * Who can sit at the workbench: everyone on the Staff tab (read from the model, as a person would
 * read the tab) plus the requestors, who are not staff and only ever see the form and their email.
 */
import type { SpreadsheetModel } from '../../runtime/host/spreadsheet/store';
import { parseStaff } from '../../src/core/staff';
import { SHEET_NAMES } from '../../src/core/model';

export interface Person {
  email: string;
  name: string;
  /** A Staff role, or `Requestor`. */
  role: string;
}

/** The demo's people. The administrator is whoever ran setup; the rest are typed into Staff by the seed. */
export const DEMO = {
  admin: { email: 'ada.admin@example.com', name: 'Ada Admin', role: 'Administrator' },
  supervisor: { email: 'sam.supervisor@example.com', name: 'Sam Supervisor', role: 'Supervisor' },
  technicians: [
    { email: 'tina.tech@example.com', name: 'Tina Tech', role: 'Technician' },
    { email: 'theo.tech@example.com', name: 'Theo Tech', role: 'Technician' },
  ],
  manager: { email: 'mia.manager@example.com', name: 'Mia Manager', role: 'Manager' },
  requestor: { email: 'rita.requestor@example.com', name: 'Rita Requestor', role: 'Requestor' },
  /** Other people who send requests in the demo history. */
  otherRequestors: [
    { email: 'omar.office@example.com', name: 'Omar Office', role: 'Requestor' },
    { email: 'lena.lab@example.com', name: 'Lena Lab', role: 'Requestor' },
    { email: 'felix.facilities@example.com', name: 'Felix Facilities', role: 'Requestor' },
  ],
} as const;

const ROLE_ORDER = ['Requestor', 'Supervisor', 'Technician', 'Manager', 'Administrator'];

/** Staff (active members) and the requestor persona, in the order the switcher lists them. */
export function peopleOf(spreadsheet: SpreadsheetModel | undefined): Person[] {
  const people: Person[] = [{ ...DEMO.requestor }];
  const sheet = spreadsheet?.sheetModel(SHEET_NAMES.staff);
  if (sheet) {
    const values = sheet.readValues(1, 1, Math.max(sheet.lastRow(), 1), Math.max(sheet.lastColumn(), 1));
    for (const member of parseStaff(values).staff) {
      if (member.active)
        people.push({ email: member.email, name: member.name || member.email, role: member.role });
    }
  }
  return people.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
}
