import type { EntryPointName } from '../../entrypoints';
import { hourlyTriggerMap, writeHourlyTriggerMap } from '../../adapters/trigger-target';
import type { SetupReport } from './report';
import {
  createHourlyTrigger,
  createSpreadsheetTrigger,
  deleteTrigger,
  userTriggers,
} from '../../adapters/script-triggers';
import type { Spreadsheet, Trigger } from '../../adapters/apps-script-types';

interface WantedTrigger {
  handler: EntryPointName;
  describe: string;
  create(ss: Spreadsheet): Trigger;
}

export const WANTED_TRIGGERS: readonly WantedTrigger[] = [
  {
    handler: 'onFormSubmitTrigger',
    describe: 'form-submit',
    create: (ss) => createSpreadsheetTrigger('onFormSubmitTrigger', ss, 'formSubmit'),
  },
  {
    handler: 'onEditTrigger',
    describe: 'edit',
    create: (ss) => createSpreadsheetTrigger('onEditTrigger', ss, 'edit'),
  },
  {
    handler: 'onHourlyTrigger',
    describe: 'hourly',
    create: () => createHourlyTrigger('onHourlyTrigger'),
  },
];

export interface TriggerHealth {
  missing: string[];
  duplicates: string[];
}

/**
 * Exactly one form-submit, one edit and one hourly trigger for this user and document: missing ones
 * are created, extra copies deleted (an add-on may hold only one of each type per user per document).
 * The hourly trigger runs with no document, so its id is mapped to this spreadsheet in the owner's
 * user properties.
 */
export function ensureTriggers(ss: Spreadsheet, report: SetupReport | null): TriggerHealth {
  const health: TriggerHealth = { missing: [], duplicates: [] };
  // Each trigger's handler asked once (every getter on a Trigger is a call of its own).
  const existing = userTriggers(ss).map((trigger) => ({ trigger, handler: trigger.getHandlerFunction() }));
  const stored = hourlyTriggerMap();
  const hourlyMap = { ...stored };
  for (const wanted of WANTED_TRIGGERS) {
    const mine = existing.filter((t) => t.handler === wanted.handler).map((t) => t.trigger);
    for (const extra of mine.slice(1)) {
      deleteTrigger(extra);
      delete hourlyMap[extra.getUniqueId()];
      health.duplicates.push(wanted.describe);
    }
    let trigger = mine[0];
    if (!trigger) {
      trigger = wanted.create(ss);
      health.missing.push(wanted.describe);
    }
    if (wanted.handler === 'onHourlyTrigger') hourlyMap[trigger.getUniqueId()] = ss.getId();
  }
  // The hourly job runs this every hour: the map is written only when a trigger came or went.
  if (!sameMap(stored, hourlyMap)) writeHourlyTriggerMap(hourlyMap);
  if (report) {
    if (health.missing.length) report.created.push(`the ${health.missing.join(', ')} trigger(s)`);
    if (health.duplicates.length)
      report.repaired.push(`removed duplicate ${health.duplicates.join(', ')} trigger(s)`);
  }
  return health;
}

function sameMap(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}
