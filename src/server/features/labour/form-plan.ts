/**
 * The update form's records planned on the order found (caller holds the document lock): what is left
 * to tick once they are applied, for the completion check, and the write to make if the step stands.
 */
import type { WorkOrder } from '../../../core/model';
import type { UpdateQuestionKey } from '../../../shared/my-work-update-form';
import type { ReferenceData } from '../../adapters/reference-data';
import type { Worker } from '../my-work/caller';
import { formRecords } from './form-records';
import { RecordRefusal, loadPlan, planRecord, planUnticked, recordKey, writePlan } from './record';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export interface FormRecordsPlan {
  unticked: string[];
  said: string[];
  write(): void;
}

export function planFormRecords(
  ss: Spreadsheet,
  reference: ReferenceData,
  order: WorkOrder,
  worker: Worker,
  answers: Record<UpdateQuestionKey, string>,
  now: Date,
): FormRecordsPlan | { ok: false; message: string } {
  const key = recordKey();
  const plan = loadPlan(ss, reference, order, key);
  const requests = formRecords(answers, order.id, plan.checklist, now, reference.timeZone);
  if ('problem' in requests) return { ok: false, message: requests.problem };
  try {
    for (const request of requests) planRecord(plan, request, worker, reference, now, 'form');
  } catch (error) {
    if (error instanceof RecordRefusal) return { ok: false, message: error.message };
    throw error;
  }
  return { unticked: planUnticked(plan), said: plan.said, write: () => writePlan(ss, plan, key) };
}
