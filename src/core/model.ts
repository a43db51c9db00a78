/**
 * The domain model: what a work order is, what the change log records, who the staff are.
 * Pure data: no Apps Script service is used anywhere under src/core.
 */

export const STATUSES = [
  'Submitted',
  'Rejected',
  'Approved',
  'Assigned',
  'In Progress',
  'On Hold',
  'Completed',
  'Closed',
  'Cancelled',
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses in which a work order is still someone's job, as a tuple (its own type, OpenStatus). */
export const OPEN_STATUS_LIST = [
  'Submitted',
  'Approved',
  'Assigned',
  'In Progress',
  'On Hold',
  'Completed',
] as const satisfies readonly Status[];
export type OpenStatus = (typeof OPEN_STATUS_LIST)[number];
/** The same statuses, typed for membership tests against any Status. */
export const OPEN_STATUSES: readonly Status[] = OPEN_STATUS_LIST;
/** Terminal statuses: the record only changes again by archiving. */
export const FINAL_STATUSES: readonly Status[] = ['Rejected', 'Closed', 'Cancelled'];

export const ROLES = ['Supervisor', 'Technician', 'Manager', 'Administrator'] as const;
export type Role = (typeof ROLES)[number];

/** Where a change came from, as the change log records it. */
/** 'schedule': an order the hourly job made from a preventive-maintenance schedule (core/schedules.ts). */
export const SOURCES = ['form', 'sidebar', 'sheet edit', 'system', 'schedule'] as const;
export type ChangeSource = (typeof SOURCES)[number];

/** One row of the register. Dates are Date objects; an empty cell is null (dates) or '' (text). */
export interface WorkOrder {
  /** Request id given at intake, e.g. REQ-000123. The key: rows are found by it, never by position. */
  id: string;
  /** Work-order number given at approval, e.g. WO-2026-00042; '' before approval. */
  woNumber: string;
  status: Status;
  priority: string;
  category: string;
  /** Email of the assigned technician. */
  assignee: string;
  due: Date | null;
  requestedAt: Date | null;
  requesterEmail: string;
  requesterName: string;
  location: string;
  /** Asset ID from the Assets tab ('' when the work is not on a registered asset). */
  asset: string;
  description: string;
  urgency: string;
  resources: string;
  decidedBy: string;
  decidedAt: Date | null;
  assignedAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  closedBy: string;
  closedAt: Date | null;
  /** When the order last went On Hold; null when it is not On Hold (the SLA clock is then running). */
  heldSince: Date | null;
  /** Total time On Hold so far, in hours of its priority's SLA clock: its due date moved by as much. */
  heldHours: number;
  notes: string;
  results: string;
  actions: string;
  /** Reason of the last rejection, hold, return or cancellation. */
  reason: string;
  /** Why intake could not fully validate the response ('' when it did). */
  reviewFlag: string;
  /** Row of the raw response in the form-responses sheet, e.g. "Form Responses 1!A7". */
  responseRef: string;
  /** Increases with every change; a sidebar view older than the row is refused as stale. */
  revision: number;
}
export type WorkOrderField = keyof WorkOrder;

/**
 * What the lifecycle records on an order as it moves: who decided and closed it, when each step
 * happened, and how long it was held. Only the add-on writes them, and a new order has them empty.
 */
export const LIFECYCLE_RECORD_FIELDS: readonly WorkOrderField[] = [
  'decidedBy',
  'decidedAt',
  'assignedAt',
  'startedAt',
  'completedAt',
  'closedBy',
  'closedAt',
  'heldSince',
  'heldHours',
];

/** A work order with every field empty: Submitted, revision 1. Spread it under the fields you set. */
export function emptyWorkOrder(): WorkOrder {
  return {
    id: '',
    woNumber: '',
    status: 'Submitted',
    priority: '',
    category: '',
    assignee: '',
    due: null,
    requestedAt: null,
    requesterEmail: '',
    requesterName: '',
    location: '',
    asset: '',
    description: '',
    urgency: '',
    resources: '',
    decidedBy: '',
    decidedAt: null,
    assignedAt: null,
    startedAt: null,
    completedAt: null,
    closedBy: '',
    closedAt: null,
    heldSince: null,
    heldHours: 0,
    notes: '',
    results: '',
    actions: '',
    reason: '',
    reviewFlag: '',
    responseRef: '',
    revision: 1,
  };
}

/**
 * The register's columns: field → header. Columns are found by header text, so an administrator may
 * reorder them or add columns of their own; these are the ones the add-on owns.
 */
export const REGISTER_COLUMNS: Readonly<Record<WorkOrderField, string>> = {
  id: 'Request ID',
  woNumber: 'WO Number',
  status: 'Status',
  priority: 'Priority',
  category: 'Category',
  assignee: 'Assignee',
  due: 'Due',
  requestedAt: 'Requested At',
  requesterEmail: 'Requester Email',
  requesterName: 'Requester Name',
  location: 'Location',
  asset: 'Asset',
  description: 'Description',
  urgency: 'Urgency',
  resources: 'Required Resources',
  decidedBy: 'Decided By',
  decidedAt: 'Decided At',
  assignedAt: 'Assigned At',
  startedAt: 'Started At',
  completedAt: 'Completed At',
  closedBy: 'Closed By',
  closedAt: 'Closed At',
  heldSince: 'On Hold Since',
  heldHours: 'Held For (h)',
  notes: 'Progress Notes',
  results: 'Results',
  actions: 'Actions Taken',
  reason: 'Reason',
  reviewFlag: 'Needs Review',
  responseRef: 'Response Row',
  revision: 'Revision',
};

/** One field change recorded in the append-only change log (a row holds an action's changes). */
export interface ChangeLogEntry {
  at: Date;
  user: string;
  source: ChangeSource;
  /** The work order's request id (or a sheet name for settings changes). */
  recordId: string;
  field: string;
  oldValue: string;
  newValue: string;
  /** The hash of the row holding it: SHA-256 (hex) over the previous row's hash and the row's content. */
  hash: string;
}

/**
 * The change log's columns: one row per action on one record, its field changes as lines of the
 * Changes cell ("Status: Assigned → In Progress"; see change-lines.ts for why and how).
 */
export const CHANGE_LOG_HEADERS = ['Timestamp', 'User', 'Source', 'Record ID', 'Changes', 'Hash'] as const;

export interface StaffMember {
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

export const SHEET_NAMES = {
  register: 'Work Orders',
  changeLog: 'Change Log',
  settings: 'Settings',
  staff: 'Staff',
  procedure: 'Procedure',
  archive: 'Archive',
  outbox: 'Outbox',
  /** The hourly job's own queue: it has no document lock to append to the Outbox under (adapters/outbox-tabs.ts). */
  hourlyOutbox: 'Hourly Outbox',
  errors: 'Errors',
  reportSummary: 'Report: Summary',
  reportTrends: 'Report: Trends',
  reportBottlenecks: 'Report: Bottlenecks',
  /** The requestors' reply form's responses (core/reply-form.ts). */
  requestorReplies: 'Requestor Replies',
  /** Equipment register and preventive-maintenance schedules (core/assets.ts, core/schedules.ts). */
  assets: 'Assets',
  schedules: 'Schedules',
  reportMaintenance: 'Report: Maintenance',
} as const;

/**
 * Whether a tab named `name` is the tab `tab`. Sheets tells tab names apart ignoring case (no two tabs
 * may differ only by case), and live Apps Script is reported to find them so: `getSheetByName('Staff')`
 * answers a tab someone renamed "staff", so the add-on must know that tab as its Staff too.
 */
export function isTabNamed(name: string, tab: string): boolean {
  return name.toLowerCase() === tab.toLowerCase();
}
