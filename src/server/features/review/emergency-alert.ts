/**
 * A new emergency request is not left to wait for the hourly run: the moment intake records it, the
 * supervisors (administrators when there are none) are emailed, with where, who and a link to the
 * register. The hourly job then holds it to its Respond Within target like any request.
 */
import type { WorkOrder } from '../../../core/model';
import { composeEmail } from '../../../core/notifications';
import { isEmergency } from '../../../core/sla';
import { administratorEmails, supervisorEmails } from '../../../core/staff';
import { sendOrQueue, type Delivery } from '../../adapters/mailer';
import type { ReferenceData } from '../../adapters/reference-data';
import { respondHoursFor } from '../hourly/thresholds';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Emails the supervisors about `order` if it is an emergency; 'skipped' when it is not (or is off). */
export function alertIfEmergency(
  ss: Spreadsheet,
  reference: ReferenceData,
  order: WorkOrder,
  now: Date,
): Delivery {
  const { settings, staff, timeZone } = reference;
  if (!settings.notifySupervisors || !isEmergency(order, settings.priorities)) return 'skipped';
  const supervisors = supervisorEmails(staff);
  const to = supervisors.length > 0 ? supervisors : administratorEmails(staff);
  const email = composeEmail('emergency', order, {
    timeZone,
    organizationName: settings.organizationName,
    to,
    link: ss.getUrl(),
    now,
    respondHours: respondHoursFor(order, settings.priorities),
  });
  return sendOrQueue(ss, { ...email, recordId: order.id }, now);
}
