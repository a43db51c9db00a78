/**
 * An order's link to the update form: the pre-filled link setup stores with a placeholder where the
 * request id goes (server/features/setup/update-form.ts), the placeholder replaced. Pure, so that every
 * composer of an assignment email (the sidebar's, the edit trigger's, and the next writer's queuing
 * of an email an interrupted execution owed) makes the same link.
 */

/** Letters only, so that URL-encoding leaves it as it is. */
export const PREFILL_PLACEHOLDER = 'WORKORDERPLACEHOLDER';

export function linkFromTemplate(template: string | null, id: string): string {
  if (!template || !template.includes(PREFILL_PLACEHOLDER)) return '';
  return template.replace(PREFILL_PLACEHOLDER, encodeURIComponent(id));
}
