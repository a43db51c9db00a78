import {
  DEFAULT_SETTINGS,
  SETTINGS_HEADER_ROW,
  SettingsSchema,
  defaultSettings,
  parseSettings,
  priorityRule,
  settingsSheetRows,
} from '../../../src/core/settings';

/** As Sheets reads cells back: the apostrophe that keeps "08:00-17:00" text is not part of the value. */
function sheetReadBack(rows: unknown[][]): unknown[][] {
  return rows.map((r) => r.map((c) => (typeof c === 'string' && c.startsWith("'") ? c.slice(1) : c)));
}

describe('defaults', () => {
  it('carry the brief’s SLA tiers, categories and switches', () => {
    expect(DEFAULT_SETTINGS.priorities).toEqual([
      { name: 'P1 Emergency', respondHours: 1, completeWithin: 0, completeUnit: 'end of day' },
      { name: 'P2 Urgent', respondHours: 4, completeWithin: 24, completeUnit: 'hours' },
      { name: 'P3 Routine', respondHours: 24, completeWithin: 5, completeUnit: 'business days' },
      { name: 'P4 Scheduled', respondHours: 72, completeWithin: 30, completeUnit: 'days' },
    ]);
    expect(DEFAULT_SETTINGS.categories).toEqual([
      'Electrical',
      'Plumbing',
      'HVAC',
      'Carpentry',
      'Cleaning',
      'IT',
      'Grounds',
      'Other',
    ]);
    expect(DEFAULT_SETTINGS).toMatchObject({
      retentionDays: 730,
      notifyRequestor: true,
      notifyAssignee: true,
      notifySupervisors: true,
      dailyDigest: false,
      digestHour: 7,
      reminderHoursBeforeDue: 24,
      escalateAfterOverdueHours: 24,
    });
    expect(DEFAULT_SETTINGS.locations.length).toBeGreaterThan(0);
    expect(SettingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });
  it('are copied, not shared', () => {
    const a = defaultSettings();
    a.categories.push('Mine');
    expect(defaultSettings().categories).not.toContain('Mine');
  });
});

describe('settingsSheetRows / parseSettings', () => {
  it('writes side-by-side tables under one header row', () => {
    const rows = settingsSheetRows(defaultSettings());
    expect(rows[0]).toEqual([
      'Category',
      'Location',
      'Priority',
      'Respond Within (h)',
      'Complete Within',
      'Complete Unit',
      'Setting',
      'Value',
      'Description',
    ]);
    expect(rows[1]).toEqual([
      'Electrical',
      'Main Building',
      'P1 Emergency',
      1,
      0,
      'end of day',
      'organizationName',
      'Facilities Maintenance',
      'Name used in emails and on the Procedure tab.',
    ]);
    expect(rows.length).toBe(18); // header + 17 settings (the longest table)
    expect(rows.every((r) => r.length === 9)).toBe(true);
  });
  it('round-trips the defaults without problems', () => {
    expect(parseSettings(sheetReadBack(settingsSheetRows(defaultSettings())))).toEqual({
      settings: defaultSettings(),
      problems: [],
    });
  });
  it('neutralizes text written to the tab', () => {
    const s = defaultSettings();
    s.organizationName = '=cmd';
    s.categories = ['+Electrical'];
    const rows = settingsSheetRows(s);
    expect(rows[1]?.[0]).toBe("'+Electrical");
    expect(rows[1]?.[7]).toBe("'=cmd");
  });
  it('finds the tables by header in any order, typed values and text alike', () => {
    const values = [
      [
        'Setting',
        'Value',
        '',
        'priority',
        'complete unit',
        'complete within',
        'respond within (h)',
        'Category',
      ],
      ['notify requestor', 'no', '', 'Now', 'Hours', '2', '', 'Roofs'],
      ['digestHour', '9', '', 'Later', 'business day', 3, 8, ' Paint '],
      ['retentionDays', 365, '', '', '', '', '', ''],
    ];
    const { settings, problems } = parseSettings(values);
    expect(settings.notifyRequestor).toBe(false);
    expect(settings.digestHour).toBe(9);
    expect(settings.retentionDays).toBe(365);
    expect(settings.categories).toEqual(['Roofs', 'Paint']);
    expect(settings.locations).toEqual(DEFAULT_SETTINGS.locations); // no Location column: defaults
    expect(settings.priorities).toEqual([
      { name: 'Now', respondHours: null, completeWithin: 2, completeUnit: 'hours' },
      { name: 'Later', respondHours: 8, completeWithin: 3, completeUnit: 'business days' },
    ]);
    expect(problems).toContain('The Settings tab has no "Location" column: using the defaults');
    expect(problems).toContain(
      'Setting organizationName is missing: the default (Facilities Maintenance) is used',
    );
  });
  it('reports bad entries readably and falls back per entry', () => {
    const rows = sheetReadBack(settingsSheetRows(defaultSettings()));
    const header = rows[0] as string[];
    const col = (h: string): number => header.indexOf(h);
    /** `row` is the sheet row number (1 = header). */
    const set = (row: number, h: string, v: unknown): void => {
      (rows[row - 1] as unknown[])[col(h)] = v;
    };
    set(3, 'Complete Unit', 'weeks'); // P2 Urgent has a default → the default target is used
    set(4, 'Priority', 'P1 Emergency'); // duplicate of row 2's name
    set(5, 'Respond Within (h)', 'soon'); // P4 Scheduled
    set(6, 'Category', 'electrical'); // duplicate of row 2, other case
    set(3, 'Value', 'maybe'); // retentionDays
    set(4, 'Value', 'x'); // notifyRequestor
    set(7, 'Value', 24); // dailyDigest: 24 is not a boolean
    set(8, 'Value', 30); // digestHour out of range
    set(9, 'Setting', 'colour'); // replaces reminderHoursBeforeDue
    rows.push(['', '', 'P5 Someday', '', 5, 'fortnights', '', '', '']);
    const { settings, problems } = parseSettings(rows);
    expect(problems).toEqual([
      'Settings row 6: Category "electrical" is listed twice; the second is ignored',
      'Settings row 3: Complete Unit "weeks" is not one of end of day, hours, business days, business hours, days; the default target for P2 Urgent is used',
      'Settings row 4: Priority "P1 Emergency" is listed twice; the second is ignored',
      'Settings row 5: Respond Within (h) "soon" for P4 Scheduled is not a number of hours; the default (72) is used',
      'Settings row 19: Complete Unit "fortnights" is not one of end of day, hours, business days, business hours, days; priority P5 Someday is ignored',
      'Settings row 3: "maybe" is not a valid value for retentionDays (expected a whole number of days from 1 to 36500); the default (730) is used',
      'Settings row 4: "x" is not a valid value for notifyRequestor (expected TRUE or FALSE); the default (true) is used',
      'Settings row 7: "24" is not a valid value for dailyDigest (expected TRUE or FALSE); the default (false) is used',
      'Settings row 8: "30" is not a valid value for digestHour (expected a whole hour from 0 to 23); the default (7) is used',
      'Settings row 9: unknown setting "colour" is ignored',
      'Setting reminderHoursBeforeDue is missing: the default (24) is used',
    ]);
    expect(settings.priorities).toEqual([
      { name: 'P1 Emergency', respondHours: 1, completeWithin: 0, completeUnit: 'end of day' },
      { name: 'P2 Urgent', respondHours: 4, completeWithin: 24, completeUnit: 'hours' },
      { name: 'P4 Scheduled', respondHours: 72, completeWithin: 30, completeUnit: 'days' },
    ]);
    expect(settings.categories).not.toContain('electrical');
    expect(settings.categories).not.toContain('Cleaning');
    expect(settings.retentionDays).toBe(730);
    expect(settings.digestHour).toBe(7);
    expect(settings.notifyRequestor).toBe(true);
  });
  it('rejects fractional day counts but allows fractional hours', () => {
    const values = [
      ['Priority', 'Respond Within (h)', 'Complete Within', 'Complete Unit'],
      ['Half day', 0.5, 4.5, 'hours'],
      ['Odd', '', 1.5, 'days'],
    ];
    const { settings, problems } = parseSettings(values);
    expect(settings.priorities).toEqual([
      { name: 'Half day', respondHours: 0.5, completeWithin: 4.5, completeUnit: 'hours' },
    ]);
    expect(problems).toContain(
      'Settings row 3: Complete Within "1.5" is not a whole, non-negative number; priority Odd is ignored',
    );
  });
  it('falls back to defaults for an empty tab or empty lists', () => {
    expect(parseSettings([])).toEqual({
      settings: defaultSettings(),
      problems: ['The Settings tab has no header row: using the default settings'],
    });
    const { settings, problems } = parseSettings([[...SETTINGS_HEADER_ROW]]);
    expect(settings.categories).toEqual(DEFAULT_SETTINGS.categories);
    expect(settings.priorities).toEqual(DEFAULT_SETTINGS.priorities);
    expect(settings.locations).toEqual([]);
    expect(problems).toContain('No categories are listed: using the default categories');
    expect(problems).toContain('No valid priorities are listed: using the default priorities');
  });
  it('accepts checkbox booleans and yes/no text', () => {
    const { settings } = parseSettings([
      ['Setting', 'Value'],
      ['dailyDigest', true],
      ['notifyAssignee', 'No'],
      ['notifySupervisors', 0],
    ]);
    expect(settings).toMatchObject({ dailyDigest: true, notifyAssignee: false, notifySupervisors: false });
  });
  it('finds a priority rule by name, any case', () => {
    expect(priorityRule(DEFAULT_SETTINGS, ' p2 urgent ')?.completeWithin).toBe(24);
    expect(priorityRule(DEFAULT_SETTINGS, 'P9')).toBeUndefined();
  });
});
