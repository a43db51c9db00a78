/**
 * A sidebar's first data, carried in the page the menu item shows, so the page draws at once instead of
 * asking the server first (a second execution: a bundle load and a browser round trip, about 0.6 s).
 * The server appends one block to the page (HtmlOutput.append); the page reads it once, checks it with
 * the same contract it checks replies with, and falls back to its usual first call when it is missing or
 * does not pass.
 *
 * The block is JSON in a `<script type="application/json">`: never run, and read with JSON.parse. The
 * data holds text anyone can type (descriptions, names), so every `<`, `>` and `&` is written as a
 * JSON \u escape: no `</script>` or `<!--` can end or bend the block, and the JSON reads back the same.
 */

/** The id of the block in the page. */
export const FIRST_DATA_ID = 'wo-first-data';

/** JSON that is inert inside an HTML script element (and in any other HTML context). */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The block to append to a page: `value` as inert JSON, found by FIRST_DATA_ID. */
export function firstDataBlock(value: unknown): string {
  return `<script type="application/json" id="${FIRST_DATA_ID}">${jsonForHtml(value)}</script>`;
}
