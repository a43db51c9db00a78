/**
 * The Staff tab: `Email | Name | Role | Active`, found by header. Emails are compared lower-cased; only
 * active members have a role (an inactive supervisor can no longer approve anything).
 */
import * as z from './validator';
import { BooleanCell } from './cells';
import { mapHeaders } from './headers';
import { ROLES, type Role, type StaffMember } from './model';
import { asCellText } from './sanitize';
import { roleMay } from './permissions';

export const STAFF_COLUMNS = { email: 'Email', name: 'Name', role: 'Role', active: 'Active' } as const;
export const STAFF_HEADER_ROW: readonly string[] = Object.values(STAFF_COLUMNS);

const ROLE_BY_NAME = new Map<string, Role>(ROLES.map((r) => [r.toLowerCase(), r]));

const trimmed = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());
const text = z.lazySchema(() => z.pipe(z.unknown(), z.transform(trimmed)));

/** One Staff row, validated. An empty Active cell counts as active (a freshly added row works). */
export const StaffRowSchema = z.lazySchema(() =>
  z.object({
    email: z.pipe(
      z.pipe(text, z.email({ error: 'is not an email address' })),
      z.transform((s: string) => s.toLowerCase()),
    ),
    name: text,
    role: z.pipe(
      text,
      z.transform((s: string, ctx): Role => {
        const role = ROLE_BY_NAME.get(s.toLowerCase());
        if (role) return role;
        ctx.issues.push({ code: 'custom', message: `"${s}" is not one of ${ROLES.join(', ')}`, input: s });
        return z.NEVER;
      }),
    ),
    active: z.union(
      [
        z.pipe(
          z.literal(''),
          z.transform(() => true),
        ),
        z.pipe(
          z.null(),
          z.transform(() => true),
        ),
        BooleanCell,
      ],
      { error: 'is not TRUE or FALSE' },
    ),
  }),
);

export interface ParsedStaff {
  staff: StaffMember[];
  problems: string[];
}

export function parseStaff(values: readonly (readonly unknown[])[]): ParsedStaff {
  const header = values[0];
  if (!header) return { staff: [], problems: ['The Staff tab is empty: nobody can approve or assign work'] };
  const layout = mapHeaders(header, STAFF_COLUMNS);
  const problems: string[] = [];
  if (layout.indexOf.email < 0 || layout.indexOf.role < 0) {
    const missing = layout.missing.map((k) => STAFF_COLUMNS[k]).join(', ');
    return { staff: [], problems: [`The Staff tab is missing its ${missing} column(s)`] };
  }
  const staff: StaffMember[] = [];
  const seen = new Set<string>();
  values.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const pick = (key: keyof typeof STAFF_COLUMNS): unknown => {
      const index = layout.indexOf[key];
      return index < 0 ? '' : cells[index];
    };
    const raw = { email: pick('email'), name: pick('name'), role: pick('role'), active: pick('active') };
    if (Object.values(raw).every((v) => v === '' || v === null || v === undefined)) return;
    const parsed = StaffRowSchema.safeParse(raw);
    if (!parsed.success) {
      const details = parsed.error.issues
        .map(
          (issue) =>
            `${STAFF_COLUMNS[issue.path[0] as keyof typeof STAFF_COLUMNS] ?? 'Row'} ${issue.message}`,
        )
        .join('; ');
      problems.push(`Staff row ${row} is ignored: ${details}`);
      return;
    }
    if (seen.has(parsed.data.email)) {
      problems.push(`Staff row ${row}: ${parsed.data.email} is listed twice; the second row is ignored`);
      return;
    }
    seen.add(parsed.data.email);
    staff.push(parsed.data);
  });
  if (!staff.some((m) => m.active && roleMay(m.role, 'superviseWork'))) {
    problems.push('No active Supervisor or Administrator is listed: nobody can approve or assign work');
  }
  return { staff, problems };
}

const normalize = (email: string): string => email.trim().toLowerCase();

/** The active member with this email, or undefined. */
export function findStaff(staff: readonly StaffMember[], email: string): StaffMember | undefined {
  const wanted = normalize(email);
  if (wanted === '') return undefined;
  return staff.find((m) => m.active && m.email === wanted);
}

/** The role of an active member; null for unknown or inactive users. */
export function roleOf(staff: readonly StaffMember[], email: string): Role | null {
  return findStaff(staff, email)?.role ?? null;
}

/** Display name of a member (their email when unnamed or unknown). */
export function nameOf(staff: readonly StaffMember[], email: string): string {
  const wanted = normalize(email);
  const member = staff.find((m) => m.email === wanted);
  return member?.name || email;
}

/** Active members who may be given work orders (the permission table's `beAssigned`). */
export function activeTechnicians(staff: readonly StaffMember[]): StaffMember[] {
  return staff.filter((m) => m.active && roleMay(m.role, 'beAssigned'));
}

/** Active members emailed what a supervisor acts on (the permission table's `receiveSupervisorNotices`). */
export function supervisorEmails(staff: readonly StaffMember[]): string[] {
  return staff.filter((m) => m.active && roleMay(m.role, 'receiveSupervisorNotices')).map((m) => m.email);
}

/** Active members who may administer the workbook (the permission table's `administer`). */
export function administratorEmails(staff: readonly StaffMember[]): string[] {
  return staff.filter((m) => m.active && roleMay(m.role, 'administer')).map((m) => m.email);
}

/** The Staff tab as setup writes it (header plus the given members). */
export function staffSheetRows(staff: readonly StaffMember[]): unknown[][] {
  return [
    [...STAFF_HEADER_ROW],
    ...staff.map((m) => [asCellText(m.email).cell, asCellText(m.name).cell, m.role, m.active]),
  ];
}
