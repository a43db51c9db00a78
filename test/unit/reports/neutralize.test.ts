/**
 * Sheets treats text written by setValues that starts with = + - @ as a formula; a leading apostrophe
 * keeps it as text (and is not displayed).
 */
import { neutralize } from '../../../src/core/reports';

describe('neutralize', () => {
  test.each(['=SUM(A1:A2)', '+1', '-2', '@user', '\t=1', '\r=1'])(
    'prefixes %j with an apostrophe',
    (text) => {
      expect(neutralize(text)).toBe(`'${text}`);
    },
  );

  test.each(['', 'Plumbing', "'already text", ' =not first', '1+1'])('leaves %j alone', (text) => {
    expect(neutralize(text)).toBe(text);
  });
});
