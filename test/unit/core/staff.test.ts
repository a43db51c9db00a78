import {
  STAFF_HEADER_ROW,
  activeTechnicians,
  administratorEmails,
  findStaff,
  nameOf,
  parseStaff,
  roleOf,
  staffSheetRows,
  supervisorEmails,
} from '../../../src/core/staff';
import { STAFF } from './fixtures';

describe('parseStaff', () => {
  it('reads members by header, lower-casing emails and canonicalizing roles', () => {
    const { staff, problems } = parseStaff([
      ['Active', 'Role', 'Name', 'Email'],
      [true, 'supervisor', 'Sam', ' Sam@Example.com '],
      ['', 'TECHNICIAN', 'Tom', 'tom@example.com'],
      [false, 'Technician', 'Old Tom', 'oldtom@example.com'],
      ['no', 'Manager', '', 'max@example.com'],
    ]);
    expect(problems).toEqual([]);
    expect(staff).toEqual([
      { email: 'sam@example.com', name: 'Sam', role: 'Supervisor', active: true },
      { email: 'tom@example.com', name: 'Tom', role: 'Technician', active: true },
      { email: 'oldtom@example.com', name: 'Old Tom', role: 'Technician', active: false },
      { email: 'max@example.com', name: '', role: 'Manager', active: false },
    ]);
  });
  it('reports bad rows and duplicates readably, keeping the good ones', () => {
    const { staff, problems } = parseStaff([
      [...STAFF_HEADER_ROW],
      ['sam@example.com', 'Sam', 'Supervisor', true],
      ['not-an-email', 'X', 'Technician', true],
      ['tom@example.com', 'Tom', 'Janitor', 'maybe'],
      ['', '', '', ''],
      ['SAM@example.com', 'Sam again', 'Technician', true],
    ]);
    expect(staff.map((m) => m.email)).toEqual(['sam@example.com']);
    expect(problems).toEqual([
      'Staff row 3 is ignored: Email is not an email address',
      'Staff row 4 is ignored: Role "Janitor" is not one of Supervisor, Technician, Manager, Administrator; Active is not TRUE or FALSE',
      'Staff row 6: sam@example.com is listed twice; the second row is ignored',
    ]);
  });
  it('warns when nobody can approve', () => {
    expect(
      parseStaff([[...STAFF_HEADER_ROW], ['tom@example.com', 'Tom', 'Technician', true]]).problems,
    ).toEqual(['No active Supervisor or Administrator is listed: nobody can approve or assign work']);
  });
  it('handles an empty tab or missing columns', () => {
    expect(parseStaff([])).toEqual({
      staff: [],
      problems: ['The Staff tab is empty: nobody can approve or assign work'],
    });
    expect(parseStaff([['Email', 'Name']]).problems).toEqual([
      'The Staff tab is missing its Role, Active column(s)',
    ]);
  });
  it('round-trips what setup writes', () => {
    expect(parseStaff(staffSheetRows(STAFF)).staff).toEqual(STAFF);
  });
});

describe('look-ups', () => {
  it('gives roles to active members only', () => {
    expect(roleOf(STAFF, 'SAM@example.com ')).toBe('Supervisor');
    expect(roleOf(STAFF, 'old@example.com')).toBeNull();
    expect(roleOf(STAFF, 'nobody@example.com')).toBeNull();
    expect(roleOf(STAFF, '')).toBeNull();
    expect(findStaff(STAFF, 'tom@example.com')?.name).toBe('Tom Technician');
  });
  it('lists technicians, supervisors and administrators', () => {
    expect(activeTechnicians(STAFF).map((m) => m.email)).toEqual(['tom@example.com', 'tina@example.com']);
    expect(supervisorEmails(STAFF)).toEqual(['sam@example.com', 'sue@example.com']);
    expect(administratorEmails(STAFF)).toEqual(['ada@example.com']);
  });
  it('names people', () => {
    expect(nameOf(STAFF, 'Tom@example.com')).toBe('Tom Technician');
    expect(nameOf(STAFF, 'x@example.com')).toBe('x@example.com');
  });
});
