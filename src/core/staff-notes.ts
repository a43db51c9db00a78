/**
 * Why a person on the Staff tab cannot be given work yet, row by row, in plain words for a note on
 * their row: the administrator who adds someone sees at once what is missing. Only rows meant to be
 * assignable get a note (a role the permission table lets be assigned, or a role not understood); ''
 * means nothing to say.
 */
import { mapHeaders } from './headers';
import { ROLES } from './model';
import { roleMay } from './permissions';
import { STAFF_COLUMNS, StaffRowSchema } from './staff';

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

/** One note per data row (values[1..]), in order; the Email column's index, or -1 when there is none. */
export function assignabilityNotes(values: readonly (readonly unknown[])[]): {
  column: number;
  notes: string[];
} {
  const header = values[0];
  if (!header) return { column: -1, notes: [] };
  const layout = mapHeaders(header, STAFF_COLUMNS);
  const at = (cells: readonly unknown[], key: keyof typeof STAFF_COLUMNS): unknown =>
    layout.indexOf[key] < 0 ? '' : cells[layout.indexOf[key]];
  const seen = new Set<string>();
  const notes = values.slice(1).map((cells) => {
    const raw = {
      email: at(cells, 'email'),
      name: at(cells, 'name'),
      role: at(cells, 'role'),
      active: at(cells, 'active'),
    };
    if (Object.values(raw).every((v) => text(v) === '')) return '';
    const role = text(raw.role).toLowerCase();
    const known = ROLES.find((r) => r.toLowerCase() === role);
    if (known && !roleMay(known, 'beAssigned')) return '';
    const reasons: string[] = [];
    const parsed = StaffRowSchema.safeParse(raw);
    const email = text(raw.email).toLowerCase();
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = STAFF_COLUMNS[issue.path[0] as keyof typeof STAFF_COLUMNS] ?? 'Row';
        if (column === STAFF_COLUMNS.role && text(raw.role) === '')
          reasons.push('the Role is empty: write Technician');
        else reasons.push(`the ${column} ${issue.message}`);
      }
    } else if (!parsed.data.active) reasons.push('Active is FALSE: set it to TRUE');
    if (email !== '' && seen.has(email))
      reasons.push(`${email} is listed above already: this row is ignored`);
    if (email !== '') seen.add(email);
    return reasons.length === 0
      ? ''
      : `Not assignable yet: ${reasons.join('; ')}. Work Orders offers only active Technicians with a valid email.`;
  });
  return { column: layout.indexOf.email, notes };
}
