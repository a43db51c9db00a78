/**
 * The permission table (src/core/permissions.ts) against what dist/Code.js does: every menu item run
 * by every role is refused exactly when the table says so, and every register field a role types into
 * is kept exactly when the table lists it for that role.
 */
import { REGISTER_COLUMNS, type Role, type WorkOrderField } from '../../../src/core/model';
import {
  MENU_ITEMS,
  MENU_REQUIRES,
  PERMISSIONS,
  roleMay,
  type MenuItemName,
} from '../../../src/core/permissions';
import { ADDON_MENU } from '../../../src/server/features/menu';
import type { ExecutionRecord } from '../../../runtime';
import {
  ADMIN,
  MANAGER,
  STRANGER,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { REGISTER, assignedOrder, cell, mailTo, rowOf, submitOne, type } from '../../support/edits';

const PEOPLE: ReadonlyArray<[string, Role | null]> = [
  [TECH, 'Technician'],
  [MANAGER, 'Manager'],
  [SUPERVISOR, 'Supervisor'],
  [ADMIN, 'Administrator'],
  [STRANGER, null],
];

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

/** A refusal is an error or an alert saying who may do it ("Only …"). */
function refusal(
  wb: TestWorkbook,
  user: string,
  record: ExecutionRecord,
  alertsBefore: number,
): string | null {
  if (!record.ok) return record.error?.message ?? 'failed';
  const alerts = wb.rt.world.ui.ofKind('alert').filter((a) => a.user === user);
  const said = alerts.slice(alertsBefore).map((a) => a.prompt ?? '');
  return said.find((p) => /\bonly\b/i.test(p)) ?? null;
}

describe('menu items', () => {
  test('the add-on menu offers exactly the items the permission table knows', () => {
    const handlers = ADDON_MENU.flatMap((e) => (e === 'separator' ? [] : [e.handler]));
    expect([...handlers].sort()).toEqual([...MENU_ITEMS].sort());
  });

  const cases = MENU_ITEMS.flatMap((item) =>
    PEOPLE.map(([user, role]) => [item, user, role] as [MenuItemName, string, Role | null]),
  );
  test.each(cases)(
    '%s run by %s (%s) is refused exactly when the table says so',
    async (item, user, role) => {
      const allowed = roleMay(role, MENU_REQUIRES[item]);
      const alertsBefore = wb.rt.world.ui.ofKind('alert').filter((a) => a.user === user).length;
      const record = await wb.menu(user, item);
      const refused = refusal(wb, user, record, alertsBefore);
      if (allowed) expect(refused).toBeNull();
      else expect(refused).toMatch(/only/i);
    },
  );
});

describe('register fields typed by each role', () => {
  const VALUES: Partial<Record<WorkOrderField, string>> = {
    notes: 'checked the fitting',
    results: 'replaced',
    actions: 'new bulb',
    reason: 'parts on order',
    priority: 'P2 Urgent',
    category: 'Plumbing',
    description: 'something else entirely',
    requesterName: 'Mallory',
    location: 'Annex',
  };
  const fields = Object.keys(VALUES) as WorkOrderField[];
  const roles: ReadonlyArray<[string, Role]> = [
    [TECH, 'Technician'],
    [SUPERVISOR, 'Supervisor'],
    [ADMIN, 'Administrator'],
    [MANAGER, 'Manager'],
  ];
  test.each(roles)('%s (%s): each field kept exactly when the table lists it', async (user, role) => {
    const id = await assignedOrder(wb, TECH);
    for (const field of fields) {
      const header = REGISTER_COLUMNS[field];
      const before = cell(wb, id, header);
      const typed = VALUES[field] as string;
      try {
        await wb.edit(user, REGISTER, rowOf(wb, id), wb.registerColumn(header), [[typed]]);
      } catch (error) {
        // Sheets itself refused the edit (a protected cell): nothing changed.
        expect(String(error)).toMatch(/protected/);
      }
      const kept = PERMISSIONS[role].fields.includes(field);
      expect([field, cell(wb, id, header)]).toEqual([field, kept ? typed : before]);
    }
  });
});

describe('who is given work and who is told', () => {
  const STAFF = PEOPLE.filter((p): p is [string, Role] => p[1] !== null);

  test.each(STAFF)(
    'work assigned to %s (%s) is accepted exactly when the table lets the role be assigned',
    async (user, role) => {
      const id = await submitOne(wb);
      const record = await wb.call(SUPERVISOR, 'reviewAct', {
        action: 'approveAssign',
        id,
        revision: wb.order(id).revision,
        category: 'Electrical',
        priority: 'P3 Routine',
        assignee: user,
      });
      const reply = expectOk(record).value as { ok: boolean; view?: { technicians: { email: string }[] } };
      const allowed = roleMay(role, 'beAssigned');
      expect(reply.ok).toBe(allowed);
      expect(wb.order(id).assignee).toBe(allowed ? user : '');
      const offered = (await wb.call(SUPERVISOR, 'reviewLoad')).value as {
        view: { technicians: { email: string }[] };
      };
      expect(offered.view.technicians.some((t) => t.email === user)).toBe(allowed);
    },
  );

  test('work put on hold is told to exactly the staff the table gives supervisor notices', async () => {
    const id = await assignedOrder(wb, TECH);
    const before = new Map(STAFF.map(([user]) => [user, mailTo(wb, user).length]));
    await type(wb, TECH, id, 'Status', 'In Progress');
    await type(wb, TECH, id, 'Reason', 'Waiting for parts');
    await type(wb, TECH, id, 'Status', 'On Hold');
    expect(wb.order(id).status).toBe('On Hold');
    for (const [user, role] of STAFF) {
      const told = mailTo(wb, user)
        .slice(before.get(user))
        .some((subject) => /on hold/i.test(subject));
      expect([user, told]).toEqual([user, roleMay(role, 'receiveSupervisorNotices')]);
    }
  });
});
