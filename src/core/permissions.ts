/**
 * Who may do what, declared once. For each principal — the requestor (anyone who can open the form),
 * the four Staff roles, and the installation owner (the account whose triggers serve the spreadsheet) —
 * which actions, which register fields they may type into, which protected areas of the workbook their
 * account must be able to write, and which menu items they may run.
 *
 * Everything that decides a right reads this table: the review sidebar, the edit trigger (field and tab
 * rights), the menu items, reports, setup, and the sheet protections setup applies (their editor lists
 * are computed from `areas` below). Adding a right is one line here.
 */
import { LIFECYCLE_RECORD_FIELDS, type Role, type StaffMember, type WorkOrderField } from './model';

export const CAPABILITIES = [
  /** Submit a request through the Google Form. */
  'submitRequest',
  /** Approve, reject, number, prioritize, assign, close, return or cancel work (sidebar or sheet). */
  'superviseWork',
  /** Move one's own assigned work order (start, hold, resume, complete) and write its notes. */
  'workAssignedOrder',
  /** Be given work orders to do: offered as an assignee, listed as free capacity in the reports. */
  'beAssigned',
  /** Tick checklist items and record time and parts: on one's own assigned orders (any order as a supervisor). */
  'recordWorkDone',
  /** Read every work order's figures in the report tabs. */
  'buildReports',
  /** Be emailed what a supervisor acts on: emergencies, work put on hold or completed, overdue work. */
  'receiveSupervisorNotices',
  /** Be emailed the weekly KPI summary. */
  'receiveWeeklySummary',
  /** Set up and repair the workbook; edit Staff, Settings and Procedure; rename register headers. */
  'administer',
  /** Verify the change log's chain. */
  'verifyAuditLog',
  /** Move old closed work to the Archive tab. */
  'archive',
  /** Run the hourly checks from the menu. */
  'runHourlyChecks',
  /** Make oneself the installation owner when the recorded one has left. */
  'takeOverInstallation',
  /** The installable triggers (form submit, edit, hourly) run as this account. */
  'runTriggers',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * Parts of the workbook that are protected (real protections, not warnings). Every account listed for
 * an area can write it; nobody else can, whether typing or through a script running as them. The
 * spreadsheet's Google owner can always edit everything (Google's rule, outside the add-on's control).
 */
export const PROTECTED_AREAS = [
  'staff',
  'settings',
  /** The Assets and Schedules tabs (equipment and preventive maintenance): administrators only. */
  'assets',
  'schedules',
  'procedure',
  'changeLog',
  'outbox',
  /** The hourly job's own mail queue: only its runs (as the installation owner) append to it. */
  'hourlyOutbox',
  'errors',
  'archive',
  'formResponses',
  /** The register's header row and every column but the ones technicians type into. */
  'registerSystemColumns',
  /** The Checklists tab: which items each category's work orders must tick (administrators). */
  'checklists',
  /** The Checklist Items, Time and Parts Used tabs: written by the add-on, as whoever ticks or records. */
  'workRecords',
  /** The weekly KPI snapshot the hourly job keeps: managers read it, nobody retypes history. */
  'kpiHistory',
  /**
   * The report tabs Build reports rewrites: whoever may build reports (the build runs as them), so a
   * figure a manager reads was computed by the add-on, never typed over by someone it measures.
   */
  'reports',
] as const;
export type ProtectedArea = (typeof PROTECTED_AREAS)[number];

/** The menu items, by entry-point name (the server's menu declares captions for exactly these). */
export const MENU_ITEMS = [
  'openReviewSidebar',
  'openMyWork',
  'buildReports',
  'setUpWorkOrders',
  'verifyAuditLog',
  'archiveClosedWorkOrders',
  'runHourlyChecksNow',
  'repairWorkOrders',
  'takeOverInstallation',
  'openLabelsDialog',
] as const;
export type MenuItemName = (typeof MENU_ITEMS)[number];

/** Which capability each menu item needs. */
export const MENU_REQUIRES: Readonly<Record<MenuItemName, Capability>> = {
  openReviewSidebar: 'superviseWork',
  openMyWork: 'workAssignedOrder',
  buildReports: 'buildReports',
  setUpWorkOrders: 'administer',
  verifyAuditLog: 'verifyAuditLog',
  archiveClosedWorkOrders: 'archive',
  runHourlyChecksNow: 'runHourlyChecks',
  repairWorkOrders: 'administer',
  takeOverInstallation: 'takeOverInstallation',
  openLabelsDialog: 'administer',
};

export type Principal = 'Requestor' | Role | 'Installation owner';

export interface Rights {
  capabilities: readonly Capability[];
  /** Register fields this principal may change by typing in the sheet (the edit trigger judges the rest). */
  fields: readonly WorkOrderField[];
  /** Protected areas this principal's account must be able to write. */
  areas: readonly ProtectedArea[];
}

const TECHNICIAN_FIELDS: readonly WorkOrderField[] = ['status', 'notes', 'results', 'actions', 'reason'];
const SUPERVISOR_FIELDS: readonly WorkOrderField[] = [
  ...TECHNICIAN_FIELDS,
  'priority',
  'category',
  'assignee',
  'due',
  'asset',
];
/**
 * Where the add-on writes as whoever acts in a sidebar: a google.script.run call runs as the user, so a
 * supervisor's Review & assign and a technician's My work write the row's stamps, its log row and its
 * queued emails with that person's own rights. Apps Script offers an editor add-on no way to write
 * as the owner on a sidebar user's behalf, so these areas cannot be closed to them; what guards them
 * instead is the edit trigger (a hand edit of a system column is put back) and Verify audit log (the
 * change log's keyed chain, which no sheet editor can extend).
 */
const SIDEBAR_WRITES: readonly ProtectedArea[] = [
  'changeLog',
  'outbox',
  'errors',
  'registerSystemColumns',
  'workRecords',
];

/** What a supervisor and an administrator may both do. */
const SUPERVISING: readonly Capability[] = [
  'submitRequest',
  'workAssignedOrder',
  'recordWorkDone',
  'superviseWork',
  'buildReports',
];

export const PERMISSIONS: Readonly<Record<Principal, Rights>> = {
  Requestor: { capabilities: ['submitRequest'], fields: [], areas: [] },
  Technician: {
    capabilities: ['submitRequest', 'workAssignedOrder', 'beAssigned', 'recordWorkDone'],
    fields: TECHNICIAN_FIELDS,
    areas: SIDEBAR_WRITES,
  },
  Manager: {
    capabilities: ['submitRequest', 'buildReports', 'receiveWeeklySummary'],
    fields: [],
    areas: ['reports'],
  },
  Supervisor: {
    capabilities: [...SUPERVISING, 'receiveSupervisorNotices'],
    fields: SUPERVISOR_FIELDS,
    areas: [...SIDEBAR_WRITES, 'reports'],
  },
  Administrator: {
    capabilities: [
      ...SUPERVISING,
      'administer',
      'verifyAuditLog',
      'archive',
      'runHourlyChecks',
      'takeOverInstallation',
    ],
    fields: SUPERVISOR_FIELDS,
    areas: PROTECTED_AREAS,
  },
  // Its triggers write every area: intake, put-backs on Staff and Settings, the hourly job's mail queue.
  'Installation owner': { capabilities: ['runTriggers'], fields: [], areas: PROTECTED_AREAS },
};

/** Fields only the add-on writes: never typed by anyone (an edit by hand is put back). */
export const LOCKED_FIELDS: readonly WorkOrderField[] = [
  'id',
  'woNumber',
  'requestedAt',
  'requesterEmail',
  ...LIFECYCLE_RECORD_FIELDS,
  'responseRef',
  'revision',
  'reviewFlag',
];

/** The rights of a Staff role; null (not active staff) has the requestor's. */
export function rightsOf(role: Role | null | undefined): Rights {
  return PERMISSIONS[role ?? 'Requestor'];
}

export function roleMay(role: Role | null | undefined, capability: Capability): boolean {
  return rightsOf(role).capabilities.includes(capability);
}

/** The Staff roles that hold a capability, in the table's order (for messages: "Only a Manager, …"). */
export function rolesThatMay(capability: Capability): Role[] {
  return (Object.keys(PERMISSIONS) as Principal[]).filter(
    (p): p is Role => p !== 'Requestor' && p !== 'Installation owner' && roleMay(p as Role, capability),
  );
}

/** "Manager, Supervisor or Administrator": the roles holding a capability, for messages. */
export function rolesList(capability: Capability): string {
  const roles = rolesThatMay(capability);
  if (roles.length <= 1) return roles[0] ?? 'Administrator';
  return `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`;
}

/**
 * The accounts that must be able to write `area`: active staff whose role lists it, and the
 * installation owner. Lower-cased, sorted, without duplicates.
 */
export function areaEditors(
  area: ProtectedArea,
  staff: readonly StaffMember[],
  installationOwner: string | null,
): string[] {
  const emails = new Set<string>();
  for (const member of staff) {
    if (member.active && rightsOf(member.role).areas.includes(area)) emails.add(member.email.toLowerCase());
  }
  if (installationOwner && PERMISSIONS['Installation owner'].areas.includes(area))
    emails.add(installationOwner.trim().toLowerCase());
  return [...emails].filter((e) => e !== '').sort();
}

/**
 * The register fields left open in the sheet protection: the fields of every role whose account is
 * not an editor of the system columns (technicians). Everyone else types there through the editor list.
 */
export function unprotectedRegisterFields(): WorkOrderField[] {
  const open = new Set<WorkOrderField>();
  for (const rights of Object.values(PERMISSIONS)) {
    if (!rights.areas.includes('registerSystemColumns')) for (const f of rights.fields) open.add(f);
  }
  return [...open];
}
