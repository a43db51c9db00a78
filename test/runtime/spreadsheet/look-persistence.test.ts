/**
 * Conditional format rules and column groups survive saving a world and loading it into a fresh
 * runtime (runtime/persistence.ts): a script reads back the same rules, groups and hidden columns.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { project, value } from './helpers';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function build() {
  var s = sheet();
  s.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied('=$A2="Late"').setBackground('#f4cccc').setBold(true).setRanges([s.getRange('A2:A50')]).build()]);
  s.getRange('C1:E1').shiftColumnGroupDepth(1);
  s.getColumnGroup(3, 1).collapse();
}
function read() {
  var s = sheet();
  var rule = s.getConditionalFormatRules()[0];
  var group = s.getColumnGroup(4, 1);
  return [rule.getBooleanCondition().getCriteriaValues()[0], rule.getBooleanCondition().getBackground(),
    rule.getBooleanCondition().getBold(), rule.getRanges()[0].getA1Notation(),
    group.getRange().getA1Notation(), group.isCollapsed(), s.isColumnHiddenByUser(3), s.isColumnHiddenByUser(6)];
}
`;

test('rules, groups and their collapsed columns come back after a save and a load', async () => {
  const original = project(SOURCE);
  await value(original.rt, 'build', original.id);
  const expected = await value(original.rt, 'read', original.id);
  expect(expected).toEqual(['=$A2="Late"', '#f4cccc', true, 'A2:A50', 'C:E', true, true, false]);
  const restored = project(SOURCE);
  importWorld(restored.rt.world, decodeWorldState(encodeWorldState(exportWorld(original.rt.world))));
  expect(await value(restored.rt, 'read', original.id)).toEqual(expected);
});
