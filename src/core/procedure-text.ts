/**
 * The work-order SOP (seeds/002) rewritten as the organization's own procedure, each step saying how
 * this workbook carries it out. Kept apart from ./procedure, which lays it out on the Procedure tab.
 */

export interface ProcedureParams {
  organizationName: string;
  retentionDays: number;
}

export const PROCEDURE_TITLE = 'Work Order Generation and Tracking — Standard Operating Procedure';

export const PURPOSE =
  'To generate, track and close work orders in one standard way, so that resources are allocated well, ' +
  'work is visible while it happens, and everyone involved is kept informed.';

export function scopeText(p: ProcedureParams): string {
  return (
    `Applies to everyone at ${p.organizationName} who requests, approves, assigns, performs or reviews ` +
    'maintenance and service work, and to the administrators of this workbook.'
  );
}

/** Role | Responsibility | Where they work. */
export const RESPONSIBILITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['Requestor', 'Submits requests with the relevant details.', 'The request form'],
  [
    'Supervisor',
    'Reviews requests, approves or rejects them, categorizes, prioritizes, assigns, reviews completed work and closes it.',
    'The Work Orders sidebar',
  ],
  [
    'Technician (assignee)',
    'Carries out assigned work and keeps its status, progress notes, results and actions taken up to date.',
    'Their rows of the Work Orders tab',
  ],
  [
    'Manager',
    'Follows open, in-progress and closed work, trends, bottlenecks and SLA compliance.',
    'The report tabs',
  ],
  [
    'Administrator',
    'Sets up and configures the workbook (Settings, Staff), repairs it, archives old records, verifies the change log.',
    'The add-on menu, Settings and Staff tabs',
  ],
];

/** Step | What the procedure requires | How this workbook does it | Who. */
export function procedureSteps(p: ProcedureParams): ReadonlyArray<readonly [string, string, string, string]> {
  return [
    [
      '4.1 Work order creation',
      'The requestor submits a request with description, location, urgency and required resources.',
      'The request form collects these and the requestor’s email. Each response becomes a row on Work Orders ' +
        'with a request id (REQ-…) and status Submitted, and the requestor receives an acknowledgment. Answers ' +
        'that could not be validated are listed in the Needs Review column. The raw response stays untouched ' +
        'on the form-responses tab.',
      'Requestor',
    ],
    [
      '4.2 Review and approval',
      'The supervisor reviews the request for completeness and relevance; if approved, it gets a unique ' +
        'work-order number and is categorized by type and priority.',
      'In the sidebar the supervisor approves (Category and Priority required) or rejects (Reason required) ' +
        'and may ask the requestor for clarification. Approval gives the next number of the year (WO-YYYY-NNNNN) ' +
        'and sets Due from the priority’s SLA on the Settings tab. The requestor is told either way.',
      'Supervisor',
    ],
    [
      '4.3 Assignment',
      'The work order is assigned to an appropriate technician or team, who is notified.',
      'The supervisor picks an active technician from the Staff tab (approve and assign can be one step). ' +
        'The technician is emailed; on reassignment the previous technician is told too.',
      'Supervisor',
    ],
    [
      '4.4 Execution and monitoring',
      'Assigned personnel perform the work; progress and status updates are logged.',
      'The technician sets the Status (In Progress, On Hold with a Reason) and writes Progress Notes on their ' +
        'row. Edits that the procedure does not allow are undone with a note. A hold is reported to the ' +
        'requestor and supervisors as a delay. Reminders go out before the due date; overdue work is ' +
        'escalated to supervisors.',
      'Technician',
    ],
    [
      '5.1 Completion and documentation',
      'On completion the technician records results, actions taken and the closure date.',
      'Completed requires Results and Actions Taken; Completed At is stamped and supervisors are told.',
      'Technician',
    ],
    [
      '5.2 Review and closure',
      'The supervisor reviews the completed work order for accuracy and closes it.',
      'The supervisor closes it (Closed At and Closed By are stamped, the requestor is told) or sends it back ' +
        'with a Reason. A supervisor may cancel any open work order with a Reason.',
      'Supervisor',
    ],
    [
      '6. Reporting and review',
      'Reports on open, in-progress and closed work are generated regularly to find trends, bottlenecks ' +
        'and improvements.',
      'Build reports (add-on menu) creates the report tabs: counts, weekly trend and backlog, breakdowns, ' +
        'times to approve/assign/complete/close, SLA compliance, overdue work and aging, time in each status ' +
        'and technician load. Each tab says when it was built and over what data.',
      'Manager',
    ],
    [
      '7. Documentation and records',
      'Work orders are kept for a defined minimum period; all changes are logged for audit.',
      `Closed, rejected and cancelled work orders stay on Work Orders for ${p.retentionDays} days, then move to ` +
        'a yearly archive spreadsheet, Work Orders Archive <year> (never deleted). Every change (who, when, old and new value, and whether it came from the ' +
        'form, the sidebar, a sheet edit or the system) is appended to the protected Change Log, each row ' +
        'chained to the previous one by a hash that Verify audit log checks.',
      'Administrator',
    ],
    [
      '8. Communication',
      'Stakeholders are informed promptly of major updates, delays or completion; feedback and clarification ' +
        'requests are welcome at any stage.',
      'Emails are sent at each step listed under Status rules (switches on the Settings tab). Requestors can ' +
        'reply to any email; supervisors can send a clarification request from the sidebar.',
      'Everyone',
    ],
  ];
}
