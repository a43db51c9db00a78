import { restoreMissingSettings } from '../../../src/core/settings-restore';
import { SETTING_DESCRIPTIONS, defaultSettings, settingsSheetRows } from '../../../src/core/settings';

describe('restoreMissingSettings', () => {
  const full = settingsSheetRows(defaultSettings());
  const at = full[0]!.indexOf('Setting');

  it('finds nothing to do on a complete tab', () => {
    expect(restoreMissingSettings(full)).toBeNull();
  });

  it('writes a deleted row below the table, keeping every other cell', () => {
    const deleted = full.filter((r) => r[at] !== 'replyTo');
    const restored = restoreMissingSettings(deleted)!;
    expect(restored.keys).toEqual(['replyTo']);
    const row = deleted.length + 1;
    expect(restored.writes).toEqual([
      { column: at + 1, row, values: [['replyTo']] },
      { column: at + 2, row, values: [['']] },
      { column: at + 3, row, values: [[SETTING_DESCRIPTIONS.replyTo]] },
    ]);
  });

  it('fills gaps first, keeping what lies between them', () => {
    const gaps = full.map((r) =>
      r[at] === 'dailyDigest' || r[at] === 'digestHour' || r[at] === 'replyTo'
        ? r.map((c, i) => (i >= at ? '' : c))
        : r,
    );
    gaps[full.findIndex((r) => r[at] === 'digestHour')]![at + 1] = 'a stray value';
    const restored = restoreMissingSettings(gaps)!;
    expect(restored.keys).toEqual(['dailyDigest', 'digestHour', 'replyTo']);
    const keys = restored.writes[0]!;
    const first = full.findIndex((r) => r[at] === 'dailyDigest') + 1;
    expect(keys.row).toBe(first);
    // digestHour's row holds a stray Value, so it is not a gap: the keys go to the two gaps, then below.
    expect(keys.values[0]).toEqual(['dailyDigest']);
    expect(keys.values[4]).toEqual(['digestHour']);
    expect(keys.values.at(-1)).toEqual(['replyTo']);
    expect(keys.values.slice(1, 4)).toEqual([
      [''],
      ['reminderHoursBeforeDue'],
      ['escalateAfterOverdueHours'],
    ]);
    // What lies between is written back as it was, the stray value included.
    expect(restored.writes[1]!.values[1]).toEqual(['a stray value']);
  });

  it('leaves a tab without the Setting, Value and Description columns alone', () => {
    expect(restoreMissingSettings([['Category', 'Location']])).toBeNull();
  });
});
