import { assetLocationOfAnswer } from '../../../src/core/assets';

const LOCATIONS = ['Main Building', 'Annex', 'Annex (East)'];

test('the location a form choice names, matched against the known locations', () => {
  expect(assetLocationOfAnswer('PUMP-01 — Boiler feed pump (Main Building)', LOCATIONS)).toBe(
    'Main Building',
  );
  // A location holding parentheses of its own, and a name that does.
  expect(assetLocationOfAnswer('AHU-2 — Air unit (roof) (Annex (East))', LOCATIONS)).toBe('Annex (East)');
  expect(assetLocationOfAnswer('AHU-3 — Air unit (roof) (annex)', LOCATIONS)).toBe('Annex');
});

test('no location: a bare id, an asset with none, or one not on the list', () => {
  expect(assetLocationOfAnswer('PUMP-01', LOCATIONS)).toBeNull();
  expect(assetLocationOfAnswer('PUMP-01 — Boiler feed pump', LOCATIONS)).toBeNull();
  expect(assetLocationOfAnswer('PUMP-01 — Boiler feed pump (Basement)', LOCATIONS)).toBeNull();
});
