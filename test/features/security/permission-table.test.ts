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
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { REGISTER, assignedOrder, cell, rowOf } from '../../support/edits';

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
