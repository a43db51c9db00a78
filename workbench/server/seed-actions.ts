/**
 * What the demo's people do, each through the add-on's real path: a requestor submits the form, the
 * supervisor acts in the Review sidebar (`reviewAct`), a technician types into the register. A step
 * that does not go through is noted in `problems` (the history's summary lists them) and answers false.
 */
import type { LocalAppsScript } from '../../runtime';
import { assetChoice } from '../../src/core/assets';
import { ASSET_QUESTION, FORM_QUESTIONS } from '../../src/core/intake';
import { SHEET_NAMES, type Status, type WorkOrderField } from '../../src/core/model';
import type { ReviewActionInput } from '../../src/shared/review';
import { DEMO_ASSETS } from './demo-data';
import type { RequestTemplate } from './demo-requests';
import { DEMO } from './people';
import { findOrder, registerColumn, registerRows } from './register-reader';
import type { WorkbookIds } from './seed-workbook';

export type ReviewInput = Record<string, unknown> & { action: ReviewActionInput['action']; id: string };

export interface DemoActions {
  /** The requestor's form submission; the new order's id, if intake made one. */
  submitRequest(
    template: RequestTemplate,
    requestor: { email: string; name: string },
  ): Promise<string | undefined>;
  /** The supervisor's action in the Review sidebar, at the order's current revision. */
  review(input: ReviewInput): Promise<boolean>;
  /** `user` types `text` into the order's `field` in the register. */
  type(user: string, id: string, field: WorkOrderField, text: string): Promise<boolean>;
  /** `user` types a status, and the row must then show it. */
  setStatus(user: string, id: string, status: Status): Promise<boolean>;
}

export function demoActions(rt: LocalAppsScript, ids: WorkbookIds, problems: string[]): DemoActions {
  const { spreadsheetId, formId } = ids;
  const spreadsheet = rt.world.spreadsheets.require(spreadsheetId);
  const supervisor = DEMO.supervisor.email;
  const ordersBefore = new Set<string>();
  const orderStatus = (id: string): Status | undefined => findOrder(spreadsheet, id)?.order.status;

  async function submitRequest(
    template: RequestTemplate,
    requestor: { email: string; name: string },
  ): Promise<string | undefined> {
    for (const r of registerRows(spreadsheet)) ordersBefore.add(r.order.id);
    const answers: Record<string, string> = {};
    const byKey: Record<string, string> = {
      requesterName: requestor.name,
      description: template.description,
      location: template.location,
      urgency: template.urgency,
      resources: template.resources,
    };
    for (const q of FORM_QUESTIONS) if (byKey[q.key] !== '') answers[q.title] = byKey[q.key]!;
    if (template.asset) answers[ASSET_QUESTION.title] = demoAssetAnswer(template.asset);
    const submitted = await rt.submitForm(formId, { respondentEmail: requestor.email, answers });
    submitted.executions
      .filter((e) => !e.ok)
      .forEach((e) => problems.push(`intake: ${e.error?.message ?? ''}`));
    return registerRows(spreadsheet).find((r) => !ordersBefore.has(r.order.id))?.order.id;
  }

  async function review(input: ReviewInput): Promise<boolean> {
    const found = findOrder(spreadsheet, input.id);
    if (!found) return false;
    const request = { ...input, revision: found.order.revision, rowHint: found.row };
    const reply = await rt.callFromHtml('reviewAct', [request], supervisor, spreadsheetId);
    const value = reply.ok ? (reply.value as { ok?: boolean; message?: string } | null) : null;
    if (!reply.ok || !value?.ok) {
      problems.push(
        `${input.action} ${input.id}: ${reply.ok ? (value?.message ?? 'no reply') : reply.error}`,
      );
      return false;
    }
    return true;
  }

  async function type(user: string, id: string, field: WorkOrderField, text: string): Promise<boolean> {
    const found = findOrder(spreadsheet, id);
    if (!found) return false;
    const outcome = await rt.editCells({
      spreadsheetId,
      sheetName: SHEET_NAMES.register,
      row: found.row,
      column: registerColumn(spreadsheet, field),
      values: [[text]],
      user,
    });
    const failed = outcome.executions.find((e) => !e.ok);
    if (failed) problems.push(`${user} typing ${field} of ${id}: ${failed.error?.message ?? ''}`);
    return !failed;
  }

  async function setStatus(user: string, id: string, status: Status): Promise<boolean> {
    await type(user, id, 'status', status);
    const shown = orderStatus(id);
    if (shown !== status)
      problems.push(`${id}: ${user} set ${status} but the row says ${shown ?? 'nothing'}`);
    return shown === status;
  }

  return { submitRequest, review, type, setStatus };
}

/** The form's answer naming a demo asset ("AHU-ANX-1 — Air handling unit, Annex roof (Annex)"). */
function demoAssetAnswer(id: string): string {
  const a = DEMO_ASSETS.find((row) => row[0] === id);
  if (!a) return '';
  return assetChoice({ id: a[0], name: a[1], location: a[2], category: a[3], criticality: '', active: true });
}
