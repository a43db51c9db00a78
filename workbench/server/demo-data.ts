/** The texts of the demo history: requests a facilities team gets, and what the team writes back. */

export interface RequestTemplate {
  description: string;
  location: string;
  urgency: 'Emergency (safety risk)' | 'Urgent (within 24 h)' | 'Routine' | 'Scheduled / planned';
  resources: string;
  /** What a supervisor files it under. */
  category: string;
  results: string;
  actions: string;
  /** The asset the request names on the form's asset question (an Asset ID of DEMO_ASSETS). */
  asset?: string;
}

export const PRIORITY_FOR_URGENCY: Record<RequestTemplate['urgency'], string> = {
  'Emergency (safety risk)': 'P1 Emergency',
  'Urgent (within 24 h)': 'P2 Urgent',
  Routine: 'P3 Routine',
  'Scheduled / planned': 'P4 Scheduled',
};

export const REQUESTS: readonly RequestTemplate[] = [
  {
    description: 'Hallway light on floor 2 flickers all day, near room 214.',
    location: 'Main Building',
    urgency: 'Routine',
    resources: 'Ladder, replacement tube',
    category: 'Electrical',
    results: 'Light steady again.',
    actions: 'Replaced the failing ballast and both tubes.',
  },
  {
    description: 'Water leaking under the sink in the 1st floor kitchen; the cabinet floor is soaked.',
    location: 'Main Building',
    urgency: 'Urgent (within 24 h)',
    resources: 'Plumbing kit',
    category: 'Plumbing',
    results: 'No more leak; cabinet dried out.',
    actions: 'Tightened the trap, replaced a cracked washer, removed the wet board.',
    asset: 'SINK-MB-K1',
  },
  {
    description: 'Sparks from the socket behind the reception desk when the printer is plugged in.',
    location: 'Main Building',
    urgency: 'Emergency (safety risk)',
    resources: 'Electrician, socket tester',
    category: 'Electrical',
    results: 'Socket safe; circuit tested.',
    actions: 'Isolated the circuit, replaced the scorched socket, tested RCD.',
  },
  {
    description: 'Meeting room B is too warm: 28 °C by 10 am even with the AC set to 21.',
    location: 'Annex',
    urgency: 'Routine',
    resources: '',
    category: 'HVAC',
    results: 'Room holds 22 °C.',
    actions: 'Cleaned the filter, recharged refrigerant, recalibrated the thermostat.',
    asset: 'AHU-ANX-1',
  },
  {
    description: 'Loading dock door jams halfway and will not close.',
    location: 'Warehouse',
    urgency: 'Urgent (within 24 h)',
    resources: 'Door technician, lift',
    category: 'Carpentry',
    results: 'Door opens and closes fully.',
    actions: 'Realigned the track, replaced two rollers, lubricated the spring.',
    asset: 'DOOR-WH-DOCK',
  },
  {
    description: 'Pothole at the car park entrance, about 30 cm wide.',
    location: 'Car Park',
    urgency: 'Routine',
    resources: 'Cold patch asphalt, cones',
    category: 'Grounds',
    results: 'Surface level again.',
    actions: 'Cleaned and filled the hole with cold patch, compacted.',
  },
  {
    description: 'Wi-Fi drops every few minutes in the east wing offices.',
    location: 'Annex',
    urgency: 'Urgent (within 24 h)',
    resources: 'Spare access point',
    category: 'IT',
    results: 'Stable signal in every office.',
    actions: 'Replaced the faulty access point and updated the firmware of the others.',
    asset: 'AP-ANX-EAST',
  },
  {
    description: 'Toilet in the ground-floor accessible restroom keeps running.',
    location: 'Main Building',
    urgency: 'Routine',
    resources: 'Flapper valve',
    category: 'Plumbing',
    results: 'Cistern fills and stops.',
    actions: 'Replaced the flapper and adjusted the float.',
  },
  {
    description: 'Annual inspection of the fire doors before the safety audit.',
    location: 'Warehouse',
    urgency: 'Scheduled / planned',
    resources: 'Inspection checklist',
    category: 'Carpentry',
    results: 'All 14 fire doors pass.',
    actions: 'Inspected closers and seals, adjusted three closers, logged the results.',
  },
  {
    description: 'Broken window pane in the stairwell between floors 1 and 2.',
    location: 'Main Building',
    urgency: 'Urgent (within 24 h)',
    resources: 'Glazier, safety glass',
    category: 'Carpentry',
    results: 'Pane replaced.',
    actions: 'Boarded up the same day; safety glass fitted two days later.',
  },
  {
    description: 'Overflowing bins and litter around the picnic tables.',
    location: 'Grounds',
    urgency: 'Routine',
    resources: 'Cleaning crew',
    category: 'Cleaning',
    results: 'Area clean; extra bin placed.',
    actions: 'Emptied bins, picked litter, added a second bin by the tables.',
  },
  {
    description: 'Heating does not come on in the warehouse office.',
    location: 'Warehouse',
    urgency: 'Urgent (within 24 h)',
    resources: 'HVAC technician',
    category: 'HVAC',
    results: 'Heater working; office at 20 °C.',
    actions: 'Replaced the igniter and the blown fuse.',
  },
  {
    description: 'Projector in the training room shows a purple tint.',
    location: 'Annex',
    urgency: 'Routine',
    resources: 'VGA/HDMI cables',
    category: 'IT',
    results: 'Colours correct.',
    actions: 'Replaced the damaged HDMI cable.',
  },
  {
    description: 'Gas smell near the boiler room door.',
    location: 'Main Building',
    urgency: 'Emergency (safety risk)',
    resources: 'Gas detector, certified engineer',
    category: 'HVAC',
    results: 'No leak remaining; boiler room certified safe.',
    actions: 'Evacuated the corridor, isolated the supply, replaced a leaking union, pressure-tested.',
  },
  {
    description: 'Hedges along the north path overgrown and blocking the walkway.',
    location: 'Grounds',
    urgency: 'Scheduled / planned',
    resources: 'Hedge trimmer',
    category: 'Grounds',
    results: 'Path clear.',
    actions: 'Trimmed 60 m of hedge and cleared the cuttings.',
  },
  {
    description: 'Office chair arm broken in room 108.',
    location: 'Main Building',
    urgency: 'Routine',
    resources: '',
    category: 'Other',
    results: 'Chair repaired.',
    actions: 'Replaced the arm rest from spare parts.',
  },
  {
    description: 'Emergency exit sign not lit at the rear stairs.',
    location: 'Annex',
    urgency: 'Urgent (within 24 h)',
    resources: 'LED exit sign kit',
    category: 'Electrical',
    results: 'Sign lit; battery test passed.',
    actions: 'Replaced the LED module and the backup battery.',
  },
  {
    description: 'Car park barrier does not lift for staff badges.',
    location: 'Car Park',
    urgency: 'Urgent (within 24 h)',
    resources: 'Access control technician',
    category: 'Electrical',
    results: 'Barrier reads badges again.',
    actions: 'Replaced the badge reader and reset the controller.',
  },
  {
    description: 'Deep clean of the canteen before the open day.',
    location: 'Main Building',
    urgency: 'Scheduled / planned',
    resources: 'Cleaning crew, floor machine',
    category: 'Cleaning',
    results: 'Canteen cleaned.',
    actions: 'Scrubbed floors, degreased the kitchen, cleaned windows.',
  },
  {
    description: 'Shelving unit in aisle 4 is leaning.',
    location: 'Warehouse',
    urgency: 'Emergency (safety risk)',
    resources: 'Racking inspector',
    category: 'Carpentry',
    results: 'Unit anchored and load-rated.',
    actions: 'Unloaded the unit, replaced a bent upright, anchored to the floor.',
  },
  {
    description: 'Slow drain in the 2nd floor shower.',
    location: 'Main Building',
    urgency: 'Routine',
    resources: 'Drain snake',
    category: 'Plumbing',
    results: 'Drains freely.',
    actions: 'Cleared the hair blockage and cleaned the trap.',
  },
  {
    description: 'Replace the lobby door mats (worn through).',
    location: 'Main Building',
    urgency: 'Scheduled / planned',
    resources: 'Two 120×180 mats',
    category: 'Other',
    results: 'New mats in place.',
    actions: 'Ordered and laid two new mats.',
  },
  {
    description: 'Printer on floor 3 shows a network error for everyone.',
    location: 'Annex',
    urgency: 'Routine',
    resources: '',
    category: 'IT',
    results: 'Printer reachable again.',
    actions: 'Gave the printer a reserved address and re-added the queue.',
  },
  {
    description: 'Fallen branch on the path behind the warehouse after the storm.',
    location: 'Grounds',
    urgency: 'Urgent (within 24 h)',
    resources: 'Chainsaw, two people',
    category: 'Grounds',
    results: 'Path clear; tree checked.',
    actions: 'Cut up and removed the branch, checked the tree for further damage.',
  },
];

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
