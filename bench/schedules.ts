/**
 * The hourly job with 1,000 preventive-maintenance schedules on the generated register: the first run
 * after they are pasted (overdue ones made late, those within their lead time made now, at most 200 a
 * run), and the next hour's run (nothing new due: the steady state). Budget: the whole hourly execution
 * estimated under 5 minutes, inside Apps Script's 6-minute limit with room for its other steps.
 */
import { SHEET_NAMES } from '../src/core/model';
import { SCHEDULE_UNITS } from '../src/core/schedules';
import { addCalendarDays, isoDate, localParts } from '../src/core/time';
import { costModelFromEnv } from './cost-model';
import { estimateRecords } from './results';
import type { BenchWorld, Measurement } from './types';

export const SCHEDULE_COUNT = 1_000;
export const HOURLY_WITH_SCHEDULES_BUDGET_MS = 5 * 60_000;

const LOCATIONS = ['Main Building', 'Annex', 'Warehouse', 'Car Park', 'Grounds'];
const CATEGORIES = ['Electrical', 'Plumbing', 'HVAC', 'Carpentry', 'Cleaning', 'IT', 'Grounds', 'Other'];

function scheduleRows(world: BenchWorld, timeZone: string): string[][] {
  const today = localParts(world.rt.world.clock.now(), timeZone);
  return Array.from({ length: SCHEDULE_COUNT }, (_, i) => {
    const unit = SCHEDULE_UNITS[i % SCHEDULE_UNITS.length]!;
    return [
      `PM-${String(i + 1).padStart(4, '0')}`,
      `Planned task ${i + 1}`,
      '',
      LOCATIONS[i % LOCATIONS.length]!,
      CATEGORIES[i % CATEGORIES.length]!,
      'P4 Scheduled',
      world.users.technicians[i % world.users.technicians.length] ?? '',
      unit === 'weekdays' ? '' : String(1 + (i % 4)),
      unit,
      unit === 'weekdays' ? 'Mon, Thu' : '',
      String(i % 7),
      // From 5 days overdue to 2 months ahead.
      isoDate(addCalendarDays(today, (i % 65) - 5)),
      'TRUE',
      '',
    ];
  });
}

function registerLength(world: BenchWorld): number {
  return world.rt.world.spreadsheets.require(world.ssId).requireSheet(SHEET_NAMES.register).lastRow();
}

export async function measureSchedules(world: BenchWorld): Promise<Measurement[]> {
  const spreadsheet = world.rt.world.spreadsheets.require(world.ssId);
  const sheet = spreadsheet.requireSheet(SHEET_NAMES.schedules);
  // Written as a paste would leave them (no edit trigger: what is measured is the hourly job).
  sheet.writeValues(2, 1, scheduleRows(world, spreadsheet.timeZone));
  const before = registerLength(world);
  const first = await world.rt.runTimeDrivenTriggers({ all: true });
  const made = registerLength(world) - before;
  world.rt.world.clock.advance(3_600_000);
  const again = await world.rt.runTimeDrivenTriggers({ all: true });
  const madeAgain = registerLength(world) - before - made;
  const model = costModelFromEnv();
  for (const [label, records] of [
    ['first', first],
    ['next', again],
  ] as const) {
    const estimate = estimateRecords(records, model);
    if (estimate > HOURLY_WITH_SCHEDULES_BUDGET_MS || records.some((r) => !r.ok)) {
      process.stderr.write(
        `BUDGET BROKEN: the hourly job with ${SCHEDULE_COUNT} schedules (${label} run) at ${world.size}: ` +
          `${(estimate / 1000).toFixed(1)} s estimated (budget ${HOURLY_WITH_SCHEDULES_BUDGET_MS / 1000} s)\n`,
      );
      process.exitCode = 1;
    }
  }
  return [
    {
      operation: `the hourly job, ${SCHEDULE_COUNT.toLocaleString('en-US')} schedules (first run)`,
      records: first,
      note: `${made} preventive orders made (at most 200 a run); budget ${HOURLY_WITH_SCHEDULES_BUDGET_MS / 60_000} min`,
    },
    {
      operation: `the hourly job, ${SCHEDULE_COUNT.toLocaleString('en-US')} schedules (next hour)`,
      records: again,
      note: `${madeAgain} preventive orders made`,
    },
  ];
}
