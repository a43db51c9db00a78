/**
 * The texts of the demo history besides its requests (./demo-requests): what the team writes back, its
 * checklists, rates, parts, assets and schedules.
 */

export const PROGRESS_NOTES: readonly string[] = [
  'On site, assessing.',
  'Parts ordered from the usual supplier.',
  'Area cordoned off while working.',
  'First fix done, testing tomorrow.',
  'Spoke to the requestor about access times.',
];

export const HOLD_REASONS: readonly string[] = [
  'Waiting for a replacement part (ETA 3 days).',
  'Needs access to a locked room: waiting for the key holder.',
  'Contractor booked for later this week.',
];

export const REJECT_REASONS: readonly string[] = [
  'Duplicate of an open request for the same fault.',
  'Not a facilities job: please contact the IT helpdesk portal.',
  'Personal equipment is not maintained by facilities.',
];

export const CANCEL_REASONS: readonly string[] = [
  'Requestor reports the problem fixed itself.',
  'Area is being refurbished next month; covered by that project.',
];

export const RETURN_REASONS: readonly string[] = [
  'Requestor says the fault came back the next morning: please check again.',
];

/** The administrator's checklists (Category, Item, Required, Order). */
export const CHECKLISTS: readonly (readonly [string, string, string, string])[] = [
  ['Electrical', 'Isolate the circuit and lock it out', 'Yes', '1'],
  ['Electrical', 'Test the RCD after the work', 'Yes', '2'],
  ['Electrical', 'Photograph the finished work', 'No', '3'],
  ['HVAC', 'Record the supply air temperature', 'Yes', '1'],
  ['HVAC', 'Replace or clean the filter', 'No', '2'],
];

/** Hourly Rate on the Staff tab (the others use Settings' defaultHourlyRate). */
export const TECHNICIAN_RATES: Readonly<Record<string, number>> = {
  'tina.tech@example.com': 45,
  'theo.tech@example.com': 38,
};

/** Parts a technician may fit, per category: [part, unit cost]. */
export const PARTS_BY_CATEGORY: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  Electrical: [
    ['Socket outlet 13A', 4.5],
    ['Fluorescent tube 58W', 3.2],
    ['Cable 2.5mm² (m)', 0.85],
  ],
  Plumbing: [
    ['Trap washer', 0.4],
    ['Tap cartridge', 12.9],
  ],
  HVAC: [
    ['Filter panel', 18],
    ['Refrigerant R32 (kg)', 35],
  ],
  Carpentry: [
    ['Door roller', 6.75],
    ['Hinge', 3.1],
  ],
  Grounds: [['Cold patch asphalt (bag)', 14]],
  IT: [['Access point', 120]],
};

/** The Assets tab of the demo: Asset ID, Name, Location, Category, Criticality, Active. */
export const DEMO_ASSETS: readonly (readonly [string, string, string, string, string, string])[] = [
  ['AHU-ANX-1', 'Air handling unit, Annex roof', 'Annex', 'HVAC', 'High', 'TRUE'],
  ['BOILER-MB', 'Gas boiler, plant room', 'Main Building', 'HVAC', 'High', 'TRUE'],
  ['DOOR-WH-DOCK', 'Loading dock roller door', 'Warehouse', 'Carpentry', 'Medium', 'TRUE'],
  ['AP-ANX-EAST', 'Wi-Fi access point, east wing', 'Annex', 'IT', 'Medium', 'TRUE'],
  ['SINK-MB-K1', 'Kitchen sink, 1st floor', 'Main Building', 'Plumbing', 'Low', 'TRUE'],
  ['GEN-CP', 'Standby generator', 'Car Park', 'Electrical', 'High', 'TRUE'],
];

/**
 * The Schedules tab of the demo (Next Due as days after the history starts): Schedule ID, Task, Asset,
 * Location, Category, Priority, Default Technician (index into DEMO.technicians), Every, Unit, Weekdays,
 * Lead Time (days), Next Due (days after the start).
 */
export const DEMO_SCHEDULES: readonly {
  id: string;
  task: string;
  asset: string;
  location: string;
  category: string;
  priority: string;
  technician: number;
  every: number;
  unit: string;
  weekdays: string;
  leadDays: number;
  dueInDays: number;
}[] = [
  {
    id: 'PM-AHU',
    task: 'Replace the AHU filters and check the belts',
    asset: 'AHU-ANX-1',
    location: '',
    category: 'HVAC',
    priority: 'P4 Scheduled',
    technician: 0,
    every: 2,
    unit: 'weeks',
    weekdays: '',
    leadDays: 7,
    dueInDays: 3,
  },
  {
    id: 'PM-BOILER',
    task: 'Boiler service: burner, flue and pressure check',
    asset: 'BOILER-MB',
    location: '',
    category: 'HVAC',
    priority: 'P4 Scheduled',
    technician: 1,
    every: 1,
    unit: 'months',
    weekdays: '',
    leadDays: 7,
    dueInDays: 10,
  },
  {
    id: 'PM-GEN',
    task: 'Run the standby generator under load for 30 minutes',
    asset: 'GEN-CP',
    location: '',
    category: 'Electrical',
    priority: 'P3 Routine',
    technician: 0,
    every: 1,
    unit: 'weeks',
    weekdays: '',
    leadDays: 5,
    dueInDays: 2,
  },
  {
    id: 'PM-BINS',
    task: 'Empty the outdoor bins and pick litter',
    asset: '',
    location: 'Grounds',
    category: 'Cleaning',
    priority: 'P4 Scheduled',
    technician: 1,
    every: 1,
    unit: 'weekdays',
    weekdays: 'Mon, Thu',
    leadDays: 3,
    dueInDays: 1,
  },
];
