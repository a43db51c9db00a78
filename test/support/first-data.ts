/**
 * The first data a menu item put in the sidebar it showed (src/shared/first-data.ts), read as a browser
 * reads it: the block runs from its opening tag to the first `</script` after it, and its text is JSON.
 */
import { FIRST_DATA_ID } from '../../src/shared/first-data';
import type { TestWorkbook } from './workbook';

export interface ShownPage {
  html: string;
  /** The text between the block's tags, as the HTML parser would end it; null when there is no block. */
  blockText: string | null;
  /** The block's JSON, parsed. */
  data: unknown;
}

/** The sidebar last shown to `user`, and the data it carries. */
export function shownSidebar(wb: TestWorkbook, user: string): ShownPage {
  const sidebar = wb.rt.world.ui.lastSidebar(wb.ssId, user);
  if (!sidebar) throw new Error(`no sidebar was shown to ${user}`);
  const html = sidebar.html;
  const open = `<script type="application/json" id="${FIRST_DATA_ID}">`;
  const at = html.indexOf(open);
  if (at < 0) return { html, blockText: null, data: undefined };
  const start = at + open.length;
  // The HTML tokenizer ends a script element's text at the first `</script` (any case).
  const end = html.toLowerCase().indexOf('</script', start);
  const blockText = html.slice(start, end);
  return { html, blockText, data: JSON.parse(blockText) as unknown };
}
