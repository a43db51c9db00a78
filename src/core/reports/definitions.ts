/**
 * What each figure means, in the words shown beside it on the report tabs. Kept in one place so the
 * code that computes a figure and the sentence that explains it are reviewed together.
 */
export const DEFINITIONS = {
  respond:
    "Decided At − Requested At, for every request a supervisor decided (approved or rejected): how long a request waits for an answer, the clock of each priority's Respond Within target.",
  repair:
    'Mean time to repair, the maintenance standard: Completed At − Started At, less the time the order spent On Hold in between (waiting for parts, access or the requestor is not repair time), for Completed and Closed work orders. A reopened order counts from its first start to its last completion.',
  approve:
    'Decided At − Requested At, for work orders that were approved (rejected requests are not counted).',
  assign:
    'First assignment − Decided At. First assignment is the earlier of Assigned At and the first change to Assigned in the change log, so reassignments do not reset it. Orders approved and assigned in one step count (0 hours): times are compared to the whole second, the precision of the change log.',
  complete:
    'Completed At − first assignment, for Completed and Closed work orders. Measured from assignment rather than Started At because it is the wait the requestor sees (queueing, holds and rework included), and Started At is often skipped. A reopened order counts from its first assignment to its last completion.',
  close: 'Closed At − Completed At, for Closed work orders: how long finished work waits for sign-off.',
  slaCompliance:
    'Share of Completed and Closed work orders finished on time (Completed At ≤ Due). Orders without a due date are not in the share; they are counted separately.',
  slaMet: 'Completed and Closed work orders with Completed At ≤ Due.',
  slaMissed: 'Completed and Closed work orders with Completed At > Due.',
  slaNoDue: 'Completed and Closed work orders without a due date: excluded from SLA compliance.',
  overdue:
    'Open work orders not yet Completed (Submitted to In Progress) whose Due is before the build time. On Hold is not overdue: its SLA clock is stopped, and resuming moves Due by the time held.',
  backlog:
    'Work orders not yet Closed, Rejected or Cancelled (Submitted, Approved, Assigned, In Progress, On Hold, Completed).',
  total: 'Rows in the register.',
  trendBacklog:
    'Backlog at the end of each period (at the build time for the current one): requested before then and not yet Closed, Rejected or Cancelled. Only work orders with a usable Requested At are counted.',
  trendColumns:
    'Created: Requested At in the period. Completed: Completed At in the period, for orders Completed or Closed now (work returned for rework counts when it is completed again). Closed / Rejected or cancelled: when the order left the backlog.',
  trendRange:
    'The periods run from the first period with a request, completion or closure to the last one (at most 26 weeks and 12 months, the most recent): no empty periods are added before or after the data.',
  timeInStatus:
    'From the change log: each stay in a status lasts until the next status change (until the build time for the current status). Per status: the number of orders that stayed in it, the number of stays, and the mean, median and total of each order’s time in it. Closed, Rejected and Cancelled are final and not timed.',
  onHold:
    'On Hold is waiting on something outside the team (parts, access, the requestor), so it is shown apart.',
  aging:
    'Age = build time − Requested At, for work orders not yet Closed, Rejected or Cancelled. Each bucket includes its lower bound.',
  technicians:
    'Load = Assigned + In Progress + On Hold work orders of the technician. Completed (window) counts Completed At inside the weekly window. Median time to complete: first assignment → Completed At.',
  returns: 'Completed → In Progress changes in the change log: work returned for rework.',
} as const;
