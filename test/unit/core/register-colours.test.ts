/** The register's colour rules as data: found by header, quoted safely, marked as the add-on's own. */
import { registerLayout, REGISTER_HEADER_ROW } from '../../../src/core/columns';
import {
  RULE_MARK,
  columnLetters,
  isRegisterColourFormula,
  registerColourRules,
} from '../../../src/core/register-colours';

describe('register colour rules', () => {
  test('column letters past Z', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  test('formulas point at the columns wherever the header puts them, and carry the mark', () => {
    const header = ['Priority', 'Notes', 'Due', 'Status'];
    const rules = registerColourRules(registerLayout(header), ['Now', 'Soon']);
    const overdue = rules.find((r) => r.field === 'due')!;
    expect(overdue.formula).toBe(
      `=AND(ISNUMBER($C2),$C2<NOW(),OR($D2="Approved",$D2="Assigned",$D2="In Progress"),${RULE_MARK})`,
    );
    expect(rules.filter((r) => r.field === 'priority').map((r) => r.formula)[0]).toMatch(
      /^=AND\(\$A2="Now",OR\(\$D2=/,
    );
    expect(rules.every((r) => isRegisterColourFormula(r.formula))).toBe(true);
    expect(isRegisterColourFormula('=$A2="Now"')).toBe(false);
  });

  test('a priority name with quotes cannot end the string early', () => {
    const rules = registerColourRules(registerLayout([...REGISTER_HEADER_ROW]), ['P1 "Red" now']);
    expect(rules.find((r) => r.field === 'priority')!.formula).toContain('="P1 ""Red"" now"');
  });

  test('a register without Status gets neither status nor overdue colours; without Priority no priority ones', () => {
    expect(registerColourRules(registerLayout(['Due', 'Priority']), ['P1']).map((r) => r.field)).toEqual([
      'priority',
    ]);
    expect(registerColourRules(registerLayout(['Status']), ['P1']).every((r) => r.field === 'status')).toBe(
      true,
    );
  });
});
