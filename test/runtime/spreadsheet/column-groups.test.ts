/**
 * Conformance: column groups. Range.shiftColumnGroupDepth, Sheet.getColumnGroupDepth,
 * Sheet.getColumnGroup, Sheet.collapseAllColumnGroups / expandAllColumnGroups and Group.
 * References: developers.google.com/apps-script/reference/spreadsheet/group, range#shiftColumnGroupDepth
 * ("no effect when decreasing the group depth below zero or above eight"), sheet#getColumnGroup;
 * Sheets API DimensionGroup (depth = how many groups wholly contain it; collapsing hides the columns).
 */
import { project, value } from './helpers';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function depths(s, n) { var out = []; for (var c = 1; c <= n; c++) out.push(s.getColumnGroupDepth(c)); return out; }
function hidden(s, n) { var out = []; for (var c = 1; c <= n; c++) if (s.isColumnHiddenByUser(c)) out.push(c); return out; }

function groupAndCollapse() {
  var s = sheet();
  s.getRange('C1:F1').shiftColumnGroupDepth(1);
  s.getRange(1, 4, 10, 2).shiftColumnGroupDepth(1);
  var outer = s.getColumnGroup(3, 1);
  var inner = s.getColumnGroup(5, 2);
  var facts = {
    depths: depths(s, 7),
    outer: [outer.getRange().getA1Notation(), outer.getDepth(), outer.isCollapsed(), outer.getControlIndex()],
    inner: [inner.getRange().getA1Notation(), inner.getDepth()],
  };
  inner.collapse();
  facts.innerCollapsed = hidden(s, 7);
  outer.collapse();
  facts.outerCollapsed = hidden(s, 7);
  outer.expand();
  facts.outerExpanded = [hidden(s, 7), inner.isCollapsed(), outer.isCollapsed()];
  s.showColumns(4, 2);
  facts.shownByHand = [hidden(s, 7), inner.isCollapsed()];
  return facts;
}

function clampAndMerge() {
  var s = sheet();
  s.getRange('B1').shiftColumnGroupDepth(-1);
  s.getRange('B1:C1').shiftColumnGroupDepth(9);
  var clamped = depths(s, 4);
  s.getRange('B1:C1').shiftColumnGroupDepth(-8);
  s.getRange('E1').shiftColumnGroupDepth(1);
  s.getRange('F1').shiftColumnGroupDepth(1);
  var merged = s.getColumnGroup(6, 1).getRange().getA1Notation();
  s.getColumnGroup(5, 1).remove();
  return [clamped, merged, depths(s, 7)];
}

function byControlIndex() {
  var s = sheet();
  s.getRange('C1:D1').shiftColumnGroupDepth(1);
  return s.getColumnGroup(2, 1).getRange().getA1Notation();
}
function missing() {
  var s = sheet();
  s.getRange('C1').shiftColumnGroupDepth(1);
  return [s.getColumnGroup(10, 1), s.getColumnGroup(3, 2),
    s.getColumnGroupControlPosition() === SpreadsheetApp.GroupControlTogglePosition.BEFORE];
}

function allAtOnce() {
  var s = sheet();
  s.getRange('B1:C1').shiftColumnGroupDepth(1);
  s.getRange('F1').shiftColumnGroupDepth(1);
  s.collapseAllColumnGroups();
  var collapsed = hidden(s, 7);
  s.expandAllColumnGroups();
  return [collapsed, hidden(s, 7)];
}

function movesWithColumns() {
  var s = sheet();
  s.getRange('C1:E1').shiftColumnGroupDepth(1);
  s.insertColumnsBefore(1, 1);
  s.insertColumnsAfter(4, 2);
  var grown = s.getColumnGroup(4, 1).getRange().getA1Notation();
  s.deleteColumns(4, 3);
  return [grown, depths(s, 7)];
}
`;

describe('column groups', () => {
  test('groups nest by depth; collapse hides, expand shows all but a collapsed inner group', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'groupAndCollapse', id)).toEqual({
      depths: [0, 0, 1, 2, 2, 1, 0],
      outer: ['C:F', 1, false, 2],
      inner: ['D:E', 2],
      innerCollapsed: [4, 5],
      outerCollapsed: [3, 4, 5, 6],
      outerExpanded: [[4, 5], true, false],
      shownByHand: [[], true],
    });
  });

  test('depth stays within 0–8, adjacent groups of a depth merge, remove() lowers the depth by one', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'clampAndMerge', id)).toEqual([[0, 8, 8, 0], 'E:F', [0, 0, 0, 0, 0, 0, 0]]);
  });

  test('a group is found by its control toggle (before the group by default); none there is null', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'byControlIndex', id)).toBe('C:D');
    const fresh = project(SOURCE);
    expect(await value(fresh.rt, 'missing', fresh.id)).toEqual([null, null, true]);
  });

  test('collapseAllColumnGroups and expandAllColumnGroups', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'allAtOnce', id)).toEqual([[2, 3, 6], []]);
  });

  test('groups move with inserted and deleted columns; columns inserted inside a group join it', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'movesWithColumns', id)).toEqual(['D:H', [0, 0, 0, 1, 1, 0, 0]]);
  });
});
